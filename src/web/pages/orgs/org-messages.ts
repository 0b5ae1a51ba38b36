import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { translateError } from '../../i18n/error-message.ts';

type TDetails = {
  problems?: string[];
  blockers?: { activeUsers: number; activeChildren: number; openCases: number };
  field?: string;
  orgCode?: string;
};

/**
 * The text for a refused org change, in the reader's language: the placement problems and the deactivation
 * blockers come as codes and counts (details), a taken code names its field; the rest as usual.
 */
export function orgErrorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return translateError(t, error);
  const details = (error.details && !Array.isArray(error.details) ? error.details : {}) as TDetails;
  if (details.problems?.length) {
    return details.problems.map((p) => t(`orgs.problems.${p}`, { defaultValue: p })).join('；');
  }
  if (details.blockers) return t('orgs.blocked', details.blockers);
  if (error.code === 'conflict' && details.field === 'moeCode') {
    return t('orgs.moeCodeTaken', { code: details.orgCode ?? '' });
  }
  if (error.code === 'conflict' && details.field === 'code') return t('orgs.codeTaken');
  if (error.code === 'forbidden') return t('orgs.outOfScope');
  return translateError(t, error);
}
