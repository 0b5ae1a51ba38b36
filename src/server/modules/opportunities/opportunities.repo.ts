import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TOpportunityListQuery } from '../../../domain/api/opportunities.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { employerProfile, opportunity, orgUnit, region } from '../../db/schema/index.ts';

const owner = alias(orgUnit, 'owner_org');
const employer = alias(orgUnit, 'employer_org');

const columns = {
  post: opportunity,
  ownerName: owner.name,
  employerName: employer.name,
  employerTags: employerProfile.tags,
  regionNames: sql<string[]>`coalesce((select array_agg(coalesce(r.name, rc.code) order by rc.ord)
    from unnest(${opportunity.regionCodes}) with ordinality as rc(code, ord)
    left join region r on r.code = rc.code), '{}'::text[])`,
};

/** opportunity ⋈ owner org ⟕ employer org and profile, with the region names in the post's order. */
const selectPosts = (db: TDbOrTx) =>
  db
    .select(columns)
    .from(opportunity)
    .innerJoin(owner, eq(owner.id, opportunity.ownerOrgId))
    .leftJoin(employer, eq(employer.id, opportunity.employerOrgId))
    .leftJoin(employerProfile, eq(employerProfile.orgId, opportunity.employerOrgId));
export type TPostRow = Awaited<ReturnType<typeof selectPosts>>[number];
export type TOpportunityRow = typeof opportunity.$inferSelect;

/**
 * One page of posts matching `where`, in the requested order (ties by id, so pages never overlap). With
 * `openFirst` (a condition: still taking applications), those posts come before the closed and expired ones.
 */
export async function listPosts(
  db: TDbOrTx,
  where: SQL,
  q: Pick<TOpportunityListQuery, 'sort' | 'order' | 'page' | 'pageSize'>,
  openFirst?: SQL,
) {
  const dir = q.order === 'desc' ? desc : asc;
  const order = {
    deadline: dir(opportunity.deadline),
    created: dir(opportunity.createdAt),
    salary: dir(sql`coalesce(${opportunity.salaryMax}, ${opportunity.salaryMin}, 0)`),
    title: dir(opportunity.title),
  }[q.sort];
  const rows = await selectPosts(db)
    .where(where)
    .orderBy(...(openFirst ? [desc(openFirst)] : []), order, asc(opportunity.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(opportunity).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findPost(db: TDbOrTx, id: string, where?: SQL): Promise<TPostRow | undefined> {
  const [row] = await selectPosts(db).where(
    where ? and(eq(opportunity.id, id), where) : eq(opportunity.id, id),
  );
  return row;
}

/** Lock the post row: edits, status changes and every application to it queue here (quota checks). */
export async function lockPost(tx: TDbOrTx, id: string): Promise<TOpportunityRow | undefined> {
  const [row] = await tx.select().from(opportunity).where(eq(opportunity.id, id)).for('update');
  return row;
}

export async function insertPost(tx: TDbOrTx, values: typeof opportunity.$inferInsert): Promise<string> {
  const [row] = await tx.insert(opportunity).values(values).returning({ id: opportunity.id });
  return row!.id;
}

export async function updatePost(
  tx: TDbOrTx,
  id: string,
  set: Partial<typeof opportunity.$inferInsert>,
  bumpVersion: boolean,
): Promise<void> {
  await tx
    .update(opportunity)
    .set({ ...set, ...(bumpVersion ? { version: sql`${opportunity.version} + 1` } : {}) })
    .where(eq(opportunity.id, id));
}

export async function deletePost(tx: TDbOrTx, id: string): Promise<void> {
  await tx.delete(opportunity).where(eq(opportunity.id, id));
}

/**
 * The regions the posts matching `where` name, each with its province (code and name from the region table;
 * the code itself where the table has no such row), in code order.
 */
export async function listRegionsOfPosts(db: TDbOrTx, where: SQL) {
  return queryRows<{ code: string; name: string; province_code: string; province_name: string }>(
    db,
    sql`select rc.code, coalesce(r.name, rc.code) as name, pr.code as province_code,
          coalesce(p.name, pr.code) as province_name
        from (select distinct unnest(${opportunity.regionCodes}) as code from ${opportunity} where ${where}) rc
        cross join lateral (select left(rc.code, 2) || '0000' as code) pr
        left join region r on r.code = rc.code
        left join region p on p.code = pr.code
        order by rc.code`,
  );
}

/** Which of the codes are not regions. */
export async function listUnknownRegions(db: TDbOrTx, codes: string[]): Promise<string[]> {
  const known = await db.select({ code: region.code }).from(region).where(inArray(region.code, codes));
  const set = new Set(known.map((r) => r.code));
  return codes.filter((c) => !set.has(c));
}

/** The status of an employer org's profile (null when it has none). */
export async function findEmployerStatus(db: TDbOrTx, orgId: string): Promise<string | null> {
  const [row] = await db
    .select({ status: employerProfile.status })
    .from(employerProfile)
    .where(eq(employerProfile.orgId, orgId));
  return row?.status ?? null;
}
