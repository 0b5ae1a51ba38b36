import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { TCaseListQuery } from '../../../domain/api/ledger.ts';
import type { TLedgerRules } from '../../../domain/ledger/rules.ts';
import type { TScope } from '../../../domain/scope.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { graduate, ledgerCase } from '../../db/schema/index.ts';
import { BY_TEXT, reuseStatement } from '../../db/statement-cache.ts';
import { graduateScopeWhere } from '../../plugins/scope-sql.ts';
import { fieldContextColumns } from '../registry/field-context.ts';
import {
  activeSql,
  overdueSql,
  pairedSql,
  placedSql,
  siqingSql,
  type TNow,
  urgencySql,
} from './clock-sql.ts';

/** The columns the ledger clock reads, for rendering with the domain functions. */
const clockColumns = {
  cohort: ledgerCase.cohort,
  stage: ledgerCase.stage,
  status: ledgerCase.status,
  openedAt: ledgerCase.openedAt,
  intention: ledgerCase.intention,
  needsConfirmedAt: ledgerCase.needsConfirmedAt,
  profileVerifiedAt: ledgerCase.profileVerifiedAt,
  hasPhone: sql<boolean>`(${graduate.phoneEncrypted} is not null)`,
  lastMeasureAt: ledgerCase.lastMeasureAt,
  lastContactAt: ledgerCase.lastContactAt,
  nextFollowUpDue: ledgerCase.nextFollowUpDue,
  progressUpdatedAt: ledgerCase.progressUpdatedAt,
  destinationCode: ledgerCase.destinationCode,
  pairedAt: ledgerCase.pairedAt,
};

/**
 * A case still at school whose class no active counselor keeps (counselor_class): it is in nobody's caseload.
 * A handed-over case is kept by its county bureau, so it never counts.
 */
export const noCounselorSql = sql`(${ledgerCase.stage} = 'school' and not exists (select 1 from counselor_class cc
  join app_user cu on cu.id = cc.user_id and cu.active
  where cc.college_id = ${graduate.collegeId} and cc.class_name = ${graduate.className}))`;

/** A counselor's own caseload has a counselor by definition: its statements skip the check (decision 0015). */
export function onlyCounselorScope(scope: TScope): boolean {
  return scope.clauses.length > 0 && scope.clauses.every((c) => c.kind === 'counselor');
}

/** Of these (college, class) pairs, those an active counselor keeps; one statement for a page of cases. */
export async function findKeptClasses(
  db: TDbOrTx,
  rows: { collegeId: string | null; className: string | null }[],
) {
  const pairs = rows.filter((r) => r.collegeId && r.className);
  if (pairs.length === 0) return new Set<string>();
  const kept = await queryRows<{ collegeId: string; className: string }>(
    db,
    sql`select distinct cc.college_id as "collegeId", cc.class_name as "className" from counselor_class cc
      join app_user cu on cu.id = cc.user_id and cu.active
      where (cc.college_id, cc.class_name) in (${sql.join(
        pairs.map((p) => sql`(${p.collegeId}::uuid, ${p.className})`),
        sql`, `,
      )})`,
  );
  return new Set(kept.map((k) => `${k.collegeId}\u0000${k.className}`));
}

