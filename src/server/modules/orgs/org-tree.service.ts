import type {
  TOrgDeactivateBody,
  TOrgMoveBody,
  TOrgUnit,
  TOrgUpdateBody,
  TUniversityRef,
  ZOrgCreateBody,
} from '../../../domain/api/orgs.ts';
import { canManageOrg, orgPlacementProblems, type TOrgProblem } from '../../../domain/org-rules.ts';
import type { TOrgKind } from '../../../domain/orgs.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './org-tree.repo.ts';
import * as orgsRepo from './orgs.repo.ts';

/*
 * Creating, editing, moving and deactivating org units (issue 22). The placement rules and the scope of
 * `orgs.manage` are pure (src/domain/org-rules.ts); here they meet the database: the parent, the region's
 * level, unique codes, what still depends on an org, and the audit record in the same transaction.
 */

type TOrgCreate = import('zod').infer<typeof ZOrgCreateBody>;
type TRow = repo.TOrgUnitRow;

const PROBLEM_MESSAGES: Record<TOrgProblem, string> = {
  kind_not_managed: '此类机构不在组织机构树中维护 / Orgs of this kind are not managed in the org tree',
  parent_kind: '上级机构的类型不适用 / The parent org is of a kind this org cannot be placed under',
  region_required: '须选择所在行政区划 / A region is required',
  region_not_allowed: '此类机构没有所在行政区划 / Orgs of this kind have no region',
  region_unknown: '行政区划代码不存在 / Unknown region code',
  region_level:
    '行政区划的级别不适用（省级部门须为省，县级人社局须为县）/ The region is of the wrong level for this kind',
  region_outside_parent: '所在地须与上级机构在同一省份 / The region must be in the parent org’s province',
  university_codes_only: '只有高校有院校代码和学校标识码 / Only universities carry MOE codes',
  moe_code_format: '院校代码须为 5 位数字 / The MOE institution code has 5 digits',
  school_id_code_format: '学校标识码须为 10 位数字 / The school identifier has 10 digits',
  school_id_code_mismatch:
    '学校标识码的末 5 位须与院校代码相同 / The school identifier must end with the MOE institution code',
};

export const toOrgUnit = (r: TRow): TOrgUnit => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind as TOrgKind,
  parentId: r.parentId,
  regionCode: r.regionCode,
  moeCode: r.moeCode,
  schoolIdCode: r.schoolIdCode,
  active: r.active,
});

/** What the audit keeps of an org: everything but the timestamps. */
const auditView = (r: TRow) => {
  const { createdAt: _c, deactivatedAt: _d, ...rest } = r;
  return rest;
};

/** The actor may manage the org in this placement; a null user is the system itself (CLI, seed). */
function assertScope(ctx: TCtx, org: { kind: string; regionCode: string | null; parentId: string | null }) {
  if (!ctx.user) return;
  if (!canManageOrg(ctx.user, { ...org, kind: org.kind as TOrgKind })) {
    throw new AppError('forbidden', '此机构不在您的管理范围内 / This org is outside the orgs you may manage');
  }
}

async function activeParent(db: TDbOrTx, parentId: string | null): Promise<TRow | null> {
  if (!parentId) return null;
  const parent = await repo.findOrgById(db, parentId);
  if (!parent?.active) {
    throw new AppError(
      'validation_error',
      '上级机构不存在或已停用 / The parent org does not exist or is inactive',
    );
  }
  return parent;
}

/** Kind, region, parent and codes checked against the reference data and the tree rules. */
async function assertPlacement(
  db: TDbOrTx,
  org: Pick<TRow, 'kind' | 'regionCode' | 'moeCode' | 'schoolIdCode'>,
  parent: TRow | null,
) {
  const region = org.regionCode ? await orgsRepo.findRegion(db, org.regionCode) : undefined;
  const problems = orgPlacementProblems({
    kind: org.kind as TOrgKind,
    regionCode: org.regionCode,
    regionLevel: region?.level,
    parent: parent && { id: parent.id, kind: parent.kind as TOrgKind, regionCode: parent.regionCode },
    moeCode: org.moeCode,
    schoolIdCode: org.schoolIdCode,
  });
  if (problems.length) {
    throw new AppError('validation_error', problems.map((p) => PROBLEM_MESSAGES[p]).join('；'), {
      problems,
    });
  }
}

async function assertMoeCodeFree(db: TDbOrTx, moeCode: string | null, exceptId?: string) {
  if (!moeCode) return;
  const holder = await repo.findOrgByMoeCode(db, moeCode, exceptId);
  if (holder) {
    throw new AppError(
      'conflict',
      `院校代码 ${moeCode} 已属于 ${holder.name}（${holder.code}）/ MOE code ${moeCode} already belongs to ${holder.code}`,
      { field: 'moeCode', orgCode: holder.code },
    );
  }
}

async function getOrg(db: TDbOrTx, id: string): Promise<TRow> {
  const org = await repo.findOrgById(db, id);
  if (!org) throw notFound('Org unit');
  return org;
}

