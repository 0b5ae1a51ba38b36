import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { casesZh } from '../../i18n/cases.zh-CN.ts';

/*
 * Labels for ledger codes that arrive as plain strings (timeline event data, conflict details): a code this
 * client does not know is shown as it is rather than as a missing-translation key.
 */

type TCodeList =
  | 'intentions'
  | 'services'
  | 'postKinds'
  | 'industries'
  | 'measureGroups'
  | 'measures'
  | 'followUpMethods'
  | 'progressKinds'
  | 'statuses'
  | 'stages'
  | 'eventKinds';

type TLooseT = (key: string, options?: Record<string, unknown>) => string;

/** The label of `code` in one of the ledger code lists, or the code itself. */
export function codeLabel(t: TFunction, list: TCodeList, code: unknown): string {
  const s = typeof code === 'string' ? code : String(code ?? '');
  if (!Object.hasOwn(casesZh[list], s)) return s;
  return (t as unknown as TLooseT)(`cases.${list}.${s}`);
}

export function codeLabels(t: TFunction, list: TCodeList, codes: unknown): string {
  return Array.isArray(codes) ? codes.map((c) => codeLabel(t, list, c)).join('、') : '';
}

const CONFLICT_FIELDS = casesZh.conflict.fields as Record<string, unknown>;

/** The label of a conflict field such as `needs.regions`. */
export function conflictFieldLabel(t: TFunction, field: string): string {
  const [head = '', tail] = field.split('.');
  const known = tail
    ? typeof CONFLICT_FIELDS[head] === 'object' &&
      Object.hasOwn(CONFLICT_FIELDS[head] as Record<string, unknown>, tail)
    : typeof CONFLICT_FIELDS[head] === 'string';
  return known ? (t as unknown as TLooseT)(`cases.conflict.fields.${field}`) : field;
}

/** A conflict value as a person reads it: labels for codes, 是/否, dates, lists joined. */
export function conflictValue(
  t: TFunction,
  field: string,
  value: unknown,
  names: {
    destination?: (code: string) => string | undefined;
    file?: (id: string) => string | undefined;
  } = {},
): string {
  // a qualification left empty is "not recorded", which is an answer of its own (是 / 否 / 未填写)
  if (field === 'needs.partyMember' || field === 'needs.teacherCertificate') {
    return t(`cases.needs.qualification.${value === true ? 'yes' : value === false ? 'no' : 'unknown'}`);
  }
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('common.none');
  }
  switch (field) {
    case 'intention':
      return codeLabel(t, 'intentions', value);
    case 'status':
      return codeLabel(t, 'statuses', value);
    case 'needs.industries':
      return Array.isArray(value)
        ? value.map((c) => `${String(c)} ${codeLabel(t, 'industries', c)}`).join('、')
        : String(value);
    case 'needs.postKinds':
      return codeLabels(t, 'postKinds', value);
    case 'needs.services':
      return codeLabels(t, 'services', value);
    case 'plannedMeasures':
      return codeLabels(t, 'measures', value);
    case 'profileVerifiedAt':
      return dayjs(String(value)).format('YYYY-MM-DD HH:mm');
    case 'destinationCode': {
      const name = names.destination?.(String(value));
      return name ? `${String(value)} ${name}` : String(value);
    }
    case 'destination.evidenceFileId':
      return names.file?.(String(value)) ?? String(value);
  }
  if (typeof value === 'boolean') return value ? t('cases.yes') : t('cases.no');
  if (Array.isArray(value)) return value.map(String).join('、');
  return String(value);
}

/** Date of an ISO instant as the users read it. */
export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '');
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
