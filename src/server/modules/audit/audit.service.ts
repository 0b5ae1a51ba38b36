import type { TAuditEvent, TAuditQuery, TAuditVerifyResult } from '../../../domain/api/audit.ts';
import type { TCtx } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import * as repo from './audit.repo.ts';
import { GENESIS_HASH, hashAuditRow } from './audit-hash.ts';

export type TAuditEntry = {
  action: string;
  entityType?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  /** who acted when there is no signed-in user yet, e.g. the username of a failed login */
  actorUsername?: string;
  /** the account that just signed in, when there is no session yet */
  actorUserId?: string;
  /**
   * the org unit the event belongs to when there is no signed-in user, e.g. the org of the account a failed
   * sign-in targeted, so that org's auditors see attacks on their accounts
   */
  orgId?: string;
};

/**
 * Append one audit event. Call it with the transaction that makes the change, so both commit or neither.
 * `now` comes from the caller's clock so tests can control time.
 */
export async function recordAudit(
  tx: TDbOrTx,
  ctx: TCtx,
  entry: TAuditEntry,
  now = new Date(),
): Promise<void> {
  const prevHash = (await repo.lockChainAndGetLastHash(tx)) ?? GENESIS_HASH;
  const content = {
    at: now,
    actorUserId: ctx.user?.id ?? entry.actorUserId ?? null,
    actorUsername: ctx.user?.username ?? entry.actorUsername ?? null,
    orgId: ctx.user?.org.id ?? entry.orgId ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    // round-trip through JSON so what we hash is exactly what jsonb gives back
    before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
    after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
    reason: entry.reason ?? null,
    ip: ctx.ip,
  };
  await repo.insertAuditRow(tx, { ...content, prevHash, hash: hashAuditRow(prevHash, content) });
}

/** Walk the whole chain in id order; report the first row whose link or content does not check out. */
export async function verifyAuditChain(db: TDbOrTx, batchSize = 5000): Promise<TAuditVerifyResult> {
  let expectedPrev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await repo.listAuditRowsAfter(db, afterId, batchSize);
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    for (const row of rows) {
      if (row.prevHash !== expectedPrev) {
        return { ok: false, checked, firstBroken: { id: String(row.id), reason: 'prev_mismatch' } };
      }
      if (hashAuditRow(row.prevHash, row) !== row.hash) {
        return { ok: false, checked, firstBroken: { id: String(row.id), reason: 'hash_mismatch' } };
      }
      expectedPrev = row.hash;
      afterId = row.id;
      checked++;
    }
  }
}

/** System admins see the whole trail; other auditors see their own org unit's subtree. */
export async function listAuditEvents(db: TDbOrTx, ctx: TCtx, q: TAuditQuery) {
  const user = ctx.user;
  const withinOrgId = user?.roles.includes('system_admin')
    ? null
    : (user?.org.id ?? '00000000-0000-0000-0000-000000000000');
  const { rows, total } = await repo.searchAudit(db, q, withinOrgId);
  const items: TAuditEvent[] = rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorUsername: r.actorUsername,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    reason: r.reason,
    ip: r.ip,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}
