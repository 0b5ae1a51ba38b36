import type { TApplyBody, TMyApplication } from '../../../domain/api/opportunities.ts';
import {
  canMoveApplication,
  QUOTA_USING_STATUSES,
  type TApplicationStatus,
} from '../../../domain/opportunities/codes.ts';
import { evaluateEligibility, hardFailures } from '../../../domain/opportunities/eligibility.ts';
import { rulesOfPost } from '../../../domain/opportunities/post-rules.ts';
import type { TEligibilityRule } from '../../../domain/opportunities/types.ts';
import type { TLevel } from '../../../domain/registry/fields.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { chinaDate } from '../ledger/case-dates.ts';
import { recordApplicationOnCase } from './application-events.ts';
import { factsOf, toMyApplication, toOwnApplication } from './application-present.ts';
import * as repo from './applications.repo.ts';
import * as postsRepo from './opportunities.repo.ts';
import { toDetail } from './opportunity-present.ts';

/*
 * Graduate self-service for posts: the zone (opportunities.service listZone), a post's page with the graduate's
 * own application, applying and withdrawing. The graduate is always the signed-in user's own record.
 */

const refuse = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('conflict', message, { reason, ...extra });

async function requireSelf(db: TDbOrTx, ctx: TCtx) {
  const g = await repo.findSelfGraduate(db, requireUser(ctx).id);
  if (!g) {
    throw refuse(
      'no_record',
      '未找到您的毕业生信息，请联系辅导员 / No graduate record is linked to your account; please contact your counselor',
    );
  }
  return g;
}

/** A post's page for the graduate (any post that is not a draft) with their own application, if any. */
export async function getSelfOpportunity(deps: TDeps, ctx: TCtx, id: string) {
  const { db } = deps.database;
  const row = await postsRepo.findPost(db, id);
  if (!row || row.post.status === 'draft') throw notFound('Opportunity');
  const g = await repo.findSelfGraduate(db, requireUser(ctx).id);
  const mine = g ? await repo.findApplicationOf(db, id, g.id) : undefined;
  const { canEdit: _c, ...opportunity } = toDetail(row, chinaDate(deps.clock.now()), false);
  return { opportunity, myApplication: mine ? toOwnApplication(mine) : null };
}

/** The graduate's applications, newest first. */
export async function listSelfApplications(deps: TDeps, ctx: TCtx): Promise<TMyApplication[]> {
  const rows = await repo.listSelfApplications(deps.database.db, requireUser(ctx).id);
  return rows.map(toMyApplication);
}

/** Region names for the codes the rules and the graduate's domicile mention, for readable explanations. */
async function regionNamer(db: TDbOrTx, rules: TEligibilityRule[], domicile: string | null) {
  const codes = rules.flatMap((r) => (r.kind === 'domicile_regions' ? r.codes : []));
  if (domicile) codes.push(domicile);
  const names = await repo.findRegionNames(db, [...new Set(codes.map((c) => c.padEnd(6, '0')))]);
  return (code: string) => names.get(code.padEnd(6, '0')) ?? null;
}

/**
 * Apply to a post: it must be open, before its deadline, with places left, not already applied to, and the
 * graduate must meet its rules — otherwise 409 with the reason (and, when not eligible, each failing rule
 * explaining itself). Under the post's row lock, so the quota and the duplicate check never race.
 */
