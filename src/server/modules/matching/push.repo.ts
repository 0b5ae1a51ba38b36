import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { push } from '../../db/schema/index.ts';

export type TPushRow = typeof push.$inferSelect;

/**
 * Posts pushed to the graduate that count against the daily limit of `day` (China date). A failed push reached
 * nobody and uses no limit (the dispatcher also clears its day; the status test covers rows from before that).
 */
export async function postsCountedOn(db: TDbOrTx, graduateId: string, day: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ id: push.opportunityId })
    .from(push)
    .where(and(eq(push.graduateId, graduateId), eq(push.countedOn, day), ne(push.status, 'failed')));
  return new Set(rows.map((r) => r.id));
}

/** The channels this post already went (or is going) to the graduate on, with their status. */
export async function channelsPushed(db: TDbOrTx, graduateId: string, opportunityId: string) {
  const rows = await db
    .select({ channel: push.channel, status: push.status })
    .from(push)
    .where(and(eq(push.graduateId, graduateId), eq(push.opportunityId, opportunityId)));
  return new Map(rows.map((r) => [r.channel, r.status]));
}

/**
 * A retry after a failure: the failed row (the unique index keeps one per graduate, post and channel) takes the
 * new attempt's values; a row that is no longer failed (a concurrent retry) is left alone.
 */
export async function retryFailedPushes(
  tx: TDbOrTx,
  rows: (typeof push.$inferInsert)[],
): Promise<TPushRow[]> {
  const out: TPushRow[] = [];
  for (const r of rows) {
    const [row] = await tx
      .update(push)
      .set({
        status: r.status,
        error: r.error ?? null,
        actorUserId: r.actorUserId,
        actorName: r.actorName,
        reason: r.reason,
        score: r.score,
        breakdown: r.breakdown,
        countedOn: r.countedOn,
        createdAt: r.createdAt,
        caseId: r.caseId,
        sentAt: null,
      })
      .where(
        and(
          eq(push.graduateId, r.graduateId),
          eq(push.opportunityId, r.opportunityId),
          eq(push.channel, r.channel),
          eq(push.status, 'failed'),
        ),
      )
      .returning();
    if (row) out.push(row);
  }
  return out;
}

/** Insert outbox rows; a row the unique index already holds (a concurrent push) is skipped. */
export async function insertPushes(tx: TDbOrTx, rows: (typeof push.$inferInsert)[]): Promise<TPushRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(push).values(rows).onConflictDoNothing().returning();
}

export async function updatePush(tx: TDbOrTx, id: string, set: Partial<typeof push.$inferInsert>) {
  await tx.update(push).set(set).where(eq(push.id, id));
}

/** What sending a push needs: the row, the graduate's account and phone, the post. */
export type TOutgoing = TPushRow & {
  userId: string | null;
  phoneEncrypted: string | null;
  title: string;
  orgName: string;
  deadline: string;
};

/** Queued pushes (these ids, or all), oldest first. */
export async function queuedPushes(db: TDbOrTx, ids?: string[]): Promise<TOutgoing[]> {
  if (ids && ids.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select p.id from push p where p.status = 'queued'
        ${
          ids
            ? sql`and p.id in (${sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql``
        }
        order by p.created_at, p.id limit 5000`,
  );
  if (rows.length === 0) return [];
  const list = rows.map((r) => r.id as string);
  const details = await queryRows<{
    id: string;
    user_id: string | null;
    phone_encrypted: string | null;
    title: string;
    org_name: string;
    deadline: string;
  }>(
    db,
    sql`select p.id, g.user_id, g.phone_encrypted, o.title, coalesce(e.name, w.name) as org_name,
          o.deadline::text as deadline
        from push p join graduate g on g.id = p.graduate_id join opportunity o on o.id = p.opportunity_id
        join org_unit w on w.id = o.owner_org_id left join org_unit e on e.id = o.employer_org_id
        where p.id in (${sql.join(
          list.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  const byId = new Map(details.map((d) => [d.id, d]));
  const pushes = await db
    .select()
    .from(push)
    .where(inArray(push.id, list))
    .orderBy(asc(push.createdAt), asc(push.id));
  return pushes.map((p) => {
    const d = byId.get(p.id)!;
    return {
      ...p,
      userId: d.user_id,
      phoneEncrypted: d.phone_encrypted,
      title: d.title,
      orgName: d.org_name,
      deadline: d.deadline,
    };
  });
}

/** Limited pushes waiting for a day with room, oldest first. */
export async function limitedPushes(db: TDbOrTx) {
  return db
    .select({ id: push.id, graduateId: push.graduateId, opportunityId: push.opportunityId })
    .from(push)
    .where(and(eq(push.status, 'limited'), isNull(push.countedOn)))
    .orderBy(asc(push.createdAt), asc(push.id))
    .limit(5000);
}

/** Pushes by id. */
export async function pushesById(db: TDbOrTx, ids: string[]): Promise<Map<string, TPushRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(push).where(inArray(push.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
