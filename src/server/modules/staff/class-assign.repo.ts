import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { appUser, counselorClass, graduate, ledgerCase, orgUnit } from '../../db/schema/index.ts';

/*
 * counselor_class, the table through which counselors see cases (scope-sql 'counselor' clause): the classes the
 * rosters brought in with their counts, who keeps each, and the writes of an assignment.
 */

export type TClassKey = { collegeId: string; className: string };

/**
 * The classes of a university: every (college, class) the rosters brought in, plus classes assigned ahead of
 * a roster; with graduates, target graduates and open cases per class, for one cohort or all.
 */
export async function listUniversityClasses(db: TDbOrTx, universityId: string, cohort?: number) {
  const cohortCond = cohort ? sql`and g.cohort = ${cohort}` : sql``;
  return queryRows<{
    collegeId: string;
    collegeName: string;
    className: string;
    graduates: number;
    targets: number;
    cases: number;
  }>(
    db,
    sql`
    with classes as (
      select g.college_id, g.class_name, count(*)::int as graduates,
        (count(*) filter (where g.is_target))::int as targets, count(lc.id)::int as cases
      from graduate g left join ledger_case lc on lc.graduate_id = g.id
      where g.university_id = ${universityId} and g.college_id is not null and g.class_name is not null
        and g.class_name <> '' ${cohortCond}
      group by g.college_id, g.class_name
      union all
      select cc.college_id, cc.class_name, 0, 0, 0 from counselor_class cc
      join org_unit c on c.id = cc.college_id and c.parent_id = ${universityId}
    )
    select k.college_id as "collegeId", o.name as "collegeName", k.class_name as "className",
      sum(k.graduates)::int as graduates, sum(k.targets)::int as targets, sum(k.cases)::int as cases
    from classes k join org_unit o on o.id = k.college_id
    group by k.college_id, o.name, k.class_name
    order by o.name, k.class_name`,
  );
}

export const classWhere = (key: TClassKey) =>
  and(eq(counselorClass.collegeId, key.collegeId), eq(counselorClass.className, key.className));

/** The current counselors of classes (active or not: an inactive counselor still holds the class until moved). */
export async function listClassCounselors(db: TDbOrTx, where?: SQL) {
  return db
    .select({
      collegeId: counselorClass.collegeId,
      className: counselorClass.className,
      userId: counselorClass.userId,
      name: appUser.displayName,
      active: appUser.active,
    })
    .from(counselorClass)
    .innerJoin(appUser, eq(appUser.id, counselorClass.userId))
    .where(where)
    .orderBy(appUser.displayName);
}

/** Counselors of the university (in the university's org or one of its colleges). */
export async function listUniversityCounselors(db: TDbOrTx, universityId: string, userIds?: string[]) {
  return db
    .select({
      userId: appUser.id,
      name: appUser.displayName,
      username: appUser.username,
      active: appUser.active,
      orgName: orgUnit.name,
    })
    .from(appUser)
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
    .where(
      and(
        sql`'counselor' = any(${appUser.roles})`,
        sql`(${orgUnit.id} = ${universityId} or (${orgUnit.parentId} = ${universityId} and ${orgUnit.kind} = 'college'))`,
        userIds ? inArray(appUser.id, userIds) : undefined,
      ),
    )
    .orderBy(appUser.displayName);
}

/** Colleges of a university, by id. */
export async function listColleges(db: TDbOrTx, universityId: string) {
  return db
    .select({ id: orgUnit.id, code: orgUnit.code, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.parentId, universityId), eq(orgUnit.kind, 'college')))
    .orderBy(orgUnit.name);
}

export async function insertAssignments(
  tx: TDbOrTx,
  rows: { userId: string; collegeId: string; className: string }[],
) {
  if (rows.length) await tx.insert(counselorClass).values(rows).onConflictDoNothing();
}

export async function deleteAssignments(
  tx: TDbOrTx,
  rows: { userId: string; collegeId: string; className: string }[],
) {
  for (const r of rows) {
    await tx
      .delete(counselorClass)
      .where(
        and(
          eq(counselorClass.userId, r.userId),
          eq(counselorClass.collegeId, r.collegeId),
          eq(counselorClass.className, r.className),
        ),
      );
  }
}

/** The cases of a class (every stage: the timeline records the change even after handover). */
export async function listClassCaseIds(tx: TDbOrTx, key: TClassKey): Promise<string[]> {
  const rows = await tx
    .select({ id: ledgerCase.id })
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .where(and(eq(graduate.collegeId, key.collegeId), eq(graduate.className, key.className)));
  return rows.map((r) => r.id);
}

/** Lock a class's assignments so that two admins editing the same class serialise. */
export async function lockClass(tx: TDbOrTx, key: TClassKey) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`counselor_class:${key.collegeId}:${key.className}`}))`,
  );
}
