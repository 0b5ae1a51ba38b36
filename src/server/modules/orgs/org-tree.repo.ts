import { and, asc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { codeEntry, orgUnit } from '../../db/schema/index.ts';
import { UNIVERSITY_LIST } from './reference.loader.ts';

export type TOrgUnitRow = typeof orgUnit.$inferSelect;

export async function findOrgById(db: TDbOrTx, id: string): Promise<TOrgUnitRow | undefined> {
  const [row] = await db.select().from(orgUnit).where(eq(orgUnit.id, id)).limit(1);
  return row;
}

/** Another org (active or not) already holding this 院校代码; rosters find their university by it. */
export async function findOrgByMoeCode(db: TDbOrTx, moeCode: string, exceptId?: string) {
  const [row] = await db
    .select({ id: orgUnit.id, code: orgUnit.code, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.moeCode, moeCode), exceptId ? ne(orgUnit.id, exceptId) : undefined))
    .limit(1);
  return row;
}

export async function insertOrg(tx: TDbOrTx, values: typeof orgUnit.$inferInsert): Promise<TOrgUnitRow> {
  const [row] = await tx.insert(orgUnit).values(values).returning();
  return row!;
}

export async function updateOrg(
  tx: TDbOrTx,
  id: string,
  set: Partial<typeof orgUnit.$inferInsert>,
): Promise<TOrgUnitRow> {
  const [row] = await tx.update(orgUnit).set(set).where(eq(orgUnit.id, id)).returning();
  return row!;
}

/** Is `candidate` the org itself or one of its descendants? (A move under it would make a cycle.) */
export async function isInSubtree(db: TDbOrTx, rootId: string, candidate: string): Promise<boolean> {
  const [row] = await db
    .select({
      found: sql<boolean>`exists (
        with recursive sub(id) as (
          select ${rootId}::uuid
          union select o.id from org_unit o join sub on o.parent_id = sub.id
        )
        select 1 from sub where sub.id = ${candidate}::uuid)`,
    })
    .from(orgUnit)
    .where(eq(orgUnit.id, rootId));
  return Boolean(row?.found);
}

/**
 * What keeps an org from being deactivated: its active accounts, its active child orgs, and the cases not yet
 * closed that belong to it — as university, as holder (a county bureau after handover) or through a graduate
 * of the college.
 */
export async function deactivationBlockers(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({
      activeUsers: sql<number>`(select count(*)::int from app_user u
        where u.org_id = ${id}::uuid and u.active)`.mapWith(Number),
      activeChildren: sql<number>`(select count(*)::int from org_unit o
        where o.parent_id = ${id}::uuid and o.active)`.mapWith(Number),
      openCases: sql<number>`(select count(*)::int from ledger_case c where c.status <> 'closed' and (
        c.university_id = ${id}::uuid or c.holder_org_id = ${id}::uuid
        or exists (select 1 from graduate g where g.id = c.graduate_id and g.college_id = ${id}::uuid)))`.mapWith(
        Number,
      ),
    })
    .from(orgUnit)
    .where(eq(orgUnit.id, id));
  return row ?? { activeUsers: 0, activeChildren: 0, openCases: 0 };
}

/** Rows of the official list whose name contains q, or whose 院校代码 / 学校标识码 starts with it. */
export async function searchUniversityList(db: TDbOrTx, q: string | undefined, limit: number) {
  const like = `%${(q ?? '').replace(/[%_\\]/g, '\\$&')}%`;
  const digits = q !== undefined && /^\d+$/.test(q);
  return (
    db
      .select({
        moeCode: codeEntry.code,
        name: codeEntry.name,
        attributes: codeEntry.attributes,
        // the city by name within the province (municipalities are their own city), else the province
        regionCode: sql<string>`coalesce(
        (select r.code from region r where r.province_code = ${codeEntry.attributes}->>'province_code'
          and r.name = ${codeEntry.attributes}->>'city' order by r.level limit 1),
        ${codeEntry.attributes}->>'province_code')`,
        // qualified by hand: a bare "code" inside the subquery would bind to org_unit's own column
        orgCode: sql<string | null>`(select o.code from org_unit o
        where o.moe_code = "code_entry"."code" order by o.active desc limit 1)`,
      })
      .from(codeEntry)
      .where(
        and(
          eq(codeEntry.tableKey, UNIVERSITY_LIST.key),
          or(
            ilike(codeEntry.name, like),
            digits ? sql`${codeEntry.code} like ${`${q}%`}` : undefined,
            digits ? sql`${codeEntry.attributes}->>'moe_id' like ${`${q}%`}` : undefined,
          ),
        ),
      )
      // the exact name first, then names starting with q, then the list's own order (province by province)
      .orderBy(
        sql`case when ${codeEntry.name} = ${q ?? ''} then 0 when ${codeEntry.name} like ${`${q ?? ''}%`} then 1 else 2 end`,
        asc(codeEntry.sortOrder),
      )
      .limit(limit)
  );
}
