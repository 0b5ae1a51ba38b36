import type { TOrgKind } from './orgs.ts';
import type { TRole } from './roles.ts';

/**
 * One clause of the personal-data scope. A user's scope is the union of the clauses their roles give.
 * The server turns these into SQL in exactly one place (server/plugins/scope-sql.ts).
 */
export type TScopeClause =
  | { kind: 'all' }
  /** graduates of universities in the province, or domiciled in it */
  | { kind: 'province'; provinceCode: string }
  /** graduates domiciled in the prefecture (4-digit prefix of the county code) */
  | { kind: 'prefecture'; prefectureCode: string }
  /** graduates domiciled in the county */
  | { kind: 'county'; countyCode: string }
  | { kind: 'university'; universityId: string }
  /** graduates in classes assigned to the counselor */
  | { kind: 'counselor'; userId: string }
  /** graduates paired with the helper (一帮一) */
  | { kind: 'helper'; userId: string }
  /** graduates referred to the partner org, while the referral is valid */
  | { kind: 'partner'; orgId: string }
  /** graduates who applied to the employer's posts */
  | { kind: 'employer'; orgId: string }
  /** case files held by the org (a county HRSS bureau sees the cases handed over to it) */
  | { kind: 'holder'; orgId: string }
  /** the graduate's own record */
  | { kind: 'self'; userId: string };

export type TScope = { clauses: TScopeClause[] };

export type TScopeSubject = {
  id: string;
  roles: readonly TRole[];
  org: { id: string; kind: TOrgKind; regionCode: string | null; universityId: string | null };
};

/**
 * What is being read: the graduate registry, or the 一人一策 case files (the ledger). Case files are narrower:
 * partners and employers never see them, and a county HRSS bureau sees only the cases handed over to it.
 */
export type TScopeResource = 'graduate' | 'case';

/**
 * THE scope function: given the user, which graduates' personal data (or case files) may they see.
 * An empty clause list means nothing. A region-bound role whose org has no region sees nothing (fail closed).
 */
export function scopeFor(user: TScopeSubject, resource: TScopeResource = 'graduate'): TScope {
  const clauses: TScopeClause[] = [];
  const region = user.org.regionCode;
  for (const role of user.roles) {
    switch (role) {
      case 'ministry':
        clauses.push({ kind: 'all' });
        break;
      case 'province_education':
      case 'province_hrss':
        if (region) clauses.push({ kind: 'province', provinceCode: `${region.slice(0, 2)}0000` });
        break;
      case 'poverty_office':
        if (region) clauses.push(regionClause(region));
        break;
      case 'county_hrss':
        if (resource === 'case') clauses.push({ kind: 'holder', orgId: user.org.id });
        else if (region && region.slice(4) !== '00') clauses.push({ kind: 'county', countyCode: region });
        break;
      case 'university_admin':
        if (user.org.universityId) clauses.push({ kind: 'university', universityId: user.org.universityId });
        break;
      case 'counselor':
        clauses.push({ kind: 'counselor', userId: user.id });
        break;
      case 'helper':
        clauses.push({ kind: 'helper', userId: user.id });
        break;
      case 'partner':
        if (resource === 'graduate') clauses.push({ kind: 'partner', orgId: user.org.id });
        break;
      case 'employer':
        if (resource === 'graduate') clauses.push({ kind: 'employer', orgId: user.org.id });
        break;
      case 'graduate':
        clauses.push({ kind: 'self', userId: user.id });
        break;
      case 'system_admin':
        // administers accounts and audit, not graduates: no personal data
        break;
    }
  }
  return { clauses: clauses.some((c) => c.kind === 'all') ? [{ kind: 'all' }] : clauses };
}

/** A poverty office sees the region it serves: its province, prefecture or county. */
function regionClause(region: string): TScopeClause {
  if (region.slice(2) === '0000') return { kind: 'province', provinceCode: region };
  if (region.slice(4) === '00') return { kind: 'prefecture', prefectureCode: region };
  return { kind: 'county', countyCode: region };
}
