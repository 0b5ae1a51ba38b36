import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import {
  codeEntry,
  focusList,
  focusListCounty,
  orgUnit,
  region,
  regionAlias,
  supportPair,
} from '../../db/schema/index.ts';

export type TRegionRow = typeof region.$inferSelect;

/** Regions with, per row, whether it has children, how many active focus counties lie under it, and aliases. */
function regionSelect(db: TDbOrTx) {
  return db
    .select({
      code: region.code,
      name: region.name,
      level: region.level,
      parentCode: region.parentCode,
      // qualified by hand: inside the subquery a bare "code" would bind to the inner table
      hasChildren: sql<boolean>`exists (select 1 from region c where c.parent_code = "region"."code")`,
      focusCount:
        sql<number>`(select count(*)::int from focus_list_county f join focus_list l on l.id = f.list_id
        where l.active and (f.county_code = ${region.code}
          or (${region.level} = 1 and left(f.county_code, 2) = left(${region.code}, 2))
          or (${region.level} = 2 and left(f.county_code, 4) = left(${region.code}, 4))))`.mapWith(Number),
      historicalCodes: sql<
        string[]
      >`coalesce((select array_agg(a.old_code order by a.old_code) from region_alias a
        where a.current_code = ${region.code}), '{}')`,
    })
    .from(region);
}

export async function listRegionsByParent(db: TDbOrTx, parentCode: string | null) {
  return regionSelect(db)
    .where(parentCode ? eq(region.parentCode, parentCode) : eq(region.level, 1))
    .orderBy(asc(region.code));
}

/** Name contains q, code starts with q, or q is a historical code of the region. */
export async function searchRegions(db: TDbOrTx, q: string, limit = 50) {
  return regionSelect(db)
    .where(
      or(
        ilike(region.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
        /^\d+$/.test(q) ? sql`${region.code} like ${`${q}%`}` : sql`false`,
        inArray(
          region.code,
          db.select({ c: regionAlias.currentCode }).from(regionAlias).where(eq(regionAlias.oldCode, q)),
        ),
      ),
    )
    .orderBy(asc(region.level), asc(region.code))
    .limit(limit);
}

export async function findRegion(db: TDbOrTx, code: string): Promise<TRegionRow | undefined> {
  const [row] = await db.select().from(region).where(eq(region.code, code)).limit(1);
  return row;
}

export async function findAliasTargets(db: TDbOrTx, oldCode: string): Promise<string[]> {
  const rows = await db
    .select({ c: regionAlias.currentCode })
    .from(regionAlias)
    .where(eq(regionAlias.oldCode, oldCode));
  return rows.map((r) => r.c);
}

export async function listFocusCounties(db: TDbOrTx) {
  return db
    .select({
      listId: focusListCounty.listId,
      code: focusListCounty.countyCode,
      supportKind: focusListCounty.supportKind,
      supportPartner: focusListCounty.supportPartner,
      name: region.name,
      prefectureName: sql<string>`(select p.name from region p where p.code = ${region.parentCode})`,
      provinceName: sql<string>`(select p.name from region p where p.code = ${region.provinceCode})`,
      historicalCodes: sql<
        string[]
      >`coalesce((select array_agg(a.old_code order by a.old_code) from region_alias a
        where a.current_code = ${region.code}), '{}')`,
    })
    .from(focusListCounty)
    .innerJoin(region, eq(region.code, focusListCounty.countyCode))
    .orderBy(asc(focusListCounty.countyCode));
}

export async function listFocusLists(db: TDbOrTx) {
  return db.select().from(focusList).orderBy(asc(focusList.year));
}

/** Is the county in any active focus list? */
export async function isFocusCounty(db: TDbOrTx, code: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(focusListCounty)
    .innerJoin(focusList, eq(focusList.id, focusListCounty.listId))
    .where(and(eq(focusListCounty.countyCode, code), eq(focusList.active, true)));
  return (row?.n ?? 0) > 0;
}

export async function listCodeEntriesOf(db: TDbOrTx, tableKeys: string[]) {
  return db
    .select()
    .from(codeEntry)
    .where(inArray(codeEntry.tableKey, tableKeys))
    .orderBy(asc(codeEntry.tableKey), asc(codeEntry.sortOrder));
}

export async function listSupportPairs(db: TDbOrTx) {
  return db.select().from(supportPair).orderBy(asc(supportPair.kind), asc(supportPair.supporterName));
}

export async function listOrgUnits(db: TDbOrTx) {
  return db
    .select()
    .from(orgUnit)
    .where(eq(orgUnit.active, true))
    .orderBy(asc(orgUnit.kind), asc(orgUnit.code));
}

export async function findOrgByCode(db: TDbOrTx, code: string) {
  const [row] = await db.select().from(orgUnit).where(eq(orgUnit.code, code)).limit(1);
  return row;
}

export async function insertOrgUnits(db: TDbOrTx, values: (typeof orgUnit.$inferInsert)[]) {
  return db.insert(orgUnit).values(values).returning();
}
