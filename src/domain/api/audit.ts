import { z } from 'zod';
import { ZPageQuery } from './common.ts';
import { zDateTime, zLine } from './primitives.ts';

export const ZAuditQuery = ZPageQuery.extend({
  action: zLine().max(100).optional(),
  actor: zLine().max(64).optional(),
  entityType: zLine().max(64).optional(),
  from: zDateTime().optional(),
  to: zDateTime().optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

/**
 * Why the trail does not check out: a row edited (`hash_mismatch`), a chained row missing or slipped in before
 * this one (`prev_mismatch`), fewer rows than a checkpoint outside the database counted (`rows_missing`), the
 * newest rows gone (`truncated`), or a checkpoint file line that is not ours (`checkpoint_invalid`).
 */
export const AUDIT_BREAKS = [
  'hash_mismatch',
  'prev_mismatch',
  'rows_missing',
  'truncated',
  'checkpoint_invalid',
] as const;

export const ZAuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** checkpoints (AUDIT_CHECKPOINT_FILE) the rows were held against */
  checkpoints: z.number().int(),
  firstBroken: z.object({ id: z.string(), reason: z.enum(AUDIT_BREAKS) }).nullable(),
});
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;
