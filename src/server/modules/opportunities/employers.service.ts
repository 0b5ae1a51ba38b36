import { createHash, randomInt } from 'node:crypto';
import { and } from 'drizzle-orm';
import {
  EMPLOYER_EDITABLE_FIELDS,
  type TEmployer,
  type TEmployerListQuery,
  type TEmployerProfileBody,
  type TEmployerRegistrationBody,
  type TEmployerReviewBody,
  type TOwnEmployer,
} from '../../../domain/api/opportunities.ts';
import type { TEmployerSize, TEmployerStatus, TEmployerTag } from '../../../domain/opportunities/codes.ts';
import { normalizeCreditCode, parseCreditCode } from '../../../domain/opportunities/credit-code.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
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

/** The region and the 单位性质 must be codes of the loaded tables; the answer names the field. */
async function checkCodes(db: TDbOrTx, body: { regionCode: string; natureCode: string }) {
  if (!(await orgsRepo.findRegion(db, body.regionCode))) {
    throw invalid('regionCode', 'unknown', `行政区划代码不存在 / Unknown region code ${body.regionCode}`);
  }
  if (!(await repo.isNatureCode(db, body.natureCode))) {
    throw invalid(
      'natureCode',
      'unknown',
      `单位性质代码不存在 / Unknown employer nature code ${body.natureCode}`,
    );
  }
}

/**
 * Public self-registration: checks the 统一社会信用代码 (the answer says exactly what is wrong), the region and
 * the nature code, then creates the employer org (pending), its profile and its first account in one
 * transaction. The account can sign in at once and sees its review status; posting waits for approval.
 */
/**
 * The sign-in name of a new employer account: the chosen name plus a dot and four random digits, always, so
 * the answer is the same whether or not the chosen name (a staff account, say) exists. Taken candidates are
 * skipped silently.
 */
async function freeLoginName(db: TDbOrTx, chosen: string): Promise<string> {
  const base = chosen.slice(0, 59);
  for (let i = 0; i < 20; i++) {
    const candidate = `${base}.${randomInt(0, 10_000).toString().padStart(4, '0')}`;
    if (!(await authRepo.findUserByUsername(db, candidate))) return candidate;
  }
  throw new AppError('conflict', '请换一个用户名再试 / Please try another username', { reason: 'busy' });
}

export async function registerEmployer(deps: TDeps, ctx: TCtx, body: TEmployerRegistrationBody) {
  const { db } = deps.database;
  const credit = parseCreditCode(body.creditCode);
  if (!credit.ok) {
    throw invalid('creditCode', credit.code, `${credit.messageZh} / ${credit.messageEn}`);
  }
  await checkCodes(db, body);
  if (await repo.findProfileByCreditCode(db, credit.code)) {
    throw new AppError(
      'conflict',
      '该统一社会信用代码已注册，请联系本单位已有账户的同事 / This credit code is already registered; ask the colleague who holds your organisation’s account',
      { field: 'creditCode', reason: 'taken' },
    );
  }
  // never "username taken": that would tell an anonymous caller which accounts exist
  const username = await freeLoginName(db, body.username);
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
      username,
      displayName: body.displayName,
      passwordHash,
      orgId,
      roles: ['employer'],
    });
    const { password: _p, ...after } = { ...body, username };
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

/**
 * The editable fields as one short token. employer_profile has no version column; the token serves as one
 * (an edit made on other values than the stored ones is refused) without a migration. Changes by reviewers
 * (status, tags) do not touch it: they never conflict with what the employer edits.
 */
export function profileRevision(row: Record<TEditableField, string>): string {
  const values = EMPLOYER_EDITABLE_FIELDS.map((k) => row[k]);
  return createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16);
}

/** The signed-in employer's own registration and where its review stands. */
export async function getOwnEmployer(deps: TDeps, ctx: TCtx): Promise<{ employer: TOwnEmployer | null }> {
  const row = await repo.findEmployer(deps.database.db, requireUser(ctx).org.id);
  return { employer: row ? { ...toEmployer(row), revision: profileRevision(row) } : null };
}

const identityLocked = (field: 'creditCode' | 'name') =>
  new AppError(
    'forbidden',
    '统一社会信用代码和单位名称是单位的身份信息，不能在门户中修改；如需更正，请联系审核本单位的管理员 / The credit code and the legal name identify your organisation and cannot be changed here; ask the administrator who approved your registration',
    { field, reason: 'identity_locked' },
  );

/**
 * The employer edits its own profile (contact, region, industry, nature, size). Identity and tags stay as
 * they are and so does the review (an approved employer stays approved) unless it moves to another province,
 * whose departments then review it. Refused when the profile changed since
 * it was read (409 with the current revision). Audited with before and after.
 */
export async function updateOwnEmployer(deps: TDeps, ctx: TCtx, body: TEmployerProfileBody) {
  const orgId = requireUser(ctx).org.id;
  const { db } = deps.database;
  await checkCodes(db, body);
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const current = await repo.lockEditableProfile(tx, orgId);
    if (!current) {
      throw new AppError(
        'not_found',
        '本单位尚未登记用人单位信息 / Your organisation has no employer registration',
        { reason: 'no_profile' },
      );
    }
    if (body.creditCode !== undefined && normalizeCreditCode(body.creditCode) !== current.creditCode) {
      throw identityLocked('creditCode');
    }
    if (body.name !== undefined && body.name !== current.name) throw identityLocked('name');
    const revision = profileRevision(current);
    if (body.revision !== revision) {
      throw new AppError(
        'conflict',
        '单位信息已被本单位其他账户修改，请刷新后重试 / Someone else changed your profile; reload and try again',
        { reason: 'version_conflict', currentRevision: revision },
      );
    }
    const before = pickEditable(current);
    const after = pickEditable(body);
    // the province decides who reviews an employer: moving to another one is a new registration there
    const review =
      current.status === 'approved' && after.regionCode.slice(0, 2) !== before.regionCode.slice(0, 2)
        ? {
            status: 'pending' as const,
            reviewNote: '迁往其他省份，待所在地重新审核 / Moved to another province: awaiting review there',
          }
        : null;
    await repo.updateProfile(tx, orgId, { ...after, ...(review ?? {}) });
    if (after.regionCode !== before.regionCode) await repo.updateOrgRegion(tx, orgId, after.regionCode);
    await recordAudit(
      tx,
      ctx,
      {
        action: 'employer.update',
        entityType: 'org_unit',
        entityId: orgId,
        before: review ? { ...before, status: current.status } : before,
        after: review ? { ...after, status: review.status } : after,
      },
      now,
    );
  });
  return getOwnEmployer(deps, ctx);
}

type TEditableField = (typeof EMPLOYER_EDITABLE_FIELDS)[number];
const pickEditable = (v: Record<TEditableField, string>) =>
  Object.fromEntries(EMPLOYER_EDITABLE_FIELDS.map((k) => [k, v[k]])) as Record<TEditableField, string>;

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
