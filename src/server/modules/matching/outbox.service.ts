import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { TOutboxQuery, TPushChannel, TPushItem, TPushStatus } from '../../../domain/api/matching.ts';
import type { TOpportunityKind } from '../../../domain/opportunities/types.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { graduate, opportunity, push } from '../../db/schema/index.ts';
import { requireUser } from '../auth/auth.service.ts';
import { caseScopeWhere } from '../ledger/case-access.ts';

/** The outbox as staff see it: pushes to graduates in their case scope, newest first, filtered. */
export async function listOutbox(deps: TDeps, ctx: TCtx, q: TOutboxQuery) {
  requireUser(ctx);
  const { db } = deps.database;
  const conds: SQL[] = [caseScopeWhere(ctx)];
  if (q.status) conds.push(eq(push.status, q.status));
  if (q.channel) conds.push(eq(push.channel, q.channel));
  if (q.caseId) conds.push(eq(push.caseId, q.caseId));
  if (q.opportunityId) conds.push(eq(push.opportunityId, q.opportunityId));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    db
      .select({ push, graduateName: graduate.name, title: opportunity.title, kind: opportunity.kind })
      .from(push)
      .innerJoin(graduate, eq(graduate.id, push.graduateId))
      .innerJoin(opportunity, eq(opportunity.id, push.opportunityId))
      .where(where)
      .orderBy(desc(push.createdAt), desc(push.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(push).innerJoin(graduate, eq(graduate.id, push.graduateId)).where(where),
  ]);
  const items: TPushItem[] = rows.map(({ push: p, graduateName, title, kind }) => ({
    id: p.id,
    caseId: p.caseId,
    graduateId: p.graduateId,
    graduateName,
    opportunity: { id: p.opportunityId, title, kind: kind as TOpportunityKind },
    channel: p.channel as TPushChannel,
    status: p.status as TPushStatus,
    error: p.error,
    actorName: p.actorName,
    note: p.reason,
    score: p.score,
    createdAt: p.createdAt.toISOString(),
    sentAt: p.sentAt?.toISOString() ?? null,
    viewedAt: p.viewedAt?.toISOString() ?? null,
  }));
  return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
