import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { graduate, orgUnit } from '../../db/schema/index.ts';

/** Graduates matching `scopeWhere` (always from the scope function) and optional filters, one page. */
export async function listGraduates(
  db: TDbOrTx,
  scopeWhere: SQL,
  filters: { cohort?: number },
  page: { limit: number; offset: number },
) {
  const where = and(scopeWhere, filters.cohort ? eq(graduate.cohort, filters.cohort) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: graduate.id,
        name: graduate.name,
        cohort: graduate.cohort,
        universityName: orgUnit.name,
        domicileCountyCode: graduate.domicileCountyCode,
        idEncrypted: graduate.idEncrypted,
      })
      .from(graduate)
      .innerJoin(orgUnit, eq(orgUnit.id, graduate.universityId))
      .where(where)
      .orderBy(asc(graduate.cohort), asc(graduate.name), asc(graduate.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(graduate).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findGraduateInScope(db: TDbOrTx, scopeWhere: SQL, id: string) {
  const [row] = await db
    .select()
    .from(graduate)
    .where(and(scopeWhere, eq(graduate.id, id)))
    .limit(1);
  return row;
}

export async function insertGraduate(db: TDbOrTx, values: typeof graduate.$inferInsert) {
  const [row] = await db.insert(graduate).values(values).returning();
  return row!;
}
