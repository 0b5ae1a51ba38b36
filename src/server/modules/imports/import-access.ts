import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { TImportKind } from '../../../domain/registry/fields.ts';
import { hasPermission } from '../../../domain/roles.ts';
import type { TCtx, TDeps, TSessionUser } from '../../context.ts';
import { importBatch, orgUnit } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../errors.ts';
import { requireUser } from '../auth/auth.service.ts';
import type * as repo from './import.repo.ts';

/*
 * Who may import what. Rosters: a university admin for their university; a provincial education department
 * for the universities of its province. The poverty registry: a poverty office. Batches are visible to the
 * uploading org's users and, for rosters, to the province of the university.
 */

export function requireImporter(ctx: TCtx, kind: TImportKind): TSessionUser {
  const user = requireUser(ctx);
  if (!hasPermission(user.roles, 'imports.manage')) throw forbidden();
  const allowed =
    kind === 'roster'
      ? user.roles.includes('university_admin') || user.roles.includes('province_education')
      : user.roles.includes('poverty_office');
  if (!allowed) {
    throw forbidden(
      kind === 'roster'
        ? '只有高校或省教育厅可以导入生源名单 / Only universities and provincial education departments import rosters'
        : '只有扶贫部门可以导入建档立卡名单 / Only poverty offices import the registry',
    );
  }
  return user;
}

/** The universities a roster uploader may load rows for. */
export async function allowedUniversities(deps: TDeps, user: TSessionUser) {
  const db = deps.database.db;
  const cond: SQL[] = [];
  if (user.roles.includes('university_admin') && user.org.universityId)
    cond.push(eq(orgUnit.id, user.org.universityId));
  if (user.roles.includes('province_education') && user.org.regionCode) {
    cond.push(sql`left(${orgUnit.regionCode}, 2) = ${user.org.regionCode.slice(0, 2)}`);
  }
  if (!cond.length) return [];
  return db
    .select({
      id: orgUnit.id,
      code: orgUnit.code,
      moeCode: orgUnit.moeCode,
      regionCode: orgUnit.regionCode,
      name: orgUnit.name,
    })
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'university'), or(...cond)));
}

/** Batch visibility as a condition on import_batch. */
export function batchVisibleWhere(user: TSessionUser): SQL {
  const parts: SQL[] = [eq(importBatch.orgId, user.org.id)];
  if (user.org.universityId) parts.push(eq(importBatch.universityId, user.org.universityId));
  if (user.roles.includes('province_education') && user.org.regionCode) {
    parts.push(
      inArray(
        importBatch.universityId,
        sql`(select id from org_unit where kind = 'university' and left(region_code, 2) = ${user.org.regionCode.slice(0, 2)})`,
      ),
    );
  }
  return or(...parts)!;
}

export async function getBatchForUser(deps: TDeps, ctx: TCtx, id: string) {
  const user = requireUser(ctx);
  if (!hasPermission(user.roles, 'imports.manage')) throw forbidden();
  const [batch] = await deps.database.db
    .select()
    .from(importBatch)
    .where(and(eq(importBatch.id, id), batchVisibleWhere(user)))
    .limit(1);
  if (!batch) throw notFound('Import batch');
  return batch as repo.TBatchRow;
}
