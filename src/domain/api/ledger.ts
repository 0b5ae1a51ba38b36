import { z } from 'zod';
import { OVERDUE_RULES, SIQING_KEYS } from '../ledger/clock.ts';
import {
  CASE_STAGES,
  CASE_STATUSES,
  FOLLOW_UP_METHODS,
  INTENTIONS,
  MEASURE_ITEMS,
  POST_KINDS,
  PROGRESS_KINDS,
  SERVICE_NEEDS,
  SETTABLE_STATUSES,
} from '../ledger/codes.ts';
import { ZRevealReason } from '../reveal-reason.ts';
import { ZPageQuery } from './common.ts';
import { zDate, zLine, zMultiline } from './primitives.ts';

const isoDate = zDate();
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const ts = z.string().nullable();

export const ZCaseNeeds = z.object({
  /** preferred region codes (province or county) */
  regions: z
    .array(z.string().regex(/^\d{6}$/))
    .max(20)
    .default([]),
  returnHome: z.boolean().default(false),
  partnerProvinces: z.boolean().default(false),
  industries: z
    .array(z.string().regex(/^[A-T]$/))
    .max(20)
    .default([]),
  postKinds: z.array(z.enum(POST_KINDS)).max(10).default([]),
  salaryFloor: z.number().int().min(0).max(100_000).nullable().default(null),
  constraints: zMultiline().max(500).default(''),
  services: z.array(z.enum(SERVICE_NEEDS)).max(10).default([]),
  /**
   * Qualifications that posts' rules read (中共党员 incl. 预备党员, 教师资格证), confirmed with the graduate
   * together with the needs; null = not recorded (a required rule on it cannot be met).
   */
  partyMember: z.boolean().nullable().default(null),
  teacherCertificate: z.boolean().nullable().default(null),
});
export type TCaseNeedsInput = z.infer<typeof ZCaseNeeds>;

// ——— list (caseload / worklist) ———

export const CASE_SORTS = ['urgency', 'name', 'lastContact', 'opened', 'college'] as const;

