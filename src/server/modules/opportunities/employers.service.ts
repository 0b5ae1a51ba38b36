import { and } from 'drizzle-orm';
import type {
  TEmployer,
  TEmployerListQuery,
  TEmployerRegistrationBody,
  TEmployerReviewBody,
} from '../../../domain/api/opportunities.ts';
import type { TEmployerSize, TEmployerStatus, TEmployerTag } from '../../../domain/opportunities/codes.ts';
import { parseCreditCode } from '../../../domain/opportunities/credit-code.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as authRepo from '../auth/auth.repo.ts';
import { requireUser } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
import { reviewAreaWhere } from './employer-access.ts';
import * as repo from './employers.repo.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toEmployer(row: repo.TEmployerRow): TEmployer {
  return {
    ...row,
    industry: row.industry as TEmployer['industry'],
    size: row.size as TEmployerSize,
    tags: row.tags as TEmployerTag[],
    status: row.status as TEmployerStatus,
    reviewedAt: iso(row.reviewedAt),
    createdAt: row.createdAt.toISOString(),
    openPosts: Number(row.openPosts),
  };
}

const invalid = (field: string, reason: string, message: string) =>
  new AppError('validation_error', message, { field, reason });

/**
 * Public self-registration: checks the 统一社会信用代码 (the answer says exactly what is wrong), the region and
 * the nature code, then creates the employer org (pending), its profile and its first account in one
 * transaction. The account can sign in at once and sees its review status; posting waits for approval.
 */
export async function registerEmployer(deps: TDeps, ctx: TCtx, body: TEmployerRegistrationBody) {
  const { db } = deps.database;
  const credit = parseCreditCode(body.creditCode);
  if (!credit.ok) {
    throw invalid('creditCode', credit.code, `${credit.messageZh} / ${credit.messageEn}`);
  }
  const region = await orgsRepo.findRegion(db, body.regionCode);
  if (!region) {
    throw invalid('regionCode', 'unknown', `行政区划代码不存在 / Unknown region code ${body.regionCode}`);
  }
  if (!(await repo.isNatureCode(db, body.natureCode))) {
    throw invalid(
      'natureCode',
      'unknown',
      `单位性质代码不存在 / Unknown employer nature code ${body.natureCode}`,
    );
  }
  if (await repo.findProfileByCreditCode(db, credit.code)) {
    throw new AppError(
      'conflict',
      '该统一社会信用代码已注册，请联系本单位已有账户的同事 / This credit code is already registered; ask the colleague who holds your organisation’s account',
      { field: 'creditCode', reason: 'taken' },
    );
  }
  if (await authRepo.findUserByUsername(db, body.username)) {
    throw new AppError('conflict', `用户名已存在 / Username ${body.username} is taken`, {
      field: 'username',
      reason: 'taken',
    });
  }
  const passwordHash = await hashPassword(body.password);
  const now = deps.clock.now();
  return db.transaction(async (tx) => {
    const orgId = await repo.insertEmployer(
      tx,
      { code: `E-${credit.code}`, name: body.name, kind: 'employer', regionCode: body.regionCode },
      {
        creditCode: credit.code,
        regionCode: body.regionCode,
        industry: body.industry,
        natureCode: body.natureCode,
        size: body.size,
        tags: body.tags,
        contactName: body.contactName,
        contactPhone: body.contactPhone,
        status: 'pending',
        createdAt: now,
      },
    );
    const user = await authRepo.insertUser(tx, {
      username: body.username,
      displayName: body.displayName,
      passwordHash,
      orgId,
      roles: ['employer'],
    });
    const { password: _p, ...after } = body;
    await recordAudit(
      tx,
      ctx,
      {
        action: 'employer.register',
        entityType: 'org_unit',
        entityId: orgId,
        after: { ...after, creditCode: credit.code },
        actorUsername: user.username,
        actorUserId: user.id,
        orgId,
      },
      now,
    );
    return { orgId, username: user.username, status: 'pending' as const };
  });
}

/** Employers in the reviewer's area, with filters, server paging and sorting. */
export async function listEmployers(deps: TDeps, ctx: TCtx, q: TEmployerListQuery) {
  const where = and(reviewAreaWhere(ctx), ...repo.employerFilterWhere(q))!;
  const { rows, total } = await repo.listEmployers(deps.database.db, where, q);
  return { items: rows.map(toEmployer), total, page: q.page, pageSize: q.pageSize };
}

/** One employer in the reviewer's area; outside it, not found. */
export async function getEmployer(deps: TDeps, ctx: TCtx, orgId: string): Promise<TEmployer> {
  const row = await repo.findEmployer(deps.database.db, orgId, reviewAreaWhere(ctx));
  if (!row) throw notFound('Employer');
  return toEmployer(row);
}

/** The signed-in employer's own registration and where its review stands. */
export async function getOwnEmployer(deps: TDeps, ctx: TCtx): Promise<{ employer: TEmployer | null }> {
  const row = await repo.findEmployer(deps.database.db, requireUser(ctx).org.id);
  return { employer: row ? toEmployer(row) : null };
}

/**
 * Approve or reject (rejecting needs a reason) and confirm the tags. A reviewed employer can be reviewed again,
 * e.g. to add the alumni tag or to suspend one. Audited with before and after.
 */
export async function reviewEmployer(deps: TDeps, ctx: TCtx, orgId: string, body: TEmployerReviewBody) {
  const user = requireUser(ctx);
  if (body.decision === 'reject' && body.note.length < 2) {
    throw invalid('note', 'required', '驳回时请说明原因 / Give a reason when rejecting');
  }
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    if (!(await repo.findEmployer(tx, orgId, reviewAreaWhere(ctx)))) throw notFound('Employer');
    const before = (await repo.lockProfile(tx, orgId))!;
    const status = body.decision === 'approve' ? 'approved' : 'rejected';
    const after = { status, tags: body.tags ?? before.tags, reviewNote: body.note || null };
    await repo.updateProfile(tx, orgId, { ...after, reviewedBy: user.id, reviewedAt: now });
    await recordAudit(
      tx,
      ctx,
      { action: `employer.${body.decision}`, entityType: 'org_unit', entityId: orgId, before, after },
      now,
    );
  });
  return getEmployer(deps, ctx, orgId);
}