export async function createOrg(deps: TDeps, ctx: TCtx, body: TOrgCreate): Promise<TOrgUnit> {
  const { db } = deps.database;
  const parent = await activeParent(db, body.parentId);
  // a college sits where its university is unless told otherwise
  const regionCode = body.regionCode ?? (body.kind === 'college' ? (parent?.regionCode ?? null) : null);
  const org = { ...body, regionCode };
  assertScope(ctx, org);
  await assertPlacement(db, org, parent);
  if (await orgsRepo.findOrgByCode(db, body.code)) {
    throw new AppError('conflict', `机构代码 ${body.code} 已存在 / Org code ${body.code} is taken`, {
      field: 'code',
    });
  }
  await assertMoeCodeFree(db, body.moeCode);
  return db.transaction(async (tx) => {
    const row = await repo.insertOrg(tx, { ...org, createdAt: deps.clock.now() });
    await recordAudit(
      tx,
      ctx,
      { action: 'org.create', entityType: 'org_unit', entityId: row.id, after: auditView(row) },
      deps.clock.now(),
    );
    return toOrgUnit(row);
  });
}

export async function updateOrg(deps: TDeps, ctx: TCtx, id: string, body: TOrgUpdateBody): Promise<TOrgUnit> {
  const { db } = deps.database;
  const before = await getOrg(db, id);
  assertScope(ctx, before);
  const next = { ...before, ...body };
  assertScope(ctx, next);
  await assertPlacement(db, next, await activeParent(db, before.parentId));
  if (body.moeCode !== undefined) await assertMoeCodeFree(db, body.moeCode, id);
  return db.transaction(async (tx) => {
    const row = await repo.updateOrg(tx, id, body);
    await recordAudit(
      tx,
      ctx,
      {
        action: 'org.update',
        entityType: 'org_unit',
        entityId: id,
        before: auditView(before),
        after: auditView(row),
      },
      deps.clock.now(),
    );
    return toOrgUnit(row);
  });
}

/** Put the org (with its subtree) under another parent, or at the top level. */
export async function moveOrg(deps: TDeps, ctx: TCtx, id: string, body: TOrgMoveBody): Promise<TOrgUnit> {
  const { db } = deps.database;
  const before = await getOrg(db, id);
  assertScope(ctx, before);
  if (body.parentId && (await repo.isInSubtree(db, id, body.parentId))) {
    throw new AppError(
      'validation_error',
      '不能移到自身或其下级机构之下 / An org cannot be moved under itself or its own sub-org',
      { problems: ['move_cycle'] },
    );
  }
  const parent = await activeParent(db, body.parentId);
  assertScope(ctx, { ...before, parentId: body.parentId });
  await assertPlacement(db, before, parent);
  return db.transaction(async (tx) => {
    const row = await repo.updateOrg(tx, id, { parentId: body.parentId });
    await recordAudit(
      tx,
      ctx,
      {
        action: 'org.move',
        entityType: 'org_unit',
        entityId: id,
        before: { parentId: before.parentId },
        after: { parentId: body.parentId, parentCode: parent?.code ?? null },
      },
      deps.clock.now(),
    );
    return toOrgUnit(row);
  });
}

/**
 * Deactivate an org that nothing depends on any more; refused with the counts of active accounts, active
 * sub-orgs and open cases otherwise (move or close those first). The row stays for history.
 */
export async function deactivateOrg(
  deps: TDeps,
  ctx: TCtx,
  id: string,
  body: TOrgDeactivateBody,
): Promise<TOrgUnit> {
  const { db } = deps.database;
  const before = await getOrg(db, id);
  assertScope(ctx, before);
  if (!before.active) throw new AppError('conflict', '该机构已停用 / The org is already inactive');
  const blockers = await repo.deactivationBlockers(db, id);
  if (blockers.activeUsers || blockers.activeChildren || blockers.openCases) {
    const { activeUsers: u, activeChildren: c, openCases: k } = blockers;
    throw new AppError(
      'conflict',
      `无法停用：尚有 ${u} 个有效账户、${c} 个下级机构、${k} 个未结案的帮扶台账 / ` +
        `Cannot deactivate: ${u} active account(s), ${c} active sub-org(s) and ${k} open case(s) remain`,
      { blockers },
    );
  }
  return db.transaction(async (tx) => {
    const row = await repo.updateOrg(tx, id, { active: false, deactivatedAt: deps.clock.now() });
    await recordAudit(
      tx,
      ctx,
      {
        action: 'org.deactivate',
        entityType: 'org_unit',
        entityId: id,
        before: { active: true },
        after: { active: false },
        reason: body.reason,
      },
      deps.clock.now(),
    );
    return toOrgUnit(row);
  });
}

/** The official list of institutions, to pick a university from (with the org already made from it, if any). */
export async function searchUniversities(
  db: TDbOrTx,
  q: string | undefined,
  limit: number,
): Promise<TUniversityRef[]> {
  const rows = await repo.searchUniversityList(db, q, limit);
  return rows.map((r) => ({
    moeCode: r.moeCode,
    schoolIdCode: r.attributes.moe_id ?? '',
    name: r.name,
    authority: r.attributes.authority ?? '',
    provinceCode: r.attributes.province_code ?? '',
    city: r.attributes.city ?? '',
    level: r.attributes.level ?? '',
    notes: r.attributes.notes ?? '',
    regionCode: r.regionCode,
    orgCode: r.orgCode,
  }));
}
