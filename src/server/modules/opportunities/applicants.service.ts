import type { TApplicant, TApplicationStatusBody } from '../../../domain/api/opportunities.ts';
import {
  canMoveApplication,
  QUOTA_USING_STATUSES,
  type TApplicationStatus,
} from '../../../domain/opportunities/codes.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { chinaDate } from '../ledger/case-dates.ts';
import { recordApplicationOnCase } from './application-events.ts';
import { toApplicant } from './application-present.ts';
import * as repo from './applications.repo.ts';
import { isEmployer, requireApprovedEmployer } from './employer-access.ts';
import * as postsRepo from './opportunities.repo.ts';

/*
 * The post owner's side of applications: the applicants of their own posts (a masked profile, never a flag)
 * and moving them along the funnel. Owner = the org that posted it; an employer also manages the applicants of
 * posts staff published for it. Anyone else gets 404, as if the post had no applicants to show.
 */

type TPost = postsRepo.TOpportunityRow;

function ownsApplicants(ctx: TCtx, post: Pick<TPost, 'ownerOrgId' | 'employerOrgId'>): boolean {
  const org = requireUser(ctx).org.id;
  return post.ownerOrgId === org || (isEmployer(ctx) && post.employerOrgId === org);
}

/** The applicants of a post the user's org owns, newest first. */
export async function listApplicants(
  deps: TDeps,
  ctx: TCtx,
  postId: string,
  q: { status?: TApplicationStatus | undefined; page: number; pageSize: number },
) {
  const { db } = deps.database;
  const row = await postsRepo.findPost(db, postId);
  if (!row || !ownsApplicants(ctx, row.post)) throw notFound('Opportunity');
  const { rows, total } = await repo.listApplicants(db, postId, q);
  return {
    items: rows.map((r) => toApplicant(r, deps.crypto)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function applicantOf(deps: TDeps, db: TDbOrTx, postId: string, id: string): Promise<TApplicant> {
  const { rows } = await repo.listApplicants(db, postId, { id, page: 1, pageSize: 1 });
  const row = rows[0];
  if (!row) throw notFound('Application');
  return toApplicant(row, deps.crypto);
}

/**
 * Move an applicant on (interview → offer → hired, or rejected), on the version the owner saw. An offer takes
 * one of the post's places (refused when none is left); a hire sets the graduate's case destination. The case
 * timeline and the audit trail record every step.
 */
export async function moveApplication(deps: TDeps, ctx: TCtx, id: string, body: TApplicationStatusBody) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const found = await repo.findApplication(db, id);
  if (!found) throw notFound('Application');
  const postId = await db.transaction(async (tx) => {
    const post = await postsRepo.lockPost(tx, found.opportunityId);
    if (!post || !ownsApplicants(ctx, post)) throw notFound('Application');
    if (isEmployer(ctx)) await requireApprovedEmployer(tx, ctx);
    const app = (await repo.lockApplication(tx, id))!;
    if (app.version !== body.version) {
      throw new AppError(
        'conflict',
        '该报名状态已被更新，请刷新后重试 / This application was updated meanwhile; reload and try again',
        { reason: 'version_conflict', currentVersion: app.version, currentStatus: app.status },
      );
    }
    const from = app.status as TApplicationStatus;
    if (!canMoveApplication(from, body.status)) {
      throw new AppError(
        'conflict',
        `报名状态不能从 ${from} 改为 ${body.status} / An application cannot move from ${from} to ${body.status}`,
        { reason: 'invalid_transition', from, to: body.status },
      );
    }
    const usedBefore = QUOTA_USING_STATUSES.includes(from);
    const usedAfter = QUOTA_USING_STATUSES.includes(body.status);
    if (!usedBefore && usedAfter && post.quota !== null && post.quotaUsed >= post.quota) {
      throw new AppError('conflict', '该岗位名额已满 / All places of this post are taken', {
        reason: 'quota_full',
      });
    }
    await repo.updateApplication(tx, id, { status: body.status, updatedAt: now });
    await repo.adjustPostCounters(tx, post.id, 0, Number(usedAfter) - Number(usedBefore));
    const ownerName = (await postsRepo.findPost(tx, post.id))!.ownerName;
    await recordApplicationOnCase(tx, ctx, {
      caseId: app.caseId,
      applicationId: id,
      post,
      ownerName,
      status: body.status,
      today: chinaDate(now),
      now,
      bySelf: false,
      note: body.note,
    });
    await recordAudit(
      tx,
      ctx,
      {
        action: 'application.status',
        entityType: 'application',
        entityId: id,
        before: { status: from },
        after: { status: body.status, note: body.note },
      },
      now,
    );
    return post.id;
  });
  return applicantOf(deps, db, postId, id);
}
