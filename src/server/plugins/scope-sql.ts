import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { UNEMPLOYED_DESTINATIONS } from '../../domain/ledger/codes.ts';
import type { TScope, TScopeClause } from '../../domain/scope.ts';
import { graduate } from '../db/schema/index.ts';

/**
 * The scope (domain/scope.ts) as a WHERE condition on `graduate`. Every query that returns personal data
 * joins through `graduate` and ANDs this in; an empty scope matches nothing.
 */
export function graduateScopeWhere(scope: TScope): SQL {
  if (scope.clauses.length === 0) return sql`false`;
  const parts = scope.clauses.map(clauseSql);
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

const unemployed = sql.raw(UNEMPLOYED_DESTINATIONS.map((c) => `'${c}'`).join(','));

/** No case of the graduate is placed or has an employed destination. */
const unplaced = () => sql`not exists (select 1 from ledger_case lc where lc.graduate_id = ${graduate.id}
  and (lc.status = 'placed' or (lc.destination_code is not null and lc.destination_code not in (${unemployed}))))`;

/** Domiciled in a province (xx0000), prefecture (xxxx00) or county. */
function domicileSql(region: string): SQL {
  if (region.slice(2) === '0000') return eq(graduate.provinceCode, region);
  if (region.slice(4) === '00') return sql`left(${graduate.domicileCountyCode}, 4) = ${region.slice(0, 4)}`;
  return eq(graduate.domicileCountyCode, region);
}

function clauseSql(c: TScopeClause): SQL {
  switch (c.kind) {
    case 'all':
      return sql`true`;
    case 'university_province':
      return eq(graduate.universityProvinceCode, c.provinceCode);
    case 'domicile':
      return c.targetOnly
        ? and(domicileSql(c.regionCode), eq(graduate.isTarget, true))!
        : domicileSql(c.regionCode);
    case 'domicile_left':
      // unplaced: no case of the graduate is placed or has an employed destination
      return and(
        domicileSql(c.regionCode),
        eq(graduate.isTarget, true),
        sql`${graduate.cohort} <= ${c.leftCohort}`,
        unplaced(),
      )!;
    case 'university':
      return eq(graduate.universityId, c.universityId);
    case 'counselor':
      return sql`exists (select 1 from counselor_class cc where cc.user_id = ${c.userId}
        and cc.college_id = ${graduate.collegeId} and cc.class_name = ${graduate.className})`;
    case 'helper':
      return sql`exists (select 1 from helper_pairing hp where hp.graduate_id = ${graduate.id}
        and hp.helper_user_id = ${c.userId} and hp.ended_at is null)`;
    case 'partner':
      // while the referral is valid and the graduate still looks for work
      return and(
        sql`exists (select 1 from referral r where r.graduate_id = ${graduate.id}
        and r.partner_org_id = ${c.orgId} and r.valid_until >= current_date)`,
        unplaced(),
      )!;
    case 'employer':
      return sql`exists (select 1 from application a where a.graduate_id = ${graduate.id}
        and a.employer_org_id = ${c.orgId})`;
    case 'holder':
      return sql`exists (select 1 from ledger_case lc where lc.graduate_id = ${graduate.id}
        and lc.holder_org_id = ${c.orgId})`;
    case 'handed_over_in':
      return sql`exists (select 1 from ledger_case lc join org_unit ho on ho.id = lc.holder_org_id
        where lc.graduate_id = ${graduate.id} and lc.stage = 'handed_over'
        and left(ho.region_code, 2) = ${c.provinceCode.slice(0, 2)})`;
    case 'self':
      return eq(graduate.userId, c.userId);
  }
}