export const ZCaseListQuery = ZPageQuery.extend({
  q: zLine().max(50).optional(),
  cohort: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  stage: z.enum(CASE_STAGES).optional(),
  collegeId: z.uuid().optional(),
  intention: z.enum(INTENTIONS).optional(),
  /** only cases with at least one overdue item */
  overdue: flag.optional(),
  /** only cases without a current helper */
  unpaired: flag.optional(),
  /** only cases whose class no active counselor keeps (counselor_class, issue 22) */
  noCounselor: flag.optional(),
  /** only cases whose 四清 flag of this kind is not clear */
  notClear: z.enum(SIQING_KEYS).optional(),
  sort: z.enum(CASE_SORTS).default('urgency'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;

export const ZDueItem = z.object({
  rule: z.enum(OVERDUE_RULES),
  dueAt: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
});

const ZSiqingFlags = z.object({
  profile: z.boolean(),
  needs: z.boolean(),
  measures: z.boolean(),
  progress: z.boolean(),
});

export const ZCaseListItem = z.object({
  id: z.string(),
  graduateId: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  cohort: z.number().int(),
  universityName: z.string(),
  collegeName: z.string().nullable(),
  className: z.string().nullable(),
  majorName: z.string().nullable(),
  level: z.string().nullable(),
  domicileName: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  stage: z.enum(CASE_STAGES),
  holderOrgName: z.string(),
  intention: z.enum(INTENTIONS).nullable(),
  helperName: z.string().nullable(),
  /** no active counselor keeps the case's class: nobody at school sees it in a caseload (not sent to counselors) */
  noCounselor: z.boolean().optional(),
  lastContactAt: ts,
  /** days since the last contact (or since opening when never contacted) */
  daysSinceContact: z.number().int(),
  due: z.array(ZDueItem),
  siqing: ZSiqingFlags,
});
export type TCaseListItem = z.infer<typeof ZCaseListItem>;

/** Counts over the whole scoped caseload, for the worklist's summary cards. */
export const ZCaseloadSummary = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  unpaired: z.number().int(),
  /** cases whose class no active counselor keeps (absent for a counselor's own caseload) */
  noCounselor: z.number().int().optional(),
  needsNotConfirmed: z.number().int(),
  placed: z.number().int(),
});
export type TCaseloadSummary = z.infer<typeof ZCaseloadSummary>;

// ——— the case page ———

export const ZCaseEvent = z.object({
  id: z.number().int(),
  kind: z.string(),
  at: z.string(),
  occurredOn: z.string().nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  private: z.boolean(),
});
export type TCaseEvent = z.infer<typeof ZCaseEvent>;

const ZSiqingFlagDetail = z.object({ ok: z.boolean(), reason: z.string(), at: ts });

export const ZCaseDestination = z.object({
  code: z.string().regex(/^\d{2}$/),
  employer: zLine().max(100).default(''),
  natureCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable()
    .default(null),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .default(null),
  date: isoDate.nullable().default(null),
  evidenceFileId: z.uuid().nullable().default(null),
});

export const ZCaseDetail = z.object({
  id: z.string(),
  version: z.number().int(),
  graduate: z.object({
    id: z.string(),
    name: z.string(),
    gender: z.string().nullable(),
    ethnicity: z.string().nullable(),
    birthDate: z.string().nullable(),
    idNumberMasked: z.string(),
    phoneMasked: z.string().nullable(),
    cohort: z.number().int(),
    universityName: z.string(),
    collegeName: z.string().nullable(),
    className: z.string().nullable(),
    majorCode: z.string().nullable(),
    majorName: z.string().nullable(),
    level: z.string().nullable(),
    domicileCountyCode: z.string().nullable(),
    domicileName: z.string().nullable(),
    /** registry-derived fields and target flags: null where the field rule (domain/field-rule.ts) withholds them */
    difficultyCode: z.string().nullable(),
    isRegisteredPoor: z.boolean().nullable(),
    isFocusCounty: z.boolean().nullable(),
    isTarget: z.boolean().nullable(),
    targetReasons: z.record(z.string(), z.unknown()).nullable(),
  }),
  status: z.enum(CASE_STATUSES),
  stage: z.enum(CASE_STAGES),
  holderOrg: z.object({ id: z.string(), name: z.string() }),
  handedOverAt: ts,
  /** after handover: the bureau's staff member responsible for the case */
  responsible: z.object({ userId: z.string(), name: z.string() }).nullable(),
  openedAt: z.string(),
  intention: z.enum(INTENTIONS).nullable(),
  needs: ZCaseNeeds,
  needsConfirmedAt: ts,
  planText: z.string().nullable(),
  plannedMeasures: z.array(z.string()),
  profileVerifiedAt: ts,
  lastMeasureAt: ts,
  lastContactAt: ts,
  nextFollowUpDue: ts,
  progressUpdatedAt: ts,
  destination: ZCaseDestination.nullable(),
  helper: z.object({ userId: z.string(), name: z.string(), since: z.string() }).nullable(),
  counselors: z.array(z.string()),
  siqing: z.object({
    profile: ZSiqingFlagDetail,
    needs: ZSiqingFlagDetail,
    measures: ZSiqingFlagDetail,
    progress: ZSiqingFlagDetail,
  }),
  due: z.array(ZDueItem),
  /** null when the user may edit; otherwise why not */
  writeDenial: z.enum(['handed_over', 'read_only']).nullable(),
  /** false: the field rule withholds the timeline and files (a poverty office sees no case notes) */
  caseNotes: z.boolean(),
  files: z.array(
    z.object({ id: z.string(), name: z.string(), size: z.number().int(), createdAt: z.string() }),
  ),
  events: z.array(ZCaseEvent),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

// ——— edits (overwrites carry the version they were made on) ———

const version = z.number().int().min(1);

export const ZNeedsBody = z.object({
  version,
  intention: z.enum(INTENTIONS),
  needs: ZCaseNeeds,
  /** the graduate confirmed them (sets the 就业需求清 date) */
  confirmed: z.boolean().default(true),
});
export const ZPlanBody = z.object({
  version,
  planText: zMultiline().max(5000),
  plannedMeasures: z.array(z.enum(MEASURE_ITEMS)).max(30),
});
export const ZVersionBody = z.object({ version });
export const ZDestinationBody = ZCaseDestination.extend({ version });
export const ZStatusBody = z.object({
  version,
  status: z.enum(SETTABLE_STATUSES),
  note: zMultiline().max(500).default(''),
});

// ——— appends (never overwrite, so no version) ———

export const ZMeasureBody = z.object({
  item: z.enum(MEASURE_ITEMS),
  date: isoDate,
  note: zMultiline().max(1000).default(''),
});
export const ZFollowUpBody = z.object({
  date: isoDate,
  method: z.enum(FOLLOW_UP_METHODS),
  content: zMultiline().min(1).max(2000),
  nextDue: isoDate.nullable().default(null),
  /** a psychological-support note: only the counselor and the university admin see it */
  private: z.boolean().default(false),
});
export const ZProgressBody = z.object({
  kind: z.enum(PROGRESS_KINDS),
  employer: zLine().min(1).max(100),
  post: zLine().max(100).default(''),
  date: isoDate,
  note: zMultiline().max(1000).default(''),
});

export const ZCaseRevealBody = z.object({
  field: z.enum(['idNumber', 'phone']),
  reason: ZRevealReason,
});

// ——— bulk ———

export const ZBulkMeasureBody = ZMeasureBody.extend({ caseIds: z.array(z.uuid()).min(1).max(2000) });
export const ZBulkStatusBody = z.object({
  caseIds: z.array(z.uuid()).min(1).max(2000),
  status: z.enum(SETTABLE_STATUSES),
  note: zMultiline().max(500).default(''),
});
export const ZBulkResult = z.object({ updated: z.number().int(), skipped: z.number().int() });

// ——— 四清 per unit ———

export const ZSiqingQuery = z.object({
  groupBy: z.enum(['university', 'college', 'province', 'county']).default('university'),
  cohort: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const ZSiqingRow = z.object({
  code: z.string(),
  name: z.string(),
  total: z.number().int(),
  profile: z.number().int(),
  needs: z.number().int(),
  measures: z.number().int(),
  progress: z.number().int(),
  allFour: z.number().int(),
});
export type TSiqingRow = z.infer<typeof ZSiqingRow>;

/** Body of a 409 `version_conflict`: what the user sent beside what is stored now. */
export type TVersionConflict = {
  currentVersion: number;
  yours: Record<string, unknown>;
  theirs: Record<string, unknown>;
  updatedBy: string | null;
  updatedAt: string | null;
};
