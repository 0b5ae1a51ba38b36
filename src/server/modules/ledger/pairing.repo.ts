import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { appUser, graduate, helperPairing, ledgerCase, orgUnit } from '../../db/schema/index.ts';
import type { TCaseRef } from './case-access.ts';
import { activeSql, pairedSql } from './clock-sql.ts';

/*
 * SQL of 一帮一 pairing. Callers pass the scope (`where`, a condition on ledger_case ⋈ graduate); this file
 * only knows the tables.
 */

const college = alias(orgUnit, 'college');
const assigner = alias(appUser, 'assigner');
const ender = alias(appUser, 'ender');

/** A case that still needs a helper: seeking work (not placed, paused or closed) and nobody paired now. */
export const unpairedSql = sql`(${activeSql} and not ${pairedSql})`;

/** The university's school-stage cases (the ones pairing is about), optionally of one cohort. */
export function pairingCasesWhere(scope: SQL, universityId: string, cohort?: number): SQL {
  return universityCasesWhere(scope, universityId, 'school', cohort);
}

/** The university's cases of one stage (at school, or handed over to a county bureau), optionally of one cohort. */
export function universityCasesWhere(
  scope: SQL,
  universityId: string,
  stage: 'school' | 'handed_over',
  cohort?: number,
): SQL {
  const conds = [scope, eq(ledgerCase.universityId, universityId), eq(ledgerCase.stage, stage)];
  if (cohort) conds.push(eq(ledgerCase.cohort, cohort));
  return and(...conds)!;
}

export type THelperRow = {
  userId: string;
  name: string;
  collegeId: string | null;
  collegeName: string | null;
  isLeader: boolean;
  load: number;
  everPaired: boolean;
};

/**
 * Active users holding the helper role in the university's own org (leaders, 校领导) or in one of its colleges
 * (处级 cadres), with their current load. `onlyIds` narrows to those users (the ones not returned are not
 * eligible). The load counts the university's school-stage cases paired with them now (of `cohort` when
 * given): the cases the pairing page counts as 已结对, so the loads add up to it; a handed-over case is the
 * county bureau's and weighs on nobody here.
 */
