import { z } from 'zod';
import { ZPageQuery } from './common.ts';
import { zLine, zMultiline } from './primitives.ts';

/*
 * 一帮一 pairing: coverage of a university's target graduates, the unpaired list, the helpers with their load,
 * a suggestion (domain/ledger/pairing.ts) and the assignment that writes it. All of it is the university
 * admin's (permission cases.pair) and limited to their own university; a case's pairing history is readable by
 * anyone who can see the case.
 */

const cohort = z.coerce.number().int().min(2000).max(2100).optional();

export const ZCoverageQuery = z.object({ cohort });
export type TCoverageQuery = z.infer<typeof ZCoverageQuery>;

export const ZCollegeCoverage = z.object({
  /** null: graduates whose roster row names no known college */
  collegeId: z.string().nullable(),
  collegeName: z.string(),
  /** school-stage case files of the college */
  cases: z.number().int(),
  /** with a current helper */
  paired: z.number().int(),
  /** still seeking work and without a helper: the ones to pair */
  unpaired: z.number().int(),
});
export type TCollegeCoverage = z.infer<typeof ZCollegeCoverage>;

/**
 * The pairing page's counts (definitions in i18n pairing.stats.*Hint). Over the university's school-stage cases:
 * cases = paired + unpaired + notNeeded; the helpers' loads add up to paired. handedOver: the university's cases
 * now with a county bureau (not counted in cases); the 四清 report of the university counts cases + handedOver.
 */
export const ZPairingCoverage = z.object({
  cases: z.number().int(),
  /** with a helper now (whatever their status) */
  paired: z.number().int(),
  /** still seeking work and nobody paired: to pair */
  unpaired: z.number().int(),
  /** unpaired but placed, paused or closed: no helper needed */
  notNeeded: z.number().int(),
  /** handed over to county HRSS bureaus (of the same cohort filter) */
  handedOver: z.number().int(),
  /** unpaired longer than the pairing period (ledger rule pairWithinDays) */
  unpairedOverdue: z.number().int(),
  pairWithinDays: z.number().int(),
  colleges: z.array(ZCollegeCoverage),
  /** university leaders (校领导) without a graduate now; the notice asks every one of them to help someone */
  leadersWithoutGraduate: z.array(
    z.object({ userId: z.string(), name: z.string(), everPaired: z.boolean() }),
  ),
  leaderCount: z.number().int(),
  helperCount: z.number().int(),
});
export type TPairingCoverage = z.infer<typeof ZPairingCoverage>;

export const ZUnpairedQuery = ZPageQuery.extend({
  cohort,
  collegeId: z.uuid().optional(),
  q: zLine().max(50).optional(),
});
export type TUnpairedQuery = z.infer<typeof ZUnpairedQuery>;

export const ZUnpairedCase = z.object({
  caseId: z.string(),
  graduateId: z.string(),
  name: z.string(),
  studentNo: z.string().nullable(),
  collegeId: z.string().nullable(),
  collegeName: z.string().nullable(),
  className: z.string().nullable(),
  majorName: z.string().nullable(),
  cohort: z.number().int(),
  openedAt: z.string(),
  daysOpen: z.number().int(),
  /** past the pairing period */
  overdue: z.boolean(),
});
export type TUnpairedCase = z.infer<typeof ZUnpairedCase>;

export const ZPairedQuery = ZUnpairedQuery.extend({ helperUserId: z.uuid().optional() });
export type TPairedQuery = z.infer<typeof ZPairedQuery>;

/** A case with its current helper (for reassignment). */
export const ZPairedCase = ZUnpairedCase.omit({ overdue: true }).extend({
  helperUserId: z.string(),
  helperName: z.string(),
  pairedAt: z.string(),
});
export type TPairedCase = z.infer<typeof ZPairedCase>;

export const ZPairingHelper = z.object({
  userId: z.string(),
  name: z.string(),
  /** null for university leaders (their org is the university itself) */
  collegeId: z.string().nullable(),
  collegeName: z.string().nullable(),
  isLeader: z.boolean(),
  /** graduates paired with them now */
  load: z.number().int(),
});
export type TPairingHelper = z.infer<typeof ZPairingHelper>;
export const ZPairingHelpers = z.object({ items: z.array(ZPairingHelper) });

export const PAIRING_REASONS = ['leader_first', 'same_college', 'balance'] as const;

export const ZSuggestBody = z.object({
  /** the cases to suggest for (unpaired ones only); all unpaired cases of the university when absent */
  caseIds: z.array(z.uuid()).min(1).max(5000).optional(),
  collegeId: z.uuid().optional(),
});
export type TSuggestBody = z.infer<typeof ZSuggestBody>;

export const ZPairingSuggestionItem = z.object({
  caseId: z.string(),
  graduateId: z.string(),
  graduateName: z.string(),
  collegeName: z.string().nullable(),
  className: z.string().nullable(),
  helperUserId: z.string(),
  helperName: z.string(),
  helperCollegeName: z.string().nullable(),
  helperIsLeader: z.boolean(),
  reason: z.enum(PAIRING_REASONS),
});
export type TPairingSuggestionItem = z.infer<typeof ZPairingSuggestionItem>;

export const ZPairingSuggestion = z.object({
  items: z.array(ZPairingSuggestionItem),
  /** helpers available; 0 means nothing can be suggested */
  helperCount: z.number().int(),
  /** requested cases left out: already paired, handed over or not found */
  skipped: z.number().int(),
});
export type TPairingSuggestion = z.infer<typeof ZPairingSuggestion>;

export const ZAssignBody = z.object({
  pairs: z
    .array(z.object({ caseId: z.uuid(), helperUserId: z.uuid() }))
    .min(1)
    .max(5000),
  /** why a current pairing ends (stored as its end reason; default "reassigned") */
  reason: zMultiline().max(200).optional(),
});
export type TAssignBody = z.infer<typeof ZAssignBody>;

export const ZAssignResult = z.object({
  /** cases that had no helper and now have one */
  assigned: z.number().int(),
  /** cases whose helper changed (the old pairing is ended and kept) */
  reassigned: z.number().int(),
  /** the same helper was already current */
  unchanged: z.number().int(),
});
export type TAssignResult = z.infer<typeof ZAssignResult>;

export const ZCasePairing = z.object({
  id: z.string(),
  helperUserId: z.string(),
  helperName: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  assignedByName: z.string().nullable(),
  endedByName: z.string().nullable(),
  endReason: z.string().nullable(),
  current: z.boolean(),
});
export type TCasePairing = z.infer<typeof ZCasePairing>;
export const ZCasePairings = z.object({ items: z.array(ZCasePairing) });
