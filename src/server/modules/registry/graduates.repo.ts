import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TGraduateListQuery } from '../../../domain/api/registry.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { graduate, ledgerCase, orgUnit, region } from '../../db/schema/index.ts';
import { fieldContextColumns } from './field-context.ts';

const university = alias(orgUnit, 'university');
const domicile = alias(region, 'domicile');

const SORT_COLUMNS = {
  name: graduate.name,
  cohort: graduate.cohort,
  university: university.name,
  domicile: graduate.domicileCountyCode,
  level: graduate.level,
  major: graduate.majorName,
};

/** One page of graduates matching `where` (scope AND filters), joined to university and domicile names. */
export async function listGraduates(
  db: TDbOrTx,
  where: SQL | undefined,
  sort: Pick<TGraduateListQuery, 'sort' | 'order'>,
  page: { limit: number; offset: number },
) {
  const by = SORT_COLUMNS[sort.sort];
  const [rows, [total]] = await Promise.all([
    selectGraduates(db)
      .where(where)
      .orderBy(sort.order === 'desc' ? desc(by) : asc(by), asc(graduate.name), asc(graduate.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(graduate).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The list's columns (and the field rule's context); also streamed page by page for the export. */
export function selectGraduates(db: TDbOrTx) {
  return db
    .select({
      id: graduate.id,
      name: graduate.name,
      gender: graduate.gender,
      cohort: graduate.cohort,
      universityId: graduate.universityId,
      universityName: university.name,
      collegeName: graduate.collegeName,
      className: graduate.className,
      majorName: graduate.majorName,
      level: graduate.level,
      studentNo: graduate.studentNo,
      domicileCountyCode: graduate.domicileCountyCode,
      domicileName: domicile.name,
      idMasked: graduate.idMasked,
      idEncrypted: graduate.idEncrypted,
      difficultyCode: graduate.difficultyCode,
      isRegisteredPoor: graduate.isRegisteredPoor,
      isFocusCounty: graduate.isFocusCounty,
      isTarget: graduate.isTarget,
      targetReasons: graduate.targetReasons,
      caseStatus: ledgerCase.status,
      // what the field rule needs (domain/field-rule.ts)
      ...fieldContextColumns(),
    })
    .from(graduate)
    .innerJoin(university, eq(university.id, graduate.universityId))
    .leftJoin(domicile, eq(domicile.code, graduate.domicileCountyCode))
    .leftJoin(ledgerCase, eq(ledgerCase.graduateId, graduate.id));
}

type TCountRow = {
  code: string | null;
  name: string | null;
  total: number | string;
  target: number | string;
};
const toCounts = (rows: TCountRow[]) =>
  rows.map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '—',
    total: Number(r.total),
    target: Number(r.target),
  }));

/** Totals and counts by domicile province, domicile county (top 50) and university, in one pass each. */
export async function countGraduates(db: TDbOrTx, where: SQL) {
  const [totals] = await queryRows<Record<string, number | string>>(
    db,
    sql`select count(*) as total, count(*) filter (where is_target) as target,
          count(*) filter (where is_registered_poor) as registered_poor,
          count(*) filter (where is_focus_county) as focus_county
        from graduate where ${where}`,
  );
  const byProvince = await queryRows<TCountRow>(
    db,
    sql`select g.province_code as code, r.name, count(*) as total, count(*) filter (where g.is_target) as target
        from graduate g left join region r on r.code = g.province_code
        where g.id in (select id from graduate where ${where})
        group by g.province_code, r.name order by count(*) desc`,
  );
  const byCounty = await queryRows<TCountRow>(
    db,
    sql`select g.domicile_county_code as code, r.name, count(*) as total, count(*) filter (where g.is_target) as target
        from graduate g left join region r on r.code = g.domicile_county_code
        where g.id in (select id from graduate where ${where})
        group by g.domicile_county_code, r.name order by count(*) filter (where g.is_target) desc, count(*) desc limit 50`,
  );
  const byUniversity = await queryRows<TCountRow>(
    db,
    sql`select o.code, o.name, count(*) as total, count(*) filter (where g.is_target) as target
        from graduate g join org_unit o on o.id = g.university_id
        where g.id in (select id from graduate where ${where})
        group by o.code, o.name order by count(*) desc limit 100`,
  );
  return {
    total: Number(totals?.total ?? 0),
    target: Number(totals?.target ?? 0),
    registeredPoor: Number(totals?.registered_poor ?? 0),
    focusCounty: Number(totals?.focus_county ?? 0),
    byProvince: toCounts(byProvince),
    byCounty: toCounts(byCounty),
    byUniversity: toCounts(byUniversity),
  };
}

/** One graduate inside the scope, with the list's columns and the field rule's context. */
export async function findGraduateInScope(db: TDbOrTx, scopeWhere: SQL, id: string) {
  const [row] = await selectGraduates(db)
    .where(and(scopeWhere, eq(graduate.id, id)))
    .limit(1);
  return row;
}
