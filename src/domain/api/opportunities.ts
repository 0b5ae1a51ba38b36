import { z } from 'zod';
import { INDUSTRIES, POST_KINDS } from '../ledger/codes.ts';
import {
  APPLICATION_SOURCES,
  APPLICATION_STATUSES,
  EMPLOYER_TAGS,
  OPPORTUNITY_STATUSES,
  OWNER_SETTABLE_STATUSES,
} from '../opportunities/codes.ts';
import { OPPORTUNITY_KINDS, type TEligibilityRule } from '../opportunities/types.ts';
import { LEVELS } from '../registry/fields.ts';
import { ZPageQuery } from './common.ts';
import { zDate, zLine, zMultiline } from './primitives.ts';

// employers and the 专升本 plan live in their own files; the web app imports everything from here
export * from './employers.ts';
export * from './zsb.ts';

/*
 * Employers, posts of every kind, the 52-county zone, applications and the 专升本 plan. Payloads carry codes;
 * labels live in the web app's i18n files. What employers read about applicants is deliberately narrow:
 * never a poverty, focus-county, target or difficulty flag, never how the graduate found the post.
 */

const isoDate = zDate();
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const regionCode = z.string().regex(/^\d{6}$/, '6-digit region code');
/** 2-digit 门类/大类, 4-digit 专业类 or 6-digit 专业 (optionally with the K/T suffix of special majors) */
const majorPrefix = z.string().regex(/^\d{2}(\d{2}(\d{2}[KT]?)?)?$/, 'major code or prefix');
const cohort = z.number().int().min(2000).max(2100);
const version = z.number().int().min(1);

// ——— eligibility rules as data (mirrors TEligibilityRule in opportunities/types.ts) ———

export const ZEligibilityRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('max_age'), years: z.number().int().min(16).max(70), referenceDate: isoDate }),
  z.object({ kind: z.literal('min_level'), level: z.enum(LEVELS) }),
  z.object({ kind: z.literal('levels'), levels: z.array(z.enum(LEVELS)).min(1).max(3) }),
  z.object({ kind: z.literal('major_categories'), codes: z.array(majorPrefix).min(1).max(100) }),
  z.object({
    kind: z.literal('domicile_regions'),
    codes: z
      .array(z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'region code prefix'))
      .min(1)
      .max(100),
  }),
  z.object({ kind: z.literal('cohorts'), cohorts: z.array(cohort).min(1).max(10) }),
  z.object({ kind: z.literal('party_member'), preferred: z.literal(true) }),
  z.object({ kind: z.literal('teacher_certificate'), preferred: z.boolean().optional() }),
  z.object({ kind: z.literal('target_group_only') }),
]);
// the Zod schema and the contract's type must stay the same shape
const _sameShape: z.ZodType<TEligibilityRule, TEligibilityRule> = ZEligibilityRule;
void _sameShape;

/** One rule's verdict as the API returns it (TRuleVerdict). */
export const ZRuleVerdict = z.object({
  rule: z.string(),
  ok: z.boolean(),
  hard: z.boolean(),
  reasonZh: z.string(),
  reasonEn: z.string(),
  /** a hard rule that could not be checked because the fact is unknown */
  missing: z.boolean().optional(),
});

// ——— posts ———

