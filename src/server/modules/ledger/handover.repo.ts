import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import {
  appUser,
  caseHandover,
  graduate,
  handoverBatch,
  ledgerCase,
  notification,
  orgUnit,
  region,
} from '../../db/schema/index.ts';

const domicile = alias(region, 'domicile');
const bureau = alias(orgUnit, 'bureau');
const university = alias(orgUnit, 'university');

/** Insert in slices: PostgreSQL takes at most 65,535 parameters per statement. */
const CHUNK = 1000;
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** A uuid[] parameter (ids are validated uuids): one parameter however many ids. */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** The cases (with what handover needs to classify them) matching `where` over ledger_case ⋈ graduate. */
export async function listCandidateCases(db: TDbOrTx, where: SQL) {
  return db
    .select({
      caseId: ledgerCase.id,
      graduateId: ledgerCase.graduateId,
      cohort: ledgerCase.cohort,
      universityId: ledgerCase.universityId,
      holderOrgId: ledgerCase.holderOrgId,
      stage: ledgerCase.stage,
      status: ledgerCase.status,
      intention: ledgerCase.intention,
      destinationCode: ledgerCase.destinationCode,
      name: graduate.name,
      collegeName: graduate.collegeName,
      className: graduate.className,
      majorName: graduate.majorName,
      countyCode: graduate.domicileCountyCode,
      countyName: domicile.name,
    })
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .leftJoin(domicile, eq(domicile.code, graduate.domicileCountyCode))
    .where(where)
    .orderBy(
      asc(graduate.domicileCountyCode),
      asc(graduate.collegeName),
      asc(graduate.name),
      asc(ledgerCase.id),
    );
}
export type TCandidateRow = Awaited<ReturnType<typeof listCandidateCases>>[number];

/** Lock the cases (in id order, so two committing admins queue instead of deadlocking). */
export async function lockCases(tx: TDbOrTx, ids: readonly string[]): Promise<void> {
  await tx.execute(sql`select 1 from ledger_case where id = any(${uuidArray(ids)}) order by id for update`);
}

/**
 * The receiving bureau of each county: the active county HRSS org unit whose region is the county (the first
 * by code should a county ever have two).
 */
export async function findBureaus(
  db: TDbOrTx,
  countyCodes: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  const out = new Map<string, { id: string; name: string }>();
  if (countyCodes.length === 0) return out;
  const rows = await queryRows<{ id: string; name: string; regionCode: string }>(
    db,
    sql`select id, name, region_code as "regionCode" from org_unit
      where kind = 'county_hrss' and active and region_code = any(${`{${countyCodes.join(',')}}`}::text[])
      order by code`,
  );
  for (const r of rows) if (!out.has(r.regionCode)) out.set(r.regionCode, { id: r.id, name: r.name });
  return out;
}

export async function insertBatch(tx: TDbOrTx, row: typeof handoverBatch.$inferInsert) {
  const [batch] = await tx.insert(handoverBatch).values(row).returning();
  return batch!;
}

export async function insertCaseHandovers(tx: TDbOrTx, rows: (typeof caseHandover.$inferInsert)[]) {
  for (const slice of chunks(rows)) await tx.insert(caseHandover).values(slice);
}

/** The batch's cases move to their bureau: stage, holder, since when, and a new version. */
export async function moveBatchCases(tx: TDbOrTx, batchId: string, now: Date, userId: string) {
  await tx.execute(sql`update ledger_case c set stage = 'handed_over', holder_org_id = h.to_org_id,
      handed_over_at = ${now.toISOString()}::timestamptz, version = c.version + 1,
      updated_at = ${now.toISOString()}::timestamptz, updated_by = ${userId}
    from case_handover h where h.batch_id = ${batchId} and h.case_id = c.id`);
}

