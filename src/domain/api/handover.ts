import { z } from 'zod';
import { CASE_STAGES, CASE_STATUSES, INTENTIONS } from '../ledger/codes.ts';
import { ZPageQuery } from './common.ts';

/*
 * Handover to HRSS (离校未就业实名帮扶): after the cohort's leaving date a university hands its graduates who are
 * still seeking work, with an intention that wants work, to the HRSS bureau of their domicile county.
 */

const cohort = z.number().int().min(2000).max(2100);

/** Why a case of the cohort is not handed over (counted in the preview, named when a commit is refused). */
export const HANDOVER_EXCLUSIONS = [
  /** already handed over */
  'handed_over',
  /** placed: an employed destination, or the status says so */
  'placed',
  /** paused (暂缓) or closed (结案) by staff */
  'paused_closed',
  /** no intention recorded yet */
  'no_intention',
  /** the intention does not want work now (升学, 暂不就业, 无意愿) */
  'not_seeking',
] as const;
export type THandoverExclusion = (typeof HANDOVER_EXCLUSIONS)[number];

/** Why a case the user picked cannot be committed: an exclusion, or it is not (any more) in the batch's set. */
export const HANDOVER_REFUSALS = [...HANDOVER_EXCLUSIONS, 'no_bureau', 'other_cohort', 'not_found'] as const;
export type THandoverRefusal = (typeof HANDOVER_REFUSALS)[number];

export const ZHandoverPreviewBody = z.object({ cohort });
export type THandoverPreviewBody = z.infer<typeof ZHandoverPreviewBody>;

export const ZHandoverCommitBody = z.object({
  cohort,
  caseIds: z.array(z.uuid()).min(1).max(10_000),
});
export type THandoverCommitBody = z.infer<typeof ZHandoverCommitBody>;

/** A case as the preview lists it, with the bureau that would receive it. */
export const ZHandoverCase = z.object({
  caseId: z.string(),
  graduateId: z.string(),
  name: z.string(),
  collegeName: z.string().nullable(),
  className: z.string().nullable(),
  majorName: z.string().nullable(),
  countyCode: z.string().nullable(),
  countyName: z.string().nullable(),
  intention: z.enum(INTENTIONS).nullable(),
  toOrgId: z.string().nullable(),
  toOrgName: z.string().nullable(),
});
export type THandoverCase = z.infer<typeof ZHandoverCase>;

/** How many cases go (or went) to one county's bureau. */
export const ZHandoverCountyCount = z.object({
  countyCode: z.string().nullable(),
  countyName: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  count: z.number().int(),
});
export type THandoverCountyCount = z.infer<typeof ZHandoverCountyCount>;

export const ZHandoverPreview = z.object({
  cohort: z.number().int(),
  /** the cohort's last day at school (YYYY-MM-DD, China time) */
  leavingDate: z.string(),
  /** true while the leaving date has not passed: nothing may be handed over yet */
  notYet: z.boolean(),
  /** the cases that would be handed over */
  cases: z.array(ZHandoverCase),
  /** cases that qualify but cannot be handed over (no county HRSS bureau for the domicile) */
  problems: z.array(ZHandoverCase.extend({ problem: z.enum(['no_bureau']) })),
  byCounty: z.array(ZHandoverCountyCount),
  /** cases of the cohort left out, by reason */
  excluded: z.object({
    handed_over: z.number().int(),
    placed: z.number().int(),
    paused_closed: z.number().int(),
    no_intention: z.number().int(),
    not_seeking: z.number().int(),
  }),
});
export type THandoverPreview = z.infer<typeof ZHandoverPreview>;

/** The details of a 409 when some picked cases no longer qualify: the whole batch is refused. */
export type THandoverRefusedDetails = {
  reason: 'not_qualifying';
  cases: { caseId: string; name: string | null; reason: THandoverRefusal }[];
};

export const ZHandoverBatch = z.object({
  id: z.string(),
  cohort: z.number().int(),
  caseCount: z.number().int(),
  universityName: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  byCounty: z.array(ZHandoverCountyCount),
});
export type THandoverBatch = z.infer<typeof ZHandoverBatch>;

export const ZHandoverListQuery = ZPageQuery.extend({
  cohort: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type THandoverListQuery = z.infer<typeof ZHandoverListQuery>;

/** A handed-over case as it is now (the bureau may have placed or closed it since). */
export const ZHandoverBatchCase = z.object({
  caseId: z.string(),
  graduateId: z.string(),
  name: z.string(),
  collegeName: z.string().nullable(),
  className: z.string().nullable(),
  countyCode: z.string().nullable(),
  countyName: z.string().nullable(),
  toOrgId: z.string(),
  toOrgName: z.string(),
  status: z.enum(CASE_STATUSES),
  stage: z.enum(CASE_STAGES),
});
export type THandoverBatchCase = z.infer<typeof ZHandoverBatchCase>;

export const ZHandoverBatchDetail = ZHandoverBatch.extend({ cases: z.array(ZHandoverBatchCase) });
export type THandoverBatchDetail = z.infer<typeof ZHandoverBatchDetail>;

// ——— the bureau's responsible person for a handed-over case ———

/** A staff member of the holding bureau who can be made responsible for the case. */
export const ZResponsibleCandidate = z.object({ userId: z.string(), name: z.string() });
export type TResponsibleCandidate = z.infer<typeof ZResponsibleCandidate>;

/** PUT /api/cases/:id/responsible: one of the holding bureau's own users (null: nobody named yet). */
export const ZResponsibleBody = z.object({ userId: z.uuid().nullable() });
export type TResponsibleBody = z.infer<typeof ZResponsibleBody>;
