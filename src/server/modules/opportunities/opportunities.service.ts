import { and, eq, ne, or, type SQL } from 'drizzle-orm';
import type {
  TOpportunityBody,
  TOpportunityListQuery,
  TOpportunityUpdateBody,
  TZoneQuery,
  TZoneRegion,
} from '../../../domain/api/opportunities.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { opportunity } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { chinaDate } from '../ledger/case-dates.ts';
import { isEmployer, requireApprovedEmployer } from './employer-access.ts';
import * as repo from './opportunities.repo.ts';
import { checkPostBody, postValues } from './opportunity-checks.ts';
import { openOn, postFilterConds, zoneOn } from './opportunity-filters.ts';
import { toDetail, toListItem } from './opportunity-present.ts';

/*
 * Posts: staff with opportunities.manage own posts by their org; an approved employer posts as itself and sees
 * only its own posts (those it owns or that staff posted for it). Other staff see every post that is not a
 * draft; drafts only reach their owner.
 */

/** Which posts the user may read. */
export function visiblePostsWhere(ctx: TCtx): SQL {
  const org = requireUser(ctx).org.id;
  if (isEmployer(ctx)) return or(eq(opportunity.ownerOrgId, org), eq(opportunity.employerOrgId, org))!;
  return or(ne(opportunity.status, 'draft'), eq(opportunity.ownerOrgId, org))!;
}

const todayOf = (deps: TDeps) => chinaDate(deps.clock.now());
const pageOf = <T>(items: T[], total: number, q: { page: number; pageSize: number }) => ({
  items,
  total,
  page: q.page,
  pageSize: q.pageSize,
});

/** Staff list (and the employer's own list) with filters, server paging and sorting. */
export async function listOpportunities(
  deps: TDeps,
  ctx: TCtx,
  q: Partial<TOpportunityListQuery> & Pick<TOpportunityListQuery, 'sort' | 'order' | 'page' | 'pageSize'>,
) {
  const today = todayOf(deps);
  const conds = [visiblePostsWhere(ctx), ...postFilterConds(q)];
  if (q.open) conds.push(openOn(today));
  if (q.mine) conds.push(eq(opportunity.ownerOrgId, requireUser(ctx).org.id));
  // posts still taking applications first: the soonest deadline is not one that passed last month
  const { rows, total } = await repo.listPosts(deps.database.db, and(...conds)!, q, openOn(today));
  return pageOf(
    rows.map((r) => toListItem(r, today)),
    total,
    q,
  );
}

/**
 * The 52-county zone: open posts that prioritise the target group. The same for every reader — staff and
 * graduates alike — so it says nothing about who is reading.
 */
export async function listZone(deps: TDeps, q: TZoneQuery) {
  const today = todayOf(deps);
  const { rows, total } = await repo.listPosts(
    deps.database.db,
    and(zoneOn(today), ...postFilterConds(q))!,
    q,
  );
  return pageOf(
    rows.map((r) => toListItem(r, today)),
    total,
    q,
  );
}

/**
 * The zone's regions for a region filter: every province the zone's posts name, with the cities and counties
 * they name inside it. Public reference data about public posts, so graduates need no reference permission.
 */
