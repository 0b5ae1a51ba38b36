import { z } from 'zod';
import { CASE_STATUSES, INTENTIONS, PROGRESS_KINDS } from '../ledger/codes.ts';
import { ACCESS_LABELS } from '../portal/access-labels.ts';
import { ROLES } from '../roles.ts';
import { ZPageQuery } from './common.ts';
import { ZCaseNeeds, ZProgressBody } from './ledger.ts';

/*
 * The graduate's own view of their case file (self-service, mobile web). It is deliberately narrower than the
 * staff view: no registered-poor or focus-county flags, no target reasons, no difficulty category, no private
 * or staff-only notes — nothing on these pages may say "poverty".
 */

const ts = z.string().nullable();

export const ZSelfContact = z.object({
  name: z.string(),
  orgName: z.string().nullable(),
  /** the work phone the staff member gave for graduates (app_user.contact_phone) */
  phone: z.string().nullable(),
});
export type TSelfContact = z.infer<typeof ZSelfContact>;

export const ZSelfProgress = z.object({
  id: z.number().int(),
  kind: z.enum(PROGRESS_KINDS).nullable(),
  employer: z.string().nullable(),
  post: z.string().nullable(),
  /** when it happened (YYYY-MM-DD) */
  date: z.string().nullable(),
  /** the graduate's own note; notes staff wrote on a progress entry stay with staff */
  note: z.string().nullable(),
  evidenceFileId: z.string().nullable(),
  /** when it was recorded */
  at: z.string(),
  bySelf: z.boolean(),
});
export type TSelfProgress = z.infer<typeof ZSelfProgress>;

export const ZSelfFile = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type TSelfFile = z.infer<typeof ZSelfFile>;

export const ZSelfCase = z.object({
  caseId: z.string(),
  /** bumped by every overwrite, the graduate's own included, so a counselor editing meanwhile gets a conflict */
  version: z.number().int(),
  cohort: z.number().int(),
  name: z.string(),
  universityName: z.string(),
  collegeName: z.string().nullable(),
  majorName: z.string().nullable(),
  level: z.string().nullable(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  intention: z.enum(INTENTIONS).nullable(),
  needs: ZCaseNeeds,
  needsConfirmedAt: ts,
  destination: z
    .object({ code: z.string().nullable(), employer: z.string().nullable(), date: z.string().nullable() })
    .nullable(),
  progress: z.array(ZSelfProgress),
  helper: ZSelfContact.nullable(),
  counselors: z.array(ZSelfContact),
  files: z.array(ZSelfFile),
});
export type TSelfCase = z.infer<typeof ZSelfCase>;

/** `record` is null while no case file has been opened for the graduate. */
export const ZSelfCaseAnswer = z.object({ record: ZSelfCase.nullable() });
export type TSelfCaseAnswer = z.infer<typeof ZSelfCaseAnswer>;

export const ZSelfNeedsBody = z.object({ intention: z.enum(INTENTIONS), needs: ZCaseNeeds });
export type TSelfNeedsBody = z.infer<typeof ZSelfNeedsBody>;

export const ZSelfProgressBody = ZProgressBody.extend({
  /** an uploaded offer letter or contract (POST /api/me/files); only on an offer */
  evidenceFileId: z.uuid().nullable().default(null),
}).refine((b) => b.evidenceFileId === null || b.kind === 'offer', {
  message: 'evidence_offer_only',
  path: ['evidenceFileId'],
});
export type TSelfProgressBody = z.infer<typeof ZSelfProgressBody>;

// ——— who looked at or changed my record ———

export const ZAccessLogQuery = ZPageQuery;
export type TAccessLogQuery = z.infer<typeof ZAccessLogQuery>;

export const ZAccessLogItem = z.object({
  id: z.string(),
  at: z.string(),
  /** what happened, as a label code the page translates (never the raw audit payload) */
  label: z.enum(ACCESS_LABELS),
  actorName: z.string().nullable(),
  orgName: z.string().nullable(),
  /** the actor's role at the time (a role code the page translates); null for the system or unnamed offices */
  role: z.enum(ROLES).nullable(),
  /** the graduate did it themselves */
  bySelf: z.boolean(),
});
export type TAccessLogItem = z.infer<typeof ZAccessLogItem>;

// ——— staff: activate the graduate's own account ———

export const ZSelfAccountResult = z.object({
  username: z.string(),
  /** one-time password, shown once; the graduate must change it at first sign-in */
  password: z.string(),
  /** the graduate's mobile is on file, so they can also sign in with an SMS code */
  hasPhone: z.boolean(),
  /** an existing account got a new password rather than a new account being created */
  reissued: z.boolean(),
});
export type TSelfAccountResult = z.infer<typeof ZSelfAccountResult>;

/** Largest evidence file a graduate may upload. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
