import type { TOrgKind } from './orgs.ts';
import type { TRole } from './roles.ts';

/**
 * One clause of the personal-data scope. A user's scope is the union of the clauses their roles give.
 * The server turns these into SQL in exactly one place (server/plugins/scope-sql.ts). Which fields of those
 * records a role sees is the field rule's business (field-rule.ts), not the scope's.
 */
export type TScopeClause =
  | { kind: 'all' }
  /** graduates of universities in the province (xx0000) */
  | { kind: 'university_province'; provinceCode: string }
  /**
   * graduates domiciled in the region: a province (xx0000), prefecture (xxxx00) or county; `targetOnly`
   * narrows to the target group (a poverty office sees target graduates of its area only)
   */
  | { kind: 'domicile'; regionCode: string; targetOnly: boolean }
  /**
   * target graduates domiciled in the region, of cohorts that have left school (cohort ≤ `leftCohort`) and
   * not placed: the minimal list an HRSS bureau prepares with before cases are handed over
   */
  | { kind: 'domicile_left'; regionCode: string; leftCohort: number }
  | { kind: 'university'; universityId: string }
  /** graduates in classes assigned to the counselor */
  | { kind: 'counselor'; userId: string }
  /** graduates paired with the helper (一帮一) */
  | { kind: 'helper'; userId: string }
  /** unplaced graduates referred to the partner org, while the referral is valid */
  | { kind: 'partner'; orgId: string }
  /** graduates who applied to the employer's posts */
  | { kind: 'employer'; orgId: string }
  /** case files held by the org (a county HRSS bureau sees the cases handed over to it) */
  | { kind: 'holder'; orgId: string }
  /** case files handed over to HRSS bureaus in the province (the province HRSS department) */
  | { kind: 'handed_over_in'; provinceCode: string }
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
 * partners and employers never see them, a province education department only those of its own universities
 * (its 生源 view of graduates studying elsewhere carries no case notes), and HRSS only the cases handed over.
 */
export type TScopeResource = 'graduate' | 'case';

/**
 * When: the latest cohort that has left school (ledger rules' leaving date). Without it the HRSS bureaus'
 * pre-handover list is left out (fail closed).
 */
export type TScopeAt = { leftCohort?: number | undefined };

const provinceOf = (region: string) => `${region.slice(0, 2)}0000`;
const isCounty = (region: string) => region.slice(4) !== '00';

/**
 * THE scope function: given the user, which graduates' personal data (or case files) may they see.
 * An empty clause list means nothing. A region-bound role whose org has no region sees nothing (fail closed).
 */
export function scopeFor(
  user: TScopeSubject,
  resource: TScopeResource = 'graduate',
  at: TScopeAt = {},
): TScope {
  const clauses: TScopeClause[] = [];
  const region = user.org.regionCode;
  const graduates = resource === 'graduate';
  for (const role of user.roles) {
    switch (role) {
      case 'ministry':
        clauses.push({ kind: 'all' });
        break;
      case 'province_education':
        if (!region) break;
        clauses.push({ kind: 'university_province', provinceCode: provinceOf(region) });
        // the 生源 view: own-province graduates studying elsewhere, registry only, no case files
        if (graduates) clauses.push({ kind: 'domicile', regionCode: provinceOf(region), targetOnly: false });
        break;
      case 'province_hrss':
        if (!region) break;
        clauses.push({ kind: 'handed_over_in', provinceCode: provinceOf(region) });
        if (graduates && at.leftCohort !== undefined)
          clauses.push({ kind: 'domicile_left', regionCode: provinceOf(region), leftCohort: at.leftCohort });
        break;
      case 'county_hrss':
        clauses.push({ kind: 'holder', orgId: user.org.id });
        if (graduates && region && isCounty(region) && at.leftCohort !== undefined)
          clauses.push({ kind: 'domicile_left', regionCode: region, leftCohort: at.leftCohort });
        break;
      case 'poverty_office':
        if (region) clauses.push({ kind: 'domicile', regionCode: region, targetOnly: true });
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
        if (graduates) clauses.push({ kind: 'partner', orgId: user.org.id });
        break;
      case 'employer':
        if (graduates) clauses.push({ kind: 'employer', orgId: user.org.id });
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
