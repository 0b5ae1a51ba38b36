import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { TEmployerListQuery } from '../../../domain/api/opportunities.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { codeEntry, employerProfile, orgUnit } from '../../db/schema/index.ts';
import { likePattern, regionWithin } from './opportunity-filters.ts';

const columns = {
  orgId: employerProfile.orgId,
  name: orgUnit.name,
  creditCode: employerProfile.creditCode,
  regionCode: employerProfile.regionCode,
  regionName: sql<string | null>`(select name from region r where r.code = ${employerProfile.regionCode})`,
  industry: employerProfile.industry,
  natureCode: employerProfile.natureCode,
  size: employerProfile.size,
  tags: employerProfile.tags,
  contactName: employerProfile.contactName,
  contactPhone: employerProfile.contactPhone,
  status: employerProfile.status,
  reviewNote: employerProfile.reviewNote,
  reviewedByName: sql<
    string | null
  >`(select display_name from app_user u where u.id = ${employerProfile.reviewedBy})`,
  reviewedAt: employerProfile.reviewedAt,
  createdAt: employerProfile.createdAt,
  openPosts: sql<number>`(select count(*)::int from opportunity p
    where p.employer_org_id = ${employerProfile.orgId} and p.status = 'open')`,
};

const selectEmployers = (db: TDbOrTx) =>
  db.select(columns).from(employerProfile).innerJoin(orgUnit, eq(orgUnit.id, employerProfile.orgId));
export type TEmployerRow = Awaited<ReturnType<typeof selectEmployers>>[number];

/** The list's filters (besides the reviewer's area) as one condition. */
export function employerFilterWhere(q: Partial<TEmployerListQuery>): SQL[] {
  const conds: SQL[] = [];
  if (q.status) conds.push(eq(employerProfile.status, q.status));
  if (q.region) conds.push(regionWithin(employerProfile.regionCode, q.region));
  if (q.tag) conds.push(sql`${q.tag} = any(${employerProfile.tags})`);
  if (q.industry) conds.push(eq(employerProfile.industry, q.industry));
  if (q.q) {
    const like = likePattern(q.q);
    conds.push(sql`(${orgUnit.name} like ${like} or ${employerProfile.creditCode} like ${like})`);
  }
  return conds;
}

export async function listEmployers(
  db: TDbOrTx,
  where: SQL,
  q: Pick<TEmployerListQuery, 'sort' | 'order' | 'page' | 'pageSize'>,
) {
  const dir = q.order === 'desc' ? desc : asc;
  const order = {
    created: dir(employerProfile.createdAt),
    name: dir(orgUnit.name),
    region: dir(employerProfile.regionCode),
  }[q.sort];
  const rows = await selectEmployers(db)
    .where(where)
    .orderBy(order, asc(employerProfile.orgId))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(employerProfile)
    .innerJoin(orgUnit, eq(orgUnit.id, employerProfile.orgId))
    .where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findEmployer(db: TDbOrTx, orgId: string, where?: SQL) {
  const [row] = await selectEmployers(db).where(
    where ? and(eq(employerProfile.orgId, orgId), where) : eq(employerProfile.orgId, orgId),
  );
  return row;
}

export async function findProfileByCreditCode(db: TDbOrTx, creditCode: string) {
  const [row] = await db
    .select({ orgId: employerProfile.orgId })
    .from(employerProfile)
    .where(eq(employerProfile.creditCode, creditCode));
  return row;
}

export async function insertEmployer(
  tx: TDbOrTx,
  org: typeof orgUnit.$inferInsert,
  profile: Omit<typeof employerProfile.$inferInsert, 'orgId'>,
): Promise<string> {
  const [row] = await tx.insert(orgUnit).values(org).returning({ id: orgUnit.id });
  await tx.insert(employerProfile).values({ ...profile, orgId: row!.id });
  return row!.id;
}

export async function updateProfile(
  tx: TDbOrTx,
  orgId: string,
  set: Partial<typeof employerProfile.$inferInsert>,
): Promise<void> {
  await tx.update(employerProfile).set(set).where(eq(employerProfile.orgId, orgId));
}

/** Lock the profile row: two reviewers of one employer queue. */
export async function lockProfile(tx: TDbOrTx, orgId: string) {
  const [row] = await tx
    .select({ status: employerProfile.status, tags: employerProfile.tags })
    .from(employerProfile)
    .where(eq(employerProfile.orgId, orgId))
    .for('update');
  return row;
}

/**
 * Lock my own profile for an edit: the identity (name, credit code) and the fields the employer may change.
 * Two colleagues saving at once queue here, so the revision check cannot race.
 */
export async function lockEditableProfile(tx: TDbOrTx, orgId: string) {
  const [row] = await tx
    .select({
      name: orgUnit.name,
      status: employerProfile.status,
      creditCode: employerProfile.creditCode,
      regionCode: employerProfile.regionCode,
      industry: employerProfile.industry,
      natureCode: employerProfile.natureCode,
      size: employerProfile.size,
      contactName: employerProfile.contactName,
      contactPhone: employerProfile.contactPhone,
    })
    .from(employerProfile)
    .innerJoin(orgUnit, eq(orgUnit.id, employerProfile.orgId))
    .where(eq(employerProfile.orgId, orgId))
    .for('update', { of: employerProfile });
  return row;
}

/** The org row carries the region too (set at registration); a moved employer moves both. */
export async function updateOrgRegion(tx: TDbOrTx, orgId: string, regionCode: string): Promise<void> {
  await tx.update(orgUnit).set({ regionCode }).where(eq(orgUnit.id, orgId));
}

/** Whether a 单位性质 code is in the loaded code table. */
export async function isNatureCode(db: TDbOrTx, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: codeEntry.code })
    .from(codeEntry)
    .where(and(eq(codeEntry.tableKey, 'employer_nature'), eq(codeEntry.code, code)));
  return !!row;
}
