import type { TFunction } from 'i18next';
import type { TOpportunityStatus } from '../../../domain/opportunities/codes.ts';
import { regionPrefix } from '../../../domain/opportunities/post-rules.ts';
import type { TEligibilityRule, TOpportunityKind } from '../../../domain/opportunities/types.ts';
import type { TLevel } from '../../../domain/registry/fields.ts';

/*
 * Pure label helpers of the post pages (and of the portals, which may import them): kind colours, salary and
 * deadline texts, one line per eligibility rule.
 */

/** One colour per kind; the two study routes share purple. */
export const KIND_COLORS: Record<TOpportunityKind, string> = {
  market_job: 'blue',
  internship: 'geekblue',
  skills_training: 'cyan',
  tegang: 'magenta',
  village_official: 'volcano',
  sanzhi_yifu: 'orange',
  western_program: 'gold',
  research_assistant: 'green',
  conscription: 'lime',
  public_welfare: 'red',
  entrepreneurship: '#9e1068',
  zhuanshengben: 'purple',
  second_degree: 'purple',
};

export const POST_STATUS_COLORS: Record<TOpportunityStatus, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'default',
};

/** "3000–5000 元/月", "3000 元/月起", "最高 …", or 面议 when neither bound is set. */
export function salaryText(t: TFunction, min: number | null, max: number | null): string {
  if (min !== null && max !== null) {
    return min === max
      ? t('opportunities.salaryFrom', { min })
      : t('opportunities.salaryRange', { min, max });
  }
  if (min !== null) return t('opportunities.salaryFrom', { min });
  if (max !== null) return t('opportunities.salaryUpTo', { max });
  return t('opportunities.salaryNone');
}

/** Whole days from `today` to `deadline` (both YYYY-MM-DD, China dates); negative once it has passed. */
export function daysUntil(deadline: string, today: string): number {
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Today's date in China (the server decides deadlines in China time). */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** "5 / 20" places taken of the quota, or "5 / 若干" when the quota is not fixed. */
export function quotaText(t: TFunction, used: number, quota: number | null): string {
  return `${used} / ${quota ?? t('opportunities.quotaOpen')}`;
}

/** A region code prefix ('52', '5224', '522427') as the 6-digit code it stands for. */
export function prefixToRegionCode(prefix: string): string {
  return prefix.padEnd(6, '0');
}

/** A 6-digit region code as the prefix a domicile rule stores (520000 → 52). */
export function regionCodeToPrefix(code: string): string {
  return regionPrefix(code);
}

type TNames = {
  /** names of regions by 6-digit code */
  region?: (code: string) => string | undefined;
  /** names of majors, classes and categories by code */
  major?: (code: string) => string | undefined;
};

const named = (code: string, name: string | undefined) => (name ? `${name}（${code}）` : code);

/** One line per rule, in the reader's language; codes get their names when the caller knows them. */
export function ruleText(t: TFunction, rule: TEligibilityRule, names: TNames = {}): string {
  const level = (l: TLevel) => t(`graduates.levels.${l}`);
  const sep = '、';
  switch (rule.kind) {
    case 'max_age':
      return t('opportunities.ruleText.max_age', { years: rule.years, date: rule.referenceDate });
    case 'min_level':
      return t('opportunities.ruleText.min_level', { level: level(rule.level) });
    case 'levels':
      return t('opportunities.ruleText.levels', { levels: rule.levels.map(level).join(sep) });
    case 'major_categories':
      return t('opportunities.ruleText.major_categories', {
        codes: rule.codes.map((c) => named(c, names.major?.(c))).join(sep),
      });
    case 'domicile_regions':
      return t('opportunities.ruleText.domicile_regions', {
        codes: rule.codes.map((c) => named(c, names.region?.(prefixToRegionCode(c)))).join(sep),
      });
    case 'cohorts':
      return t('opportunities.ruleText.cohorts', { cohorts: rule.cohorts.join(sep) });
    case 'party_member':
      return t('opportunities.ruleText.party_member');
    case 'teacher_certificate':
      return rule.preferred
        ? t('opportunities.ruleText.teacher_certificate_preferred')
        : t('opportunities.ruleText.teacher_certificate');
    case 'target_group_only':
      return t('opportunities.ruleText.target_group_only');
  }
}

/** Preferred rules only add to the score; the others exclude whoever does not meet them. */
export function isPreferredRule(rule: TEligibilityRule): boolean {
  return rule.kind === 'party_member' || (rule.kind === 'teacher_certificate' && rule.preferred === true);
}
