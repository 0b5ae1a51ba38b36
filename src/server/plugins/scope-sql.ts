import { eq, or, type SQL, sql } from 'drizzle-orm';
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

function clauseSql(c: TScopeClause): SQL {
  switch (c.kind) {
    case 'all':
      return sql`true`;
    case 'province':
      return or(
        eq(graduate.universityProvinceCode, c.provinceCode),
        eq(graduate.provinceCode, c.provinceCode),
      )!;
    case 'prefecture':
      return sql`left(${graduate.domicileCountyCode}, 4) = ${c.prefectureCode.slice(0, 4)}`;
    case 'county':
      return eq(graduate.domicileCountyCode, c.countyCode);
    case 'university':
      return eq(graduate.universityId, c.universityId);
    case 'counselor':
      return sql`exists (select 1 from counselor_class cc where cc.user_id = ${c.userId}
        and cc.college_id = ${graduate.collegeId} and cc.class_name = ${graduate.className})`;
    case 'helper':
      return sql`exists (select 1 from helper_pairing hp where hp.graduate_id = ${graduate.id}
        and hp.helper_user_id = ${c.userId} and hp.ended_at is null)`;
    case 'partner':
      return sql`exists (select 1 from referral r where r.graduate_id = ${graduate.id}
        and r.partner_org_id = ${c.orgId} and r.valid_until >= current_date)`;
    case 'employer':
      return sql`exists (select 1 from application a where a.graduate_id = ${graduate.id}
        and a.employer_org_id = ${c.orgId})`;
    case 'holder':
      return sql`exists (select 1 from ledger_case lc where lc.graduate_id = ${graduate.id}
        and lc.holder_org_id = ${c.orgId})`;
    case 'self':
      return eq(graduate.userId, c.userId);
  }
}
