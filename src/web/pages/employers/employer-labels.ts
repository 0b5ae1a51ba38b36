import type { TFunction } from 'i18next';
import { employersZh } from '../../i18n/employers.zh-CN.ts';

/**
 * 单位性质代码 the registration form offers: the codes of the national graduate record, whose labels live in
 * the i18n files (the code table itself needs a session to read, and registration has none).
 */
export type TNatureCode = keyof typeof employersZh.natures;
export const NATURE_CODES = Object.keys(employersZh.natures) as TNatureCode[];

/** The label of a nature code, or the code itself when this client does not know it. */
export function natureLabel(t: TFunction, code: string): string {
  return NATURE_CODES.includes(code as TNatureCode) ? t(`employers.natures.${code as TNatureCode}`) : code;
}
