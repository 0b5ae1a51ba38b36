import type { TAuditEvent, TAuditQuery } from '../../../domain/api/audit.ts';
import type { TCtx } from '../../context.ts';
import { auditChainKey } from '../../crypto.ts';
import type { TDbOrTx } from '../../db/client.ts';
import * as repo from './audit.repo.ts';
import { GENESIS_HASH, hashAuditRow, type THashedContent } from './audit-hash.ts';

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
  const content = contentOf(ctx, entry, now);
  await repo.insertAuditRow(tx, {
    ...content,
    prevHash,
    hash: hashAuditRow(auditChainKey(), prevHash, content),
  });
}

/**
 * Append one read of personal data (a case page, a timeline, an evidence download): one INSERT, sealed with
 * the key on its own instead of chained, so reads on the hot paths never queue on the chain lock. Checkpoints
 * count these rows, so deleting one is still found (decision 0016).
 */
export async function recordRead(
  db: TDbOrTx,
  ctx: TCtx,
  entry: TAuditEntry,
  now = new Date(),
): Promise<void> {
  const content = contentOf(ctx, entry, now);
  await repo.insertAuditRow(db, {
    ...content,
    prevHash: null,
    hash: hashAuditRow(auditChainKey(), null, content),
  });
}

/** How many events with one of these actions the user caused since `since` (e.g. today's reveals). */
export async function countTodaysActions(db: TDbOrTx, userId: string, actions: string[], since: Date) {
  return repo.countActions(db, userId, actions, since);
}

function contentOf(ctx: TCtx, entry: TAuditEntry, now: Date): THashedContent {
  return {
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
    after: shortenIdLists(r.after),
    reason: r.reason,
    ip: r.ip,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

const LISTED_IDS = 100;

/**
 * An export names every graduate it contained (`after.graduateIds`, up to 200,000): the log page shows the
 * first LISTED_IDS and the count, not megabytes of ids; the row itself keeps them all (the graduates' access
 * logs and verify read the row, not this).
 */
function shortenIdLists(after: unknown): unknown {
  const ids = (after as { graduateIds?: unknown } | null)?.graduateIds;
  if (!Array.isArray(ids) || ids.length <= LISTED_IDS) return after;
  return { ...(after as object), graduateIds: ids.slice(0, LISTED_IDS), graduateIdsTotal: ids.length };
}