/** Create or edit a post. Owner: the user's org; staff may name an approved employer the post is for. */
export const ZOpportunityBody = z.object({
  kind: z.enum(OPPORTUNITY_KINDS),
  title: zLine().min(2).max(100),
  /** where the work (or study) is: 6-digit codes; a province or city code covers everything in it */
  regionCodes: z.array(regionCode).min(1).max(50),
  /** majors accepted, as code prefixes; empty = 不限 */
  majorPrefixes: z.array(majorPrefix).max(100).default([]),
  minLevel: z.enum(LEVELS).nullable().default(null),
  /** further conditions (age, domicile, certificate …); min level and majors above are rules too */
  eligibilityRules: z.array(ZEligibilityRule).max(20).default([]),
  /** places; null = 若干 (not fixed) */
  quota: z.number().int().min(1).max(100_000).nullable().default(null),
  /** last day to apply (China date) */
  deadline: isoDate,
  /** yuan per month */
  salaryMin: z.number().int().min(0).max(200_000).nullable().default(null),
  salaryMax: z.number().int().min(0).max(200_000).nullable().default(null),
  description: zMultiline().max(5000).default(''),
  /** 优先面向重点帮扶群体: the post is listed in the 52-county zone */
  targetPriority: z.boolean().default(false),
  industry: z.enum(INDUSTRIES).nullable().default(null),
  postKind: z.enum(POST_KINDS).nullable().default(null),
  /** the graduating cohort the post is meant for, when it is (专升本: the plan's cohort) */
  cohort: cohort.nullable().default(null),
  /** staff only: the approved employer the post is for (employers always post as themselves) */
  employerOrgId: z.uuid().nullable().default(null),
});
export type TOpportunityBody = z.infer<typeof ZOpportunityBody>;

export const ZOpportunityUpdateBody = ZOpportunityBody.extend({ version });
export type TOpportunityUpdateBody = z.infer<typeof ZOpportunityUpdateBody>;

export const ZOpportunityStatusBody = z.object({
  status: z.enum(['open', 'closed']),
  version,
});

const ZOrgRef = z.object({ id: z.string(), name: z.string() });