export async function applyToOpportunity(deps: TDeps, ctx: TCtx, body: TApplyBody) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const today = chinaDate(now);
  const g = await requireSelf(db, ctx);
  const id = await db.transaction(async (tx) => {
    const post = await postsRepo.lockPost(tx, body.opportunityId);
    if (!post || post.status === 'draft') throw notFound('Opportunity');
    if (post.status !== 'open')
      refuseNow('not_open', '该岗位已停止报名 / This post is not open for applications');
    if (post.deadline < today) {
      refuseNow(
        'deadline_passed',
        `报名已于 ${post.deadline} 截止 / Applications closed on ${post.deadline}`,
      );
    }
    if (post.quota !== null && post.quotaUsed >= post.quota) {
      refuseNow('quota_full', '该岗位名额已满 / All places of this post are taken');
    }
    const existing = await repo.findApplicationOf(tx, post.id, g.id);
    if (existing && existing.status !== 'withdrawn') {
      refuseNow('already_applied', '您已报名该岗位 / You have already applied to this post');
    }
    const rules = rulesOfPost({
      minLevel: post.minLevel as TLevel | null,
      majorPrefixes: post.majorPrefixes,
      eligibilityRules: post.eligibilityRules,
    });
    const eligibility = evaluateEligibility(rules, factsOf(g), {
      today,
      regionName: await regionNamer(tx, rules, g.domicileCountyCode),
      majorName: (code) => (code === g.majorCode ? g.majorName : null),
    });
    if (!eligibility.eligible) {
      const failed = hardFailures(eligibility);
      throw refuse(
        'not_eligible',
        `不符合报名条件：${failed.map((v) => v.reasonZh).join('；')} / Not eligible: ${failed.map((v) => v.reasonEn).join('; ')}`,
        { verdicts: failed },
      );
    }
    const values = {
      status: 'applied' as const,
      source: body.source,
      caseId: g.caseId,
      employerOrgId: post.employerOrgId,
      provinceCode: g.provinceCode,
      updatedAt: now,
    };
    const app = existing
      ? await repo.updateApplication(tx, existing.id, { ...values, createdAt: now })
      : await repo.insertApplication(tx, {
          ...values,
          opportunityId: post.id,
          graduateId: g.id,
          createdAt: now,
        });
    await repo.adjustPostCounters(tx, post.id, 1, 0);
    const ownerName = (await postsRepo.findPost(tx, post.id))!.ownerName;
    await recordApplicationOnCase(tx, ctx, {
      caseId: g.caseId,
      applicationId: app.id,
      post,
      ownerName,
      status: 'applied',
      today,
      now,
      bySelf: true,
    });
    await recordAudit(
      tx,
      ctx,
      {
        action: 'application.create',
        entityType: 'application',
        entityId: app.id,
        after: { opportunityId: post.id, source: body.source },
      },
      now,
    );
    return app.id;
  });
  return ownApplication(deps, ctx, id);
}

function refuseNow(reason: string, message: string): never {
  throw refuse(reason, message);
}

async function ownApplication(deps: TDeps, ctx: TCtx, id: string): Promise<TMyApplication> {
  const mine = await listSelfApplications(deps, ctx);
  const found = mine.find((a) => a.id === id);
  if (!found) throw notFound('Application');
  return found;
}

/** The graduate withdraws their own application (before it is final); the place it held is freed. */
export async function withdrawApplication(deps: TDeps, ctx: TCtx, id: string) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const g = await requireSelf(db, ctx);
  const found = await repo.findApplication(db, id);
  if (!found || found.graduateId !== g.id) throw notFound('Application');
  await db.transaction(async (tx) => {
    const post = (await postsRepo.lockPost(tx, found.opportunityId))!;
    const app = (await repo.lockApplication(tx, id))!;
    const from = app.status as TApplicationStatus;
    if (!canMoveApplication(from, 'withdrawn')) {
      throw refuse('final', '该报名已有结果，不能撤回 / This application is final and cannot be withdrawn');
    }
    await repo.updateApplication(tx, id, { status: 'withdrawn', updatedAt: now });
    await repo.adjustPostCounters(tx, post.id, -1, QUOTA_USING_STATUSES.includes(from) ? -1 : 0);
    const ownerName = (await postsRepo.findPost(tx, post.id))!.ownerName;
    await recordApplicationOnCase(tx, ctx, {
      caseId: app.caseId,
      applicationId: id,
      post,
      ownerName,
      status: 'withdrawn',
      today: chinaDate(now),
      now,
      bySelf: true,
    });
    await recordAudit(
      tx,
      ctx,
      {
        action: 'application.withdraw',
        entityType: 'application',
        entityId: id,
        before: { status: from },
        after: { status: 'withdrawn' },
      },
      now,
    );
  });
  return ownApplication(deps, ctx, id);
}