/** The active county HRSS users of these org units. */
export async function listBureauUsers(db: TDbOrTx, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  return queryRows<{ id: string; orgId: string }>(
    db,
    sql`select id, org_id as "orgId" from app_user
      where org_id = any(${uuidArray(orgIds)}) and active and 'county_hrss' = any(roles)
      order by username`,
  );
}

/** In-app notifications; a dedupe key already used is skipped. */
export async function insertNotifications(tx: TDbOrTx, rows: (typeof notification.$inferInsert)[]) {
  for (const slice of chunks(rows)) {
    await tx.insert(notification).values(slice).onConflictDoNothing({ target: notification.dedupeKey });
  }
}

const batchColumns = {
  id: handoverBatch.id,
  cohort: handoverBatch.cohort,
  caseCount: handoverBatch.caseCount,
  universityId: handoverBatch.universityId,
  universityName: university.name,
  createdByName: appUser.displayName,
  createdAt: handoverBatch.createdAt,
};
const selectBatches = (db: TDbOrTx) =>
  db
    .select(batchColumns)
    .from(handoverBatch)
    .innerJoin(university, eq(university.id, handoverBatch.universityId))
    .leftJoin(appUser, eq(appUser.id, handoverBatch.createdBy));
export type TBatchRow = Awaited<ReturnType<typeof selectBatches>>[number];

/** A university's batches, newest first, paged. */
export async function listBatches(
  db: TDbOrTx,
  universityId: string,
  q: { cohort?: number | undefined; page: number; pageSize: number },
) {
  const where = and(
    eq(handoverBatch.universityId, universityId),
    q.cohort ? eq(handoverBatch.cohort, q.cohort) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectBatches(db)
      .where(where)
      .orderBy(desc(handoverBatch.createdAt), desc(handoverBatch.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(handoverBatch).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findBatch(db: TDbOrTx, batchId: string, universityId: string) {
  const [row] = await selectBatches(db).where(
    and(eq(handoverBatch.id, batchId), eq(handoverBatch.universityId, universityId)),
  );
  return row;
}

/** Cases per receiving bureau of each batch. */
export async function countByCounty(db: TDbOrTx, batchIds: readonly string[]) {
  if (batchIds.length === 0) return [];
  return db
    .select({
      batchId: caseHandover.batchId,
      orgId: bureau.id,
      orgName: bureau.name,
      countyCode: bureau.regionCode,
      countyName: domicile.name,
      count: sql<number>`count(*)::int`,
    })
    .from(caseHandover)
    .innerJoin(bureau, eq(bureau.id, caseHandover.toOrgId))
    .leftJoin(domicile, eq(domicile.code, bureau.regionCode))
    .where(sql`${caseHandover.batchId} = any(${uuidArray(batchIds)})`)
    .groupBy(caseHandover.batchId, bureau.id, bureau.name, bureau.regionCode, domicile.name)
    .orderBy(asc(bureau.regionCode), asc(bureau.name));
}

/** The batch's cases as they are now; `scopeWhere` (on graduate) keeps to what the user may see. */
export async function listBatchCases(db: TDbOrTx, batchId: string, scopeWhere: SQL) {
  return db
    .select({
      caseId: ledgerCase.id,
      graduateId: ledgerCase.graduateId,
      name: graduate.name,
      collegeName: graduate.collegeName,
      className: graduate.className,
      countyCode: graduate.domicileCountyCode,
      countyName: domicile.name,
      toOrgId: bureau.id,
      toOrgName: bureau.name,
      status: ledgerCase.status,
      stage: ledgerCase.stage,
    })
    .from(caseHandover)
    .innerJoin(ledgerCase, eq(ledgerCase.id, caseHandover.caseId))
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .innerJoin(bureau, eq(bureau.id, caseHandover.toOrgId))
    .leftJoin(domicile, eq(domicile.code, graduate.domicileCountyCode))
    .where(and(eq(caseHandover.batchId, batchId), scopeWhere))
    .orderBy(asc(graduate.domicileCountyCode), asc(graduate.collegeName), asc(graduate.name));
}