export const ZOpportunityListItem = z.object({
  id: z.string(),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: z.string(),
  status: z.enum(OPPORTUNITY_STATUSES),
  owner: ZOrgRef,
  employer: ZOrgRef.extend({ tags: z.array(z.enum(EMPLOYER_TAGS)) }).nullable(),
  regionCodes: z.array(z.string()),
  regionNames: z.array(z.string()),
  majorPrefixes: z.array(z.string()),
  minLevel: z.enum(LEVELS).nullable(),
  quota: z.number().int().nullable(),
  /** places taken (offers and hires) */
  quotaUsed: z.number().int(),
  /** applications still in play or hired */
  applicants: z.number().int(),
  deadline: z.string(),
  /** the deadline has passed (China date) */
  expired: z.boolean(),
  salaryMin: z.number().int().nullable(),
  salaryMax: z.number().int().nullable(),
  targetPriority: z.boolean(),
  industry: z.enum(INDUSTRIES).nullable(),
  postKind: z.enum(POST_KINDS).nullable(),
  cohort: z.number().int().nullable(),
  provinceCode: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TOpportunityListItem = z.infer<typeof ZOpportunityListItem>;

export const ZOpportunityDetail = ZOpportunityListItem.extend({
  description: z.string(),
  eligibilityRules: z.array(ZEligibilityRule),
  /** the signed-in user's org owns the post (may edit, open, close, move applicants) */
  canEdit: z.boolean(),
});
export type TOpportunityDetail = z.infer<typeof ZOpportunityDetail>;

/** Filters the staff list, the employer's own list and the zone share. */
const ZOpportunityFilters = z.object({
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
  /** posts in this region, or covering it (a province-wide post matches a county) */
  region: regionCode.optional(),
  /** posts accepting this major code (posts with 不限 included) */
  major: majorPrefix.optional(),
  /** posts open to this level (minimum level at or below it) */
  level: z.enum(LEVELS).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  /** employer tag, e.g. alumni or east_west_partner */
  tag: z.enum(EMPLOYER_TAGS).optional(),
  /** deadline on or after (YYYY-MM-DD) */
  deadlineFrom: isoDate.optional(),
  /** deadline on or before */
  deadlineTo: isoDate.optional(),
  /** title or employer/owner name contains */
  q: zLine().max(50).optional(),
});

export const OPPORTUNITY_SORTS = ['deadline', 'created', 'salary', 'title'] as const;
const sorting = {
  sort: z.enum(OPPORTUNITY_SORTS).default('deadline'),
  order: z.enum(['asc', 'desc']).default('asc'),
};

export const ZOpportunityListQuery = ZPageQuery.merge(ZOpportunityFilters).extend({
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  /** only posts open for applications today (status open, deadline not passed) */
  open: flag.optional(),
  targetPriority: flag.optional(),
  employerOrgId: z.uuid().optional(),
  /** only posts my org owns (drafts are only ever listed to their owner) */
  mine: flag.optional(),
  ...sorting,
});
export type TOpportunityListQuery = z.infer<typeof ZOpportunityListQuery>;

/** The 52-county zone: open posts that prioritise the target group, same filters, nothing about the reader. */
export const ZZoneQuery = ZPageQuery.merge(ZOpportunityFilters).extend(sorting);
export type TZoneQuery = z.infer<typeof ZZoneQuery>;

/**
 * The zone's region filter for graduates: each province that open zone posts name, with the cities and
 * counties they name inside it (region names from the reference table). Only places that have posts.
 */
const ZZonePlace = z.object({ code: z.string(), name: z.string() });
export const ZZoneRegion = ZZonePlace.extend({ places: z.array(ZZonePlace) });
export type TZoneRegion = z.infer<typeof ZZoneRegion>;

/** The employer's own posts. */
export const ZEmployerPostsQuery = ZPageQuery.merge(ZOpportunityFilters).extend({
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  ...sorting,
});

// ——— applications ———

export const ZApplyBody = z.object({
  opportunityId: z.uuid(),
  source: z.enum(APPLICATION_SOURCES).default('self'),
});
export type TApplyBody = z.infer<typeof ZApplyBody>;

/**
 * Why an application was refused (409, `details.reason`); `not_eligible` carries the rules' verdicts, each
 * explaining itself in both languages.
 */
export const APPLY_REFUSALS = [
  'no_record',
  'not_open',
  'deadline_passed',
  'quota_full',
  'already_applied',
  'not_eligible',
] as const;
export const ZApplyRefusal = z.object({
  reason: z.enum(APPLY_REFUSALS),
  verdicts: z.array(ZRuleVerdict).optional(),
});

/** The graduate's own application, with the post it is for. */
export const ZMyApplication = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  source: z.enum(APPLICATION_SOURCES),
  createdAt: z.string(),
  updatedAt: z.string(),
  opportunity: z.object({
    id: z.string(),
    kind: z.enum(OPPORTUNITY_KINDS),
    title: z.string(),
    ownerName: z.string(),
    employerName: z.string().nullable(),
    regionNames: z.array(z.string()),
    deadline: z.string(),
    status: z.enum(OPPORTUNITY_STATUSES),
  }),
});
export type TMyApplication = z.infer<typeof ZMyApplication>;

/** A post as the graduate sees it in self-service, with their own application if any. */
export const ZSelfOpportunity = z.object({
  opportunity: ZOpportunityDetail.omit({ canEdit: true }),
  myApplication: ZMyApplication.omit({ opportunity: true }).nullable(),
});

/**
 * An applicant as the post's owner sees them: a masked profile of someone who applied. No flags, no
 * difficulty category, no case, no source (a push would hint at the target group).
 */
export const ZApplicant = z.object({
  id: z.string(),
  opportunityId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  appliedAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  name: z.string(),
  gender: z.string().nullable(),
  level: z.string().nullable(),
  majorName: z.string().nullable(),
  universityName: z.string(),
  cohort: z.number().int(),
  phoneMasked: z.string().nullable(),
});
export type TApplicant = z.infer<typeof ZApplicant>;

export const ZApplicantListQuery = ZPageQuery.extend({
  status: z.enum(APPLICATION_STATUSES).optional(),
});

/** The owner moves an applicant on: interview → offer → hired, or rejected. */
export const ZApplicationStatusBody = z.object({
  status: z.enum(OWNER_SETTABLE_STATUSES),
  version,
  note: zMultiline().max(500).default(''),
});
export type TApplicationStatusBody = z.infer<typeof ZApplicationStatusBody>;
