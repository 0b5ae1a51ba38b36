import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  lte,
  max,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { TAuditQuery } from '../../../domain/api/audit.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { auditEvent } from '../../db/schema/index.ts';

export type TAuditRow = typeof auditEvent.$inferSelect;
export type TAuditInsert = typeof auditEvent.$inferInsert;

/** Serialises chain appends across connections for the rest of the transaction. */
const CHAIN_LOCK_KEY = 7_320_2020;

export async function lockChainAndGetLastHash(tx: TDbOrTx): Promise<string | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
  // read rows (prev_hash null) are not links; the partial index audit_event_chain_idx skips them
  const [last] = await tx
    .select({ hash: auditEvent.hash })
    .from(auditEvent)
    .where(isNotNull(auditEvent.prevHash))
    .orderBy(desc(auditEvent.id))
    .limit(1);
  return last?.hash ?? null;
}

export type TChainState = { lastId: number; count: number; headId: number | null; headHash: string | null };

/**
 * What a checkpoint records: the highest id, the number of rows up to it and the chain head, read under the
 * chain lock so no chained append is between its id and its commit.
 */
export async function lockChainAndReadState(tx: TDbOrTx): Promise<TChainState> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
  const [totals] = await tx.select({ lastId: max(auditEvent.id), n: count() }).from(auditEvent);
  const [head] = await tx
    .select({ id: auditEvent.id, hash: auditEvent.hash })
    .from(auditEvent)
    .where(isNotNull(auditEvent.prevHash))
    .orderBy(desc(auditEvent.id))
    .limit(1);
  return {
    lastId: Number(totals?.lastId ?? 0),
    count: Number(totals?.n ?? 0),
    headId: head?.id ?? null,
    headHash: head?.hash ?? null,
  };
}

export async function insertAuditRow(tx: TDbOrTx, row: TAuditInsert): Promise<void> {
  await tx.insert(auditEvent).values(row);
}

/** Rows of the actor since `since` with this action: the reveal limit counts the day's reveals. */
export async function countActions(db: TDbOrTx, actorUserId: string, actions: string[], since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.actorUserId, actorUserId),
        inArray(auditEvent.action, actions),
        gte(auditEvent.at, since),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function listAuditRowsAfter(db: TDbOrTx, afterId: number, limit: number): Promise<TAuditRow[]> {
  return db
    .select()
    .from(auditEvent)
    .where(gt(auditEvent.id, afterId))
    .orderBy(asc(auditEvent.id))
    .limit(limit);
}

/**
 * Page through audit events. `withinOrgId` limits to events by actors of that org unit and its descendants
 * (a university admin sees their university's trail, not the whole platform's).
 */
export async function searchAudit(
  db: TDbOrTx,
  q: TAuditQuery,
  withinOrgId: string | null,
): Promise<{ rows: TAuditRow[]; total: number }> {
  const where: SQL[] = [];
  if (withinOrgId) {
    where.push(sql`${auditEvent.orgId} in (
      with recursive sub(id) as (
        select id from org_unit where id = ${withinOrgId}
        union all select o.id from org_unit o join sub on o.parent_id = sub.id
      ) select id from sub)`);
  }
  // a family ends with '.' (e.g. 'auth.') and matches by prefix; anything else is one exact action
  if (q.action) {
    where.push(
      q.action.endsWith('.')
        ? ilike(auditEvent.action, `${q.action.replace(/[%_\\]/g, '\\$&')}%`)
        : eq(auditEvent.action, q.action),
    );
  }
  if (q.actor) where.push(eq(auditEvent.actorUsername, q.actor));
  if (q.entityType) where.push(eq(auditEvent.entityType, q.entityType));
  if (q.from) where.push(gte(auditEvent.at, new Date(q.from)));
  if (q.to) where.push(lte(auditEvent.at, new Date(q.to)));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(auditEvent)
      .where(cond)
      .orderBy(desc(auditEvent.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditEvent).where(cond),
  ]);
  return { rows, total: Number(totalRow?.n ?? 0) };
}
