import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TMyPush } from '../../../domain/api/matching.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { push } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { postSummaries } from './recommendations.repo.ts';

/*
 * Graduate self-service: the posts staff pushed to the signed-in graduate (one entry per post, whatever the
 * channels; only once a push was sent), and marking one viewed — the funnel's second step. Only the
 * graduate's own pushes: anyone else's push id answers "not found", exactly like one that does not exist.
 */

type TMyRow = {
  id: string;
  opportunity_id: string;
  note: string;
  pushed_by: string | null;
  pushed_at: Date | string;
  viewed_at: Date | string | null;
  application_status: string | null;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

async function myPushRows(db: TDbOrTx, userId: string, opportunityId?: string): Promise<TMyRow[]> {
  return queryRows<TMyRow>(
    db,
    sql`select (array_agg(p.id order by p.channel = 'in_app' desc, p.created_at))[1] as id, p.opportunity_id,
          (array_agg(p.reason order by p.created_at desc))[1] as note,
          (array_agg(p.actor_name order by p.created_at))[1] as pushed_by,
          min(p.created_at) as pushed_at, max(p.viewed_at) as viewed_at,
          (select a.status from application a where a.graduate_id = p.graduate_id
             and a.opportunity_id = p.opportunity_id) as application_status
        from push p join graduate g on g.id = p.graduate_id
        where g.user_id = ${userId} and p.status = 'sent'
          ${opportunityId ? sql`and p.opportunity_id = ${opportunityId}` : sql``}
        group by p.graduate_id, p.opportunity_id
        order by min(p.created_at) desc, p.opportunity_id`,
  );
}

async function present(db: TDbOrTx, rows: TMyRow[]): Promise<TMyPush[]> {
  const summaries = await postSummaries(
    db,
    rows.map((r) => r.opportunity_id),
  );
  return rows.map((r) => ({
    id: r.id,
    post: summaries.get(r.opportunity_id)!,
    note: r.note,
    pushedBy: r.pushed_by,
    pushedAt: iso(r.pushed_at)!,
    viewedAt: iso(r.viewed_at),
    applicationStatus: r.application_status,
  }));
}

/** The posts pushed to me, newest first. */
export async function listMyPushes(deps: TDeps, ctx: TCtx): Promise<TMyPush[]> {
  const user = requireUser(ctx);
  const { db } = deps.database;
  return present(db, await myPushRows(db, user.id));
}

/** Mark a pushed post viewed (all its channels); viewing it again changes nothing. */
export async function markMyPushViewed(deps: TDeps, ctx: TCtx, pushId: string): Promise<TMyPush> {
  const user = requireUser(ctx);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [own] = await queryRows<{ graduate_id: string; opportunity_id: string }>(
      tx,
      sql`select p.graduate_id, p.opportunity_id from push p join graduate g on g.id = p.graduate_id
          where p.id = ${pushId} and g.user_id = ${user.id} and p.status = 'sent'`,
    );
    if (!own) throw notFound('Push');
    const changed = await tx
      .update(push)
      .set({ viewedAt: now })
      .where(
        and(
          eq(push.graduateId, own.graduate_id),
          eq(push.opportunityId, own.opportunity_id),
          isNull(push.viewedAt),
        ),
      )
      .returning({ id: push.id });
    if (changed.length)
      await recordAudit(
        tx,
        ctx,
        {
          action: 'matching.push_viewed',
          entityType: 'push',
          entityId: pushId,
          after: { opportunityId: own.opportunity_id },
        },
        now,
      );
    const [row] = await present(tx, await myPushRows(tx, user.id, own.opportunity_id));
    return row!;
  });
}