export async function listZoneRegions(deps: TDeps): Promise<TZoneRegion[]> {
  const rows = await repo.listRegionsOfPosts(deps.database.db, zoneOn(todayOf(deps)));
  const provinces = new Map<string, TZoneRegion>();
  for (const r of rows) {
    const province = provinces.get(r.province_code) ?? {
      code: r.province_code,
      name: r.province_name,
      places: [],
    };
    provinces.set(r.province_code, province);
    if (r.code !== r.province_code) province.places.push({ code: r.code, name: r.name });
  }
  return [...provinces.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** One post the user may read; not found otherwise. */
export async function getOpportunity(deps: TDeps, ctx: TCtx, id: string) {
  const row = await repo.findPost(deps.database.db, id, visiblePostsWhere(ctx));
  if (!row) throw notFound('Opportunity');
  return toDetail(row, todayOf(deps), row.post.ownerOrgId === requireUser(ctx).org.id);
}

/**
 * Lock a post for a change by its owner: invisible → not found; visible but another org's → forbidden;
 * an employer must still be approved.
 */
export async function lockOwnPost(tx: TDbOrTx, ctx: TCtx, id: string) {
  const user = requireUser(ctx);
  const post = await repo.lockPost(tx, id);
  const visible =
    post &&
    (isEmployer(ctx)
      ? post.ownerOrgId === user.org.id || post.employerOrgId === user.org.id
      : post.status !== 'draft' || post.ownerOrgId === user.org.id);
  if (!post || !visible) throw notFound('Opportunity');
  if (post.ownerOrgId !== user.org.id) {
    throw forbidden('只有发布单位可以修改该岗位 / Only the organisation that posted it can change this post');
  }
  if (isEmployer(ctx)) await requireApprovedEmployer(tx, ctx);
  return post;
}

function assertVersion(current: number, sent: number) {
  if (current !== sent) {
    throw new AppError(
      'conflict',
      '该岗位已被他人修改，请刷新后重试 / Someone else changed this post; reload and try again',
      { reason: 'version_conflict', currentVersion: current },
    );
  }
}

/** Create a post (a draft) owned by the user's org. Audited. */
export async function createOpportunity(deps: TDeps, ctx: TCtx, body: TOpportunityBody) {
  const user = requireUser(ctx);
  const { db } = deps.database;
  const now = deps.clock.now();
  if (isEmployer(ctx)) await requireApprovedEmployer(db, ctx);
  const checked = await checkPostBody(db, ctx, body, { today: todayOf(deps), current: null });
  const id = await db.transaction(async (tx) => {
    const id = await repo.insertPost(tx, {
      ...postValues(checked),
      ownerOrgId: user.org.id,
      status: 'draft',
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(
      tx,
      ctx,
      { action: 'opportunity.create', entityType: 'opportunity', entityId: id, after: checked },
      now,
    );
    return id;
  });
  return getOpportunity(deps, ctx, id);
}

/** Edit a post (owner only, on the version edited). Audited with before and after. */
export async function updateOpportunity(deps: TDeps, ctx: TCtx, id: string, body: TOpportunityUpdateBody) {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const post = await lockOwnPost(tx, ctx, id);
    assertVersion(post.version, body.version);
    const { version: _v, ...rest } = body;
    const checked = await checkPostBody(tx, ctx, rest, { today: todayOf(deps), current: post });
    const values = postValues(checked);
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, post[k as keyof typeof post]]));
    await repo.updatePost(tx, id, { ...values, updatedAt: now }, true);
    await recordAudit(
      tx,
      ctx,
      { action: 'opportunity.update', entityType: 'opportunity', entityId: id, before, after: values },
      now,
    );
  });
  return getOpportunity(deps, ctx, id);
}

/** Open (from draft or closed; the deadline must not have passed) or close a post; the first opening publishes it. Audited. */
export async function setOpportunityStatus(
  deps: TDeps,
  ctx: TCtx,
  id: string,
  body: { status: 'open' | 'closed'; version: number },
) {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const post = await lockOwnPost(tx, ctx, id);
    assertVersion(post.version, body.version);
    if (body.status === 'open' && post.deadline < todayOf(deps)) {
      throw new AppError(
        'validation_error',
        `报名截止日期 ${post.deadline} 已过，请先修改截止日期 / The deadline ${post.deadline} has passed; change it first`,
        { field: 'deadline', reason: 'deadline_passed' },
      );
    }
    // the first opening is the publication: matching's freshness counts from it, not from the draft's creation
    const published = body.status === 'open' && !post.publishedAt ? { publishedAt: now } : {};
    await repo.updatePost(tx, id, { status: body.status, updatedAt: now, ...published }, true);
    await recordAudit(
      tx,
      ctx,
      {
        action: body.status === 'open' ? 'opportunity.open' : 'opportunity.close',
        entityType: 'opportunity',
        entityId: id,
        before: { status: post.status },
        after: { status: body.status },
      },
      now,
    );
  });
  return getOpportunity(deps, ctx, id);
}

/** Delete a draft (never opened, so nobody applied or was pushed it). Audited with what it was. */
export async function deleteOpportunity(deps: TDeps, ctx: TCtx, id: string) {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const post = await lockOwnPost(tx, ctx, id);
    if (post.status !== 'draft') {
      throw new AppError(
        'conflict',
        '只能删除草稿；已发布的岗位请关闭 / Only drafts can be deleted; close a published post instead',
        { reason: 'not_draft' },
      );
    }
    await repo.deletePost(tx, id);
    const { kind, title, ownerOrgId, employerOrgId, regionCodes, deadline } = post;
    await recordAudit(
      tx,
      ctx,
      {
        action: 'opportunity.delete',
        entityType: 'opportunity',
        entityId: id,
        before: { kind, title, ownerOrgId, employerOrgId, regionCodes, deadline },
      },
      now,
    );
  });
}
