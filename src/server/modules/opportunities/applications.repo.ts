import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TDbOrTx } from '../../db/client.ts';
import { application, graduate, ledgerCase, opportunity, orgUnit, region } from '../../db/schema/index.ts';

export type TApplicationRow = typeof application.$inferSelect;

/**
 * The signed-in graduate's own record (graduate.user_id = the user; the newest cohort when there are several)
 * with their case's needs: the facts eligibility reads. Never taken from an id the client sends.
 */
export async function findSelfGraduate(db: TDbOrTx, userId: string) {
  const [row] = await db
    .select({
      id: graduate.id,
      cohort: graduate.cohort,
      birthDate: graduate.birthDate,
      level: graduate.level,
      majorCode: graduate.majorCode,
      majorName: graduate.majorName,
      domicileCountyCode: graduate.domicileCountyCode,
      universityProvinceCode: graduate.universityProvinceCode,
      provinceCode: graduate.provinceCode,
      isTarget: graduate.isTarget,
      caseId: ledgerCase.id,
      intention: ledgerCase.intention,
      needs: ledgerCase.needs,
    })
    .from(graduate)
    .leftJoin(ledgerCase, eq(ledgerCase.graduateId, graduate.id))
    .where(eq(graduate.userId, userId))
    .orderBy(desc(graduate.cohort))
    .limit(1);
  return row;
}
export type TSelfGraduate = NonNullable<Awaited<ReturnType<typeof findSelfGraduate>>>;

export async function findApplicationOf(db: TDbOrTx, opportunityId: string, graduateId: string) {
  const [row] = await db
    .select()
    .from(application)
    .where(and(eq(application.opportunityId, opportunityId), eq(application.graduateId, graduateId)));
  return row;
}

export async function findApplication(db: TDbOrTx, id: string, where?: SQL) {
  const [row] = await db
    .select()
    .from(application)
    .where(where ? and(eq(application.id, id), where) : eq(application.id, id));
  return row;
}

export async function lockApplication(tx: TDbOrTx, id: string): Promise<TApplicationRow | undefined> {
  const [row] = await tx.select().from(application).where(eq(application.id, id)).for('update');
  return row;
}

export async function insertApplication(
  tx: TDbOrTx,
  values: typeof application.$inferInsert,
): Promise<TApplicationRow> {
  const [row] = await tx.insert(application).values(values).returning();
  return row!;
}

export async function updateApplication(
  tx: TDbOrTx,
  id: string,
  set: Partial<typeof application.$inferInsert>,
): Promise<TApplicationRow> {
  const [row] = await tx
    .update(application)
    .set({ ...set, version: sql`${application.version} + 1` })
    .where(eq(application.id, id))
    .returning();
  return row!;
}

/** Keep the post's counters in step (called under the post's row lock). */
export async function adjustPostCounters(tx: TDbOrTx, postId: string, applicants: number, quotaUsed: number) {
  if (applicants === 0 && quotaUsed === 0) return;
  await tx
    .update(opportunity)
    .set({
      applicantCount: sql`${opportunity.applicantCount} + ${applicants}`,
      quotaUsed: sql`${opportunity.quotaUsed} + ${quotaUsed}`,
    })
    .where(eq(opportunity.id, postId));
}

const owner = alias(orgUnit, 'owner_org');
const employer = alias(orgUnit, 'employer_org');

/** The graduate's applications with the posts they are for, newest first. */
export async function listSelfApplications(db: TDbOrTx, userId: string) {
  return db
    .select({
      app: application,
      post: {
        id: opportunity.id,
        kind: opportunity.kind,
        title: opportunity.title,
        deadline: opportunity.deadline,
        status: opportunity.status,
      },
      ownerName: owner.name,
      employerName: employer.name,
      regionNames: sql<string[]>`coalesce((select array_agg(coalesce(r.name, rc.code) order by rc.ord)
        from unnest(${opportunity.regionCodes}) with ordinality as rc(code, ord)
        left join region r on r.code = rc.code), '{}'::text[])`,
    })
    .from(application)
    .innerJoin(graduate, eq(graduate.id, application.graduateId))
    .innerJoin(opportunity, eq(opportunity.id, application.opportunityId))
    .innerJoin(owner, eq(owner.id, opportunity.ownerOrgId))
    .leftJoin(employer, eq(employer.id, opportunity.employerOrgId))
    .where(eq(graduate.userId, userId))
    .orderBy(desc(application.createdAt), asc(application.id))
    .limit(500);
}

/**
 * Applicants of one post: only the columns the masked profile shows (never flags, difficulty or case).
 */
export async function listApplicants(
  db: TDbOrTx,
  postId: string,
  q: { status?: string | undefined; id?: string; page: number; pageSize: number },
) {
  const where = and(
    eq(application.opportunityId, postId),
    q.status ? eq(application.status, q.status) : undefined,
    q.id ? eq(application.id, q.id) : undefined,
  );
  const rows = await db
    .select({
      id: application.id,
      opportunityId: application.opportunityId,
      status: application.status,
      createdAt: application.createdAt,
      updatedAt: application.updatedAt,
      version: application.version,
      name: graduate.name,
      gender: graduate.gender,
      level: graduate.level,
      majorName: graduate.majorName,
      universityName: orgUnit.name,
      cohort: graduate.cohort,
      phoneEncrypted: graduate.phoneEncrypted,
    })
    .from(application)
    .innerJoin(graduate, eq(graduate.id, application.graduateId))
    .innerJoin(orgUnit, eq(orgUnit.id, graduate.universityId))
    .where(where)
    .orderBy(desc(application.createdAt), asc(application.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(application).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}
export type TApplicantRow = Awaited<ReturnType<typeof listApplicants>>['rows'][number];

/** Names of region codes (for the rules' explanations). */
export async function findRegionNames(db: TDbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: region.code, name: region.name })
    .from(region)
    .where(inArray(region.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}