/** The list's filters (besides scope) as one condition. */
export function caseFilterWhere(q: Partial<TCaseListQuery>, rules: TLedgerRules, now: TNow): SQL | undefined {
  const conds: SQL[] = [];
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(${graduate.name} like ${like} or ${graduate.studentNo} like ${like})`);
  }
  if (q.cohort) conds.push(eq(ledgerCase.cohort, q.cohort));
  if (q.status) conds.push(eq(ledgerCase.status, q.status));
  if (q.stage) conds.push(eq(ledgerCase.stage, q.stage));
  if (q.collegeId) conds.push(eq(graduate.collegeId, q.collegeId));
  if (q.intention) conds.push(eq(ledgerCase.intention, q.intention));
  if (q.overdue) conds.push(overdueSql(rules, now));
  if (q.unpaired) conds.push(sql`(${activeSql} and not ${pairedSql})`);
  if (q.noCounselor) conds.push(noCounselorSql);
  if (q.notClear) conds.push(sql`not ${siqingSql(rules, now)[q.notClear]}`);
  return conds.length > 0 ? and(...conds) : undefined;
}

const listColumns = {
  id: ledgerCase.id,
  graduateId: ledgerCase.graduateId,
  name: graduate.name,
  gender: graduate.gender,
  collegeName: graduate.collegeName,
  className: graduate.className,
  collegeId: graduate.collegeId,
  majorName: graduate.majorName,
  level: graduate.level,
  // named by the service from the process's name directory (orgs/display-names.ts), not per row here
  universityId: ledgerCase.universityId,
  domicileCountyCode: graduate.domicileCountyCode,
  holderOrgId: ledgerCase.holderOrgId,
  helperUserId: ledgerCase.helperUserId,
  ...clockColumns,
  total: sql<number>`count(*) over ()`,
};
/** The names the case page shows, read with its one row. */
const nameColumns = {
  universityName: sql<string>`(select name from org_unit o where o.id = ${ledgerCase.universityId})`,
  domicileName: sql<string | null>`(select name from region r where r.code = ${graduate.domicileCountyCode})`,
  holderOrgName: sql<string>`(select name from org_unit o where o.id = ${ledgerCase.holderOrgId})`,
  helperName: sql<
    string | null
  >`(select display_name from app_user u where u.id = ${ledgerCase.helperUserId})`,
};
/**
 * ledger_case ⋈ graduate; the current pairing is ledger_case's own copy (no lookup per case: the admin's list
 * sorts thousands). Joins to the name tables cost ≈12–18 ms of planning per counselor list at 500k cases
 * (eight relations with the scope's semi-join), correlated subqueries a third of the statement's time.
 */
const selectList = (db: TDbOrTx) =>
  db.select(listColumns).from(ledgerCase).innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId));
export type TCaseListRow = Awaited<ReturnType<typeof selectList>>[number];

const NOW = sql.placeholder('now');

/** Scope and the user's filters, as one condition (the filters' `now` may be a placeholder). */
export function scopedFilterWhere(
  scope: TScope,
  q: Partial<TCaseListQuery>,
  rules: TLedgerRules,
  now: TNow,
): SQL {
  const scopeWhere = graduateScopeWhere(scope);
  return and(scopeWhere, caseFilterWhere(q, rules, now)) ?? scopeWhere;
}

/**
 * One page of the cases in `scope` matching the filters, in the requested order (urgency: earliest due date
 * first). The statement is built once per scope, filters, order and rules (statement-cache.ts); the instant,
 * the page size and the offset are bound on each call.
 */
export async function listCases(
  db: TDbOrTx,
  scope: TScope,
  q: TCaseListQuery,
  rules: TLedgerRules,
  now: Date,
) {
  const { page, pageSize, ...shape } = q;
  const statement = reuseStatement(db, ['cases.list', scope, shape, rules], () => {
    const dir = shape.order === 'desc' ? desc : asc;
    const order: SQL[] = {
      urgency: [
        dir(urgencySql(rules)),
        asc(sql`coalesce(${ledgerCase.lastContactAt}, ${ledgerCase.openedAt})`),
      ],
      name: [dir(graduate.name)],
      lastContact: [dir(sql`coalesce(${ledgerCase.lastContactAt}, ${ledgerCase.openedAt})`)],
      opened: [dir(ledgerCase.openedAt)],
      college: [dir(graduate.collegeName), asc(graduate.className)],
    }[shape.sort];
    return selectList(db)
      .where(scopedFilterWhere(scope, shape, rules, NOW))
      .orderBy(...order, asc(graduate.name), asc(ledgerCase.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(BY_TEXT);
  });
  const rows = await statement.execute({
    now: now.toISOString(),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  // the total rides along as a window count (one statement instead of two); a page past the end asks again
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : page > 1
        ? await countCases(db, scopedFilterWhere(scope, shape, rules, now))
        : 0;
  return { rows, total };
}

export async function countCases(db: TDbOrTx, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .where(where);
  return Number(row?.n ?? 0);
}

/**
 * Summary counts over the whole caseload in `scope` matching the filters, in one pass. Built once per scope,
 * filters and rules (statement-cache.ts), the instant bound on each call: the worklist asks with every page.
 */
export async function summarizeCases(
  db: TDbOrTx,
  scope: TScope,
  q: Partial<TCaseListQuery>,
  rules: TLedgerRules,
  now: Date,
) {
  const { page: _page, pageSize: _pageSize, sort: _sort, order: _order, ...shape } = q;
  const statement = reuseStatement(db, ['cases.summary', scope, shape, rules], () => {
    const s = siqingSql(rules, NOW);
    return db
      .select({
        total: sql<number>`count(*)::int`,
        overdue: sql<number>`(count(*) filter (where ${overdueSql(rules, NOW)}))::int`,
        unpaired: sql<number>`(count(*) filter (where ${activeSql} and not ${pairedSql}))::int`,
        noCounselor: onlyCounselorScope(scope)
          ? sql<null>`null::int`
          : sql<number>`(count(*) filter (where ${noCounselorSql}))::int`,
        needsNotConfirmed: sql<number>`(count(*) filter (where not ${s.needs}))::int`,
        placed: sql<number>`(count(*) filter (where ${placedSql}))::int`,
      })
      .from(ledgerCase)
      .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
      .where(scopedFilterWhere(scope, shape, rules, NOW))
      .prepare(BY_TEXT);
  });
  const [row] = await statement.execute({ now: now.toISOString() });
  return {
    total: Number(row?.total ?? 0),
    overdue: Number(row?.overdue ?? 0),
    unpaired: Number(row?.unpaired ?? 0),
    ...(row?.noCounselor == null ? {} : { noCounselor: Number(row.noCounselor) }),
    needsNotConfirmed: Number(row?.needsNotConfirmed ?? 0),
    placed: Number(row?.placed ?? 0),
  };
}

const detailColumns = {
  ...listColumns,
  ...nameColumns,
  version: ledgerCase.version,
  handedOverAt: ledgerCase.handedOverAt,
  responsibleUserId: ledgerCase.responsibleUserId,
  responsibleName: sql<
    string | null
  >`(select display_name from app_user u where u.id = ${ledgerCase.responsibleUserId})`,
  needs: ledgerCase.needs,
  planText: ledgerCase.planText,
  plannedMeasures: ledgerCase.plannedMeasures,
  destination: ledgerCase.destination,
  updatedAt: ledgerCase.updatedAt,
  updatedBy: ledgerCase.updatedBy,
  updatedByName: sql<
    string | null
  >`(select display_name from app_user u where u.id = ${ledgerCase.updatedBy})`,
  ethnicity: graduate.ethnicity,
  birthDate: graduate.birthDate,
  idMasked: graduate.idMasked,
  idEncrypted: graduate.idEncrypted,
  phoneEncrypted: graduate.phoneEncrypted,
  majorCode: graduate.majorCode,
  difficultyCode: graduate.difficultyCode,
  isRegisteredPoor: graduate.isRegisteredPoor,
  isFocusCounty: graduate.isFocusCounty,
  isTarget: graduate.isTarget,
  targetReasons: graduate.targetReasons,
  collegeId: graduate.collegeId,
  // what the field rule needs (domain/field-rule.ts)
  ...fieldContextColumns(),
  // the class's counselors and the evidence files ride along: one statement for the case page, not three
  counselorNames: sql<string[]>`array(select u.display_name from counselor_class cc
    join app_user u on u.id = cc.user_id
    where cc.college_id = ${graduate.collegeId} and cc.class_name = ${graduate.className}
    order by u.display_name)`,
  filesJson: sql<TFileJson[]>`coalesce((select json_agg(json_build_object('id', f.id, 'name', f.name,
    'size', f.size, 'createdAt', f.created_at) order by f.created_at desc, f.id) from case_file f
    where f.case_id = ${ledgerCase.id}), '[]'::json)`,
};
/** A case file as the detail statement returns it (JSON: the time is a string). */
type TFileJson = { id: string; name: string; size: number; createdAt: string };
const selectDetail = (db: TDbOrTx) =>
  db.select(detailColumns).from(ledgerCase).innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId));
export type TCaseDetailRow = Awaited<ReturnType<typeof selectDetail>>[number];

/**
 * The case page's row; with `scope` an out-of-scope case comes back empty. Built once per scope
 * (statement-cache.ts), the case id bound on each call.
 */
export async function findCaseDetail(
  db: TDbOrTx,
  caseId: string,
  scope?: TScope,
): Promise<TCaseDetailRow | undefined> {
  const statement = reuseStatement(db, ['cases.detail', scope ?? null], () => {
    const id = eq(ledgerCase.id, sql.placeholder('caseId'));
    return selectDetail(db)
      .where(scope ? and(id, graduateScopeWhere(scope)) : id)
      .prepare(BY_TEXT);
  });
  const [row] = await statement.execute({ caseId });
  return row;
}

export async function updateCase(
  tx: TDbOrTx,
  caseId: string,
  set: Partial<typeof ledgerCase.$inferInsert>,
  bumpVersion: boolean,
) {
  await tx
    .update(ledgerCase)
    .set({ ...set, ...(bumpVersion ? { version: sql`${ledgerCase.version} + 1` } : {}) })
    .where(eq(ledgerCase.id, caseId));
}

/** 四清 counts per unit over the scoped cases. */
export async function siqingByUnit(
  db: TDbOrTx,
  where: SQL,
  groupBy: 'university' | 'college' | 'province' | 'county',
  rules: TLedgerRules,
  now: Date,
) {
  const s = siqingSql(rules, now);
  const unit = {
    university: {
      code: sql`ledger_case.university_id::text`,
      name: sql`(select name from org_unit o where o.id = ledger_case.university_id)`,
    },
    college: {
      code: sql`coalesce(graduate.college_id::text, graduate.college_name, '')`,
      name: sql`coalesce(graduate.college_name, '—')`,
    },
    province: {
      code: sql`coalesce(graduate.province_code, '')`,
      name: sql`(select name from region r where r.code = graduate.province_code)`,
    },
    county: {
      code: sql`coalesce(graduate.domicile_county_code, '')`,
      name: sql`(select name from region r where r.code = graduate.domicile_county_code)`,
    },
  }[groupBy];
  return queryRows<{
    code: string;
    name: string | null;
    total: number;
    profile: number;
    needs: number;
    measures: number;
    progress: number;
    allFour: number;
  }>(
    db,
    sql`select code, min(name) as name, count(*)::int as total,
        sum(profile::int)::int as profile, sum(needs::int)::int as needs, sum(measures::int)::int as measures,
        sum(progress::int)::int as progress, sum((profile and needs and measures and progress)::int)::int as "allFour"
      from (select ${unit.code} as code, ${unit.name} as name, ${s.profile} as profile, ${s.needs} as needs,
              ${s.measures} as measures, ${s.progress} as progress
            from ledger_case join graduate on graduate.id = ledger_case.graduate_id where ${where}) t
      group by code order by total desc, code`,
  ).then((rows) => rows.map((r) => ({ ...r, name: r.name ?? '—' })));
}
