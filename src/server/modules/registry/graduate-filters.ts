import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { TGraduateFilters } from '../../../domain/api/registry.ts';
import { graduate } from '../../db/schema/index.ts';

const like = (v: string) => `%${v.replace(/[%_\\]/g, '\\$&')}%`;

/** The user's filters as a condition on `graduate`; ANDed with the scope condition by the callers. */
export function graduateFilterWhere(f: TGraduateFilters): SQL | undefined {
  const c: SQL[] = [];
  if (f.cohort) c.push(eq(graduate.cohort, f.cohort));
  if (f.province) c.push(eq(graduate.provinceCode, f.province));
  if (f.county) c.push(eq(graduate.domicileCountyCode, f.county));
  if (f.universityId) c.push(eq(graduate.universityId, f.universityId));
  if (f.collegeId) c.push(eq(graduate.collegeId, f.collegeId));
  if (f.level) c.push(eq(graduate.level, f.level));
  if (f.major) c.push(ilike(graduate.majorName, like(f.major)));
  if (f.focusCounty !== undefined) c.push(eq(graduate.isFocusCounty, f.focusCounty));
  if (f.registeredPoor !== undefined) c.push(eq(graduate.isRegisteredPoor, f.registeredPoor));
  if (f.target !== undefined) c.push(eq(graduate.isTarget, f.target));
  if (f.difficulty) c.push(eq(graduate.difficultyCode, f.difficulty));
  if (f.q) c.push(or(ilike(graduate.name, like(f.q)), ilike(graduate.studentNo, like(f.q)))!);
  return c.length ? and(...c) : undefined;
}

export const noFilter = sql`true`;
