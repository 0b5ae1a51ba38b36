import { eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TOpportunityListQuery } from '../../../domain/api/opportunities.ts';
import { normalizeMajorCode } from '../../../domain/opportunities/majors.ts';
import { regionPrefix } from '../../../domain/opportunities/post-rules.ts';
import { LEVEL_RANK } from '../../../domain/opportunities/types.ts';
import { LEVELS } from '../../../domain/registry/fields.ts';
import { opportunity } from '../../db/schema/index.ts';

/** A LIKE pattern for "contains", with the wildcards of the user's text escaped. */
export const likePattern = (v: string) => `%${v.replace(/[%_\\]/g, '\\$&')}%`;

/** A region column inside the region given (a province code matches its cities and counties). */
export function regionWithin(column: SQL | AnyPgColumn, code: string): SQL {
  const prefix = regionPrefix(code);
  return sql`left(${column}, ${prefix.length}) = ${prefix}`;
}

/** A region code's significant prefix in SQL (520000 → 52, 520500 → 5205), as regionPrefix does. */
const prefixSql = (code: SQL) =>
  sql`(case when ${code} like '%0000' then left(${code}, 2) when ${code} like '%00' then left(${code}, 4) else ${code} end)`;

/** What the post filters share: the staff list, the employer's own list and the zone. */
type TPostFilters = Omit<
  Partial<TOpportunityListQuery>,
  'page' | 'pageSize' | 'sort' | 'order' | 'mine' | 'open'
>;

/**
 * The filters as conditions on `opportunity`: region matches a post in or covering the region, major a post
 * accepting it (不限 included), level a post whose minimum is at or below it.
 */
export function postFilterConds(q: TPostFilters): SQL[] {
  const conds: SQL[] = [];
  if (q.kind) conds.push(eq(opportunity.kind, q.kind));
  if (q.status) conds.push(eq(opportunity.status, q.status));
  if (q.region) {
    const p = regionPrefix(q.region);
    conds.push(sql`exists (select 1 from unnest(${opportunity.regionCodes}) as rc(code)
      where left(rc.code, ${p.length}) = ${p} or ${q.region} like ${prefixSql(sql`rc.code`)} || '%')`);
  }
  if (q.major) {
    const code = normalizeMajorCode(q.major);
    conds.push(sql`(cardinality(${opportunity.majorPrefixes}) = 0 or exists (
      select 1 from unnest(${opportunity.majorPrefixes}) as mp(p) where ${code} like mp.p || '%'))`);
  }
  if (q.level) {
    const rank = LEVEL_RANK[q.level];
    const atOrBelow = LEVELS.filter((l) => LEVEL_RANK[l] <= rank);
    conds.push(sql`(${opportunity.minLevel} is null or ${inArray(opportunity.minLevel, atOrBelow)})`);
  }
  if (q.industry) conds.push(eq(opportunity.industry, q.industry));
  if (q.tag) {
    conds.push(sql`exists (select 1 from employer_profile ep
      where ep.org_id = ${opportunity.employerOrgId} and ${q.tag} = any(ep.tags))`);
  }
  if (q.deadlineFrom) conds.push(gte(opportunity.deadline, q.deadlineFrom));
  if (q.deadlineTo) conds.push(lte(opportunity.deadline, q.deadlineTo));
  if (q.targetPriority !== undefined) conds.push(eq(opportunity.targetPriority, q.targetPriority));
  if (q.employerOrgId) conds.push(eq(opportunity.employerOrgId, q.employerOrgId));
  if (q.q) {
    const like = likePattern(q.q);
    conds.push(sql`(${opportunity.title} like ${like}
      or exists (select 1 from org_unit o where o.id in (${opportunity.ownerOrgId}, ${opportunity.employerOrgId})
        and o.name like ${like}))`);
  }
  return conds;
}

/** Open for applications on the day: status open and the deadline not passed. */
export const openOn = (today: string): SQL =>
  sql`(${opportunity.status} = 'open' and ${opportunity.deadline} >= ${today})`;

/** The 52-county zone: open posts that prioritise the target group. */
export const zoneOn = (today: string): SQL => sql`(${openOn(today)} and ${opportunity.targetPriority})`;