export async function listHelpers(
  db: TDbOrTx,
  universityId: string,
  onlyIds?: readonly string[],
  cohort?: number,
): Promise<THelperRow[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  const only = onlyIds
    ? sql`and u.id in (${sql.join(
        onlyIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const rows = await queryRows<THelperRow>(
    db,
    sql`select u.id as "userId", u.display_name as name,
        case when o.id = ${universityId}::uuid then null else o.id end as "collegeId",
        case when o.id = ${universityId}::uuid then null else o.name end as "collegeName",
        (o.id = ${universityId}::uuid) as "isLeader",
        coalesce(l.n, 0) as load,
        exists (select 1 from helper_pairing hp where hp.helper_user_id = u.id) as "everPaired"
      from app_user u join org_unit o on o.id = u.org_id
      left join (select lc.helper_user_id, count(*)::int as n from ledger_case lc
          where lc.university_id = ${universityId}::uuid and lc.stage = 'school' and lc.helper_user_id is not null
            ${cohort ? sql`and lc.cohort = ${cohort}` : sql``}
          group by lc.helper_user_id) l on l.helper_user_id = u.id
      where u.active and 'helper' = any(u.roles)
        and (o.id = ${universityId}::uuid or (o.parent_id = ${universityId}::uuid and o.kind = 'college'))
        ${only}
      order by (o.id = ${universityId}::uuid) desc, o.name, u.display_name, u.id`,
  );
  return rows.map((r) => ({ ...r, load: Number(r.load) }));
}

/** Totals over the cases matching `where`; `overdueBefore`: opened before this and still unpaired. */
export async function countCoverage(db: TDbOrTx, where: SQL, overdueBefore: Date) {
  const [row] = await db
    .select({
      cases: sql<number>`count(*)::int`,
      paired: sql<number>`(count(*) filter (where ${pairedSql}))::int`,
      unpaired: sql<number>`(count(*) filter (where ${unpairedSql}))::int`,
      notNeeded: sql<number>`(count(*) filter (where not ${pairedSql} and not ${activeSql}))::int`,
      unpairedOverdue: sql<number>`(count(*) filter (where ${unpairedSql}
        and ${ledgerCase.openedAt} < ${overdueBefore.toISOString()}::timestamptz))::int`,
    })
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .where(where);
  return {
    cases: Number(row?.cases ?? 0),
    paired: Number(row?.paired ?? 0),
    unpaired: Number(row?.unpaired ?? 0),
    notNeeded: Number(row?.notNeeded ?? 0),
    unpairedOverdue: Number(row?.unpairedOverdue ?? 0),
  };
}

/** How many cases match `where` (the university's handed-over cases, beside the pairing counts). */
export async function countCases(db: TDbOrTx, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .where(where);
  return Number(row?.n ?? 0);
}

/** The same counts per college, most unpaired first. */
export async function countCoverageByCollege(db: TDbOrTx, where: SQL) {
  const rows = await db
    .select({
      collegeId: graduate.collegeId,
      collegeName: sql<string | null>`coalesce(min(${college.name}), min(${graduate.collegeName}))`,
      cases: sql<number>`count(*)::int`,
      paired: sql<number>`(count(*) filter (where ${pairedSql}))::int`,
      unpaired: sql<number>`(count(*) filter (where ${unpairedSql}))::int`,
    })
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .leftJoin(college, eq(college.id, graduate.collegeId))
    .where(where)
    .groupBy(graduate.collegeId)
    .orderBy(desc(sql`(count(*) filter (where ${unpairedSql}))`), sql`2`);
  return rows.map((r) => ({
    ...r,
    cases: Number(r.cases),
    paired: Number(r.paired),
    unpaired: Number(r.unpaired),
  }));
}

const candidateColumns = {
  caseId: ledgerCase.id,
  graduateId: ledgerCase.graduateId,
  name: graduate.name,
  studentNo: graduate.studentNo,
  collegeId: graduate.collegeId,
  collegeName: sql<string | null>`coalesce(${college.name}, ${graduate.collegeName})`,
  className: graduate.className,
  majorName: graduate.majorName,
  cohort: ledgerCase.cohort,
  openedAt: ledgerCase.openedAt,
};
const selectCandidates = (db: TDbOrTx) =>
  db
    .select(candidateColumns)
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .leftJoin(college, eq(college.id, graduate.collegeId));
export type TCandidateRow = Awaited<ReturnType<typeof selectCandidates>>[number];

export function textFilter(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql`(${graduate.name} like ${like} or ${graduate.studentNo} like ${like})`;
}

/** One page of unpaired cases, the longest waiting first. */
export async function listUnpaired(db: TDbOrTx, where: SQL, page: { limit: number; offset: number }) {
  const full = and(where, unpairedSql)!;
  const [rows, [total]] = await Promise.all([
    selectCandidates(db)
      .where(full)
      .orderBy(asc(ledgerCase.openedAt), asc(graduate.name), asc(ledgerCase.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerCase)
      .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
      .where(full),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

const currentHelper = alias(appUser, 'current_helper');

/** One page of cases with a current helper (of one helper when asked), by name. */
export async function listPaired(
  db: TDbOrTx,
  where: SQL,
  helperUserId: string | undefined,
  page: { limit: number; offset: number },
) {
  const full = helperUserId ? and(where, eq(helperPairing.helperUserId, helperUserId))! : where;
  const current = and(eq(helperPairing.graduateId, ledgerCase.graduateId), isNull(helperPairing.endedAt));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...candidateColumns,
        helperUserId: helperPairing.helperUserId,
        helperName: currentHelper.displayName,
        pairedAt: helperPairing.startedAt,
      })
      .from(ledgerCase)
      .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
      .innerJoin(helperPairing, current)
      .innerJoin(currentHelper, eq(currentHelper.id, helperPairing.helperUserId))
      .leftJoin(college, eq(college.id, graduate.collegeId))
      .where(full)
      .orderBy(asc(graduate.name), asc(ledgerCase.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerCase)
      .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
      .innerJoin(helperPairing, current)
      .where(full),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every unpaired case matching `where` (the suggestion's input). */
export async function listUnpairedAll(db: TDbOrTx, where: SQL): Promise<TCandidateRow[]> {
  return selectCandidates(db)
    .where(and(where, unpairedSql))
    .orderBy(asc(graduate.collegeId), asc(ledgerCase.id));
}

/** Lock the case rows in id order (two bulk assignments over overlapping cases queue instead of deadlocking). */
export async function lockCases(tx: TDbOrTx, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const sorted = [...caseIds].sort();
  await tx.execute(
    sql`select id from ledger_case where id in (${sql.join(
      sorted.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) order by id for update`,
  );
}

/** The cases among `caseIds` that match `where`, as the access rules need them. */
export async function findCaseRefs(tx: TDbOrTx, where: SQL, caseIds: readonly string[]): Promise<TCaseRef[]> {
  const rows = await tx
    .select({
      id: ledgerCase.id,
      graduateId: ledgerCase.graduateId,
      version: ledgerCase.version,
      stage: ledgerCase.stage,
      holderOrgId: ledgerCase.holderOrgId,
      status: ledgerCase.status,
      universityId: ledgerCase.universityId,
      cohort: ledgerCase.cohort,
    })
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .where(and(where, inArray(ledgerCase.id, [...caseIds])));
  return rows as TCaseRef[];
}

/** The current pairings of these graduates with the helper's name, locked for the change. */
export async function findCurrentPairings(tx: TDbOrTx, graduateIds: readonly string[]) {
  if (graduateIds.length === 0) return [];
  return tx
    .select({
      id: helperPairing.id,
      graduateId: helperPairing.graduateId,
      helperUserId: helperPairing.helperUserId,
      helperName: appUser.displayName,
    })
    .from(helperPairing)
    .innerJoin(appUser, eq(appUser.id, helperPairing.helperUserId))
    .where(and(inArray(helperPairing.graduateId, [...graduateIds]), isNull(helperPairing.endedAt)))
    .for('update', { of: helperPairing });
}

/** End pairings (reassignment): the rows stay, with who ended them, when and why. */
export async function endPairings(
  tx: TDbOrTx,
  ids: readonly string[],
  end: { endedAt: Date; endedBy: string; endReason: string },
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(helperPairing)
    .set(end)
    .where(and(inArray(helperPairing.id, [...ids]), isNull(helperPairing.endedAt)));
}

const INSERT_CHUNK = 1000;

export async function insertPairings(
  tx: TDbOrTx,
  rows: { graduateId: string; helperUserId: string; startedAt: Date; assignedBy: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(helperPairing).values(rows.slice(i, i + INSERT_CHUNK));
  }
}

/** Every pairing a graduate has had, newest first, with the names of the people involved. */
export async function listPairingsOfGraduate(db: TDbOrTx, graduateId: string) {
  return (
    db
      .select({
        id: helperPairing.id,
        helperUserId: helperPairing.helperUserId,
        helperName: appUser.displayName,
        startedAt: helperPairing.startedAt,
        endedAt: helperPairing.endedAt,
        assignedByName: assigner.displayName,
        endedByName: ender.displayName,
        endReason: helperPairing.endReason,
      })
      .from(helperPairing)
      .innerJoin(appUser, eq(appUser.id, helperPairing.helperUserId))
      .leftJoin(assigner, eq(assigner.id, helperPairing.assignedBy))
      .leftJoin(ender, eq(ender.id, helperPairing.endedBy))
      .where(eq(helperPairing.graduateId, graduateId))
      // current first, then by when each ended: a reassignment within the same instant still reads in order
      .orderBy(
        sql`${helperPairing.endedAt} is null desc`,
        sql`${helperPairing.endedAt} desc nulls first`,
        desc(helperPairing.startedAt),
        desc(helperPairing.id),
      )
  );
}
