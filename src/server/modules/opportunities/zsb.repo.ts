import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { region, zsbPlan } from '../../db/schema/index.ts';

export async function upsertPlan(tx: TDbOrTx, values: typeof zsbPlan.$inferInsert) {
  const [before] = await tx
    .select({ ratioBp: zsbPlan.ratioBp })
    .from(zsbPlan)
    .where(and(eq(zsbPlan.provinceCode, values.provinceCode), eq(zsbPlan.cohort, values.cohort)))
    .for('update');
  await tx
    .insert(zsbPlan)
    .values(values)
    .onConflictDoUpdate({
      target: [zsbPlan.provinceCode, zsbPlan.cohort],
      set: { ratioBp: values.ratioBp, setBy: values.setBy, setAt: values.setAt },
    });
  return before ?? null;
}

/** Plans of the provinces (all when null), optionally of one cohort, with province and setter names. */
export async function listPlans(db: TDbOrTx, provinces: string[] | null, cohort?: number) {
  const conds: SQL[] = [];
  if (provinces) conds.push(provinces.length ? inArray(zsbPlan.provinceCode, provinces) : sql`false`);
  if (cohort) conds.push(eq(zsbPlan.cohort, cohort));
  return db
    .select({
      provinceCode: zsbPlan.provinceCode,
      // qualified by hand: in a one-table select Drizzle leaves columns bare, and region has a province_code too
      provinceName: sql<string>`coalesce((select name from region r where r.code = zsb_plan.province_code), zsb_plan.province_code)`,
      cohort: zsbPlan.cohort,
      ratioBp: zsbPlan.ratioBp,
      setByName: sql<string | null>`(select display_name from app_user u where u.id = zsb_plan.set_by)`,
      setAt: zsbPlan.setAt,
    })
    .from(zsbPlan)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(zsbPlan.cohort, zsbPlan.provinceCode);
}

/** The base per province: 高职(专科) target graduates of the province's universities in the cohort. */
export async function countBaseByProvince(db: TDbOrTx, cohort: number): Promise<Map<string, number>> {
  const rows = await queryRows<{ p: string; n: number | string }>(
    db,
    sql`select university_province_code as p, count(*)::int as n from graduate
      where cohort = ${cohort} and is_target and level = '专科' group by 1`,
  );
  return new Map(rows.map((r) => [r.p, Number(r.n)]));
}

/** Applicants (not withdrawn) and admissions (offer, hired) to each province's 专升本 posts of the cohort. */
export async function countApplicationsByProvince(db: TDbOrTx, cohort: number) {
  const rows = await queryRows<{ p: string; applicants: number | string; admitted: number | string }>(
    db,
    sql`select o.province_code as p,
        count(*) filter (where a.status <> 'withdrawn')::int as applicants,
        count(*) filter (where a.status in ('offer', 'hired'))::int as admitted
      from application a join opportunity o on o.id = a.opportunity_id
      where o.kind = 'zhuanshengben' and o.cohort = ${cohort}
      group by 1`,
  );
  return new Map(rows.map((r) => [r.p, { applicants: Number(r.applicants), admitted: Number(r.admitted) }]));
}

export async function findProvinceNames(db: TDbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: region.code, name: region.name })
    .from(region)
    .where(and(inArray(region.code, codes), eq(region.level, 1)));
  return new Map(rows.map((r) => [r.code, r.name]));
}
