import type { TOpportunityDetail } from '../../../domain/api/opportunities.ts';
import type { POST_KINDS } from '../../../domain/ledger/codes.ts';
import { defaultRulesFor } from '../../../domain/opportunities/kinds.ts';
import type { TEligibilityRule, TOpportunityKind } from '../../../domain/opportunities/types.ts';
import type { TLevel } from '../../../domain/registry/fields.ts';
import type { TIndustry, TOpportunityInput } from '../../api/opportunities.ts';
import { regionCodeToPrefix } from './opportunity-labels.ts';

/*
 * The post form's values and the body the API takes, both ways, and the rule templates of a kind. Pure, so the
 * arithmetic of the form is tested without a browser.
 */

/** What the form holds: dates as YYYY-MM-DD strings (the date pickers convert), empty numbers as null. */
export type TPostFormValues = {
  kind: TOpportunityKind;
  title: string;
  employerOrgId: string | null;
  regionCodes: string[];
  majorPrefixes: string[];
  minLevel: TLevel | null;
  quota: number | null;
  deadline: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  industry: TIndustry | null;
  postKind: (typeof POST_KINDS)[number] | null;
  cohort: number | null;
  description: string;
  targetPriority: boolean;
  eligibilityRules: TEligibilityRule[];
};

/**
 * A kind's starting conditions: its template (domain/opportunities/kinds.ts) with the minimum level lifted into
 * the post's own field, which lists filter on; the rest become the editable rule list.
 */
export function templateOf(
  kind: TOpportunityKind,
  at: { referenceDate: string; cohort: number },
): { minLevel: TLevel | null; rules: TEligibilityRule[] } {
  const rules = defaultRulesFor(kind, at);
  const min = rules.find((r) => r.kind === 'min_level');
  return {
    minLevel: min?.kind === 'min_level' ? min.level : null,
    rules: rules.filter((r) => r.kind !== 'min_level'),
  };
}

/** Whether two rule lists say the same (order included): an untouched template may be replaced silently. */
export function sameRules(a: readonly TEligibilityRule[], b: readonly TEligibilityRule[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The values of a new post of a kind. */
export function newPostValues(
  kind: TOpportunityKind,
  at: { referenceDate: string; cohort: number },
): TPostFormValues {
  const template = templateOf(kind, at);
  return {
    kind,
    title: '',
    employerOrgId: null,
    regionCodes: [],
    majorPrefixes: [],
    minLevel: template.minLevel,
    quota: null,
    deadline: null,
    salaryMin: null,
    salaryMax: null,
    industry: null,
    postKind: null,
    cohort: kind === 'zhuanshengben' || kind === 'second_degree' ? at.cohort : null,
    description: '',
    targetPriority: false,
    eligibilityRules: template.rules,
  };
}

/** The form values of a stored post (domicile prefixes shown as the region codes they stand for). */
export function valuesOfPost(post: TOpportunityDetail): TPostFormValues {
  return {
    kind: post.kind,
    title: post.title,
    employerOrgId: post.employer && post.employer.id !== post.owner.id ? post.employer.id : null,
    regionCodes: post.regionCodes,
    majorPrefixes: post.majorPrefixes,
    minLevel: post.minLevel,
    quota: post.quota,
    deadline: post.deadline,
    salaryMin: post.salaryMin,
    salaryMax: post.salaryMax,
    industry: post.industry,
    postKind: post.postKind,
    cohort: post.cohort,
    description: post.description,
    targetPriority: post.targetPriority,
    eligibilityRules: post.eligibilityRules.map((r) =>
      r.kind === 'domicile_regions' ? { ...r, codes: r.codes.map((c) => c.padEnd(6, '0')) } : r,
    ),
  };
}

/** Whether a rule has what it needs (the form refuses to send a rule with an empty list or no date). */
export function isRuleComplete(rule: TEligibilityRule): boolean {
  switch (rule.kind) {
    case 'max_age':
      return Number.isInteger(rule.years) && /^\d{4}-\d{2}-\d{2}$/.test(rule.referenceDate);
    case 'levels':
      return rule.levels.length > 0;
    case 'major_categories':
    case 'domicile_regions':
      return rule.codes.length > 0;
    case 'cohorts':
      return rule.cohorts.length > 0;
    default:
      return true;
  }
}

/** The API body of the form's values; domicile regions travel as prefixes (520000 → 52). */
export function bodyOfValues(v: TPostFormValues): TOpportunityInput {
  return {
    kind: v.kind,
    title: v.title.trim(),
    regionCodes: v.regionCodes,
    majorPrefixes: v.majorPrefixes,
    minLevel: v.minLevel ?? null,
    eligibilityRules: v.eligibilityRules.map((r) =>
      r.kind === 'domicile_regions' ? { ...r, codes: [...new Set(r.codes.map(regionCodeToPrefix))] } : r,
    ),
    quota: v.quota ?? null,
    deadline: v.deadline ?? '',
    salaryMin: v.salaryMin ?? null,
    salaryMax: v.salaryMax ?? null,
    description: v.description.trim(),
    targetPriority: v.targetPriority,
    industry: v.industry ?? null,
    postKind: v.postKind ?? null,
    cohort: v.cohort ?? null,
    employerOrgId: v.employerOrgId ?? null,
  };
}
