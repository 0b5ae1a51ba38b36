import type { TOrgKind } from '../orgs.ts';
import { ROLE_ORG_KINDS, type TRole } from '../roles.ts';

/**
 * Whose accounts a user may manage (issue 22). The system admin manages every account; a university admin the
 * counselors, helpers and admins of its university and its colleges; a provincial department (education, HRSS,
 * poverty office) its own org's accounts and, for HRSS and the poverty office, the bureaus of the same line in
 * its province (county HRSS; prefecture and county poverty offices). Everyone else manages nothing. The server
 * turns the grants into SQL for the account list and checks every write against them.
 */
export type TAccountGrant =
  | { kind: 'all' }
  /** the university and its colleges */
  | { kind: 'university'; universityId: string; roles: readonly TRole[] }
  | { kind: 'org'; orgId: string; roles: readonly TRole[] }
  /** orgs of these kinds below province level in the province */
  | { kind: 'province_line'; provinceCode: string; orgKinds: readonly TOrgKind[]; roles: readonly TRole[] };

export type TAccountActor = {
  roles: readonly TRole[];
  org: { id: string; kind: TOrgKind; regionCode: string | null; universityId: string | null };
};

/** An org an account sits in; `universityId` is the university of a university or college org. */
export type TAccountOrg = {
  id: string;
  kind: string;
  regionCode: string | null;
  universityId: string | null;
  active?: boolean;
};

export const UNIVERSITY_STAFF_ROLES: readonly TRole[] = ['counselor', 'helper', 'university_admin'];

/** Provincial departments that manage accounts, and the lower bureaus of the same line they manage. */
const PROVINCE_LINES: Partial<Record<TRole, { orgKind: TOrgKind; lower: TOrgKind[]; lowerRoles: TRole[] }>> =
  {
    province_education: { orgKind: 'province_education', lower: [], lowerRoles: [] },
    province_hrss: { orgKind: 'province_hrss', lower: ['county_hrss'], lowerRoles: ['county_hrss'] },
    poverty_office: { orgKind: 'poverty_office', lower: ['poverty_office'], lowerRoles: ['poverty_office'] },
  };

const isProvinceLevel = (code: string | null): code is string => !!code && /^\d{2}0000$/.test(code);

/** The grants of a user; empty means they manage no account (fail closed, e.g. an org without a region). */
export function accountGrantsOf(actor: TAccountActor): TAccountGrant[] {
  if (actor.roles.includes('system_admin') && actor.org.kind === 'system') return [{ kind: 'all' }];
  const grants: TAccountGrant[] = [];
  for (const role of actor.roles) {
    if (role === 'university_admin' && actor.org.kind === 'university' && actor.org.universityId) {
      grants.push({
        kind: 'university',
        universityId: actor.org.universityId,
        roles: UNIVERSITY_STAFF_ROLES,
      });
    }
    const line = PROVINCE_LINES[role];
    if (line && actor.org.kind === line.orgKind && isProvinceLevel(actor.org.regionCode)) {
      grants.push({ kind: 'org', orgId: actor.org.id, roles: [role] });
      if (line.lower.length) {
        grants.push({
          kind: 'province_line',
          provinceCode: actor.org.regionCode,
          orgKinds: line.lower,
          roles: line.lowerRoles,
        });
      }
    }
  }
  return grants;
}

function grantCovers(g: TAccountGrant, org: TAccountOrg): boolean {
  switch (g.kind) {
    case 'all':
      return true;
    case 'university':
      return org.universityId === g.universityId && (org.kind === 'university' || org.kind === 'college');
    case 'org':
      return org.id === g.orgId;
    case 'province_line':
      return (
        g.orgKinds.includes(org.kind as TOrgKind) &&
        !!org.regionCode &&
        org.regionCode.slice(0, 2) === g.provinceCode.slice(0, 2) &&
        !isProvinceLevel(org.regionCode)
      );
  }
}

/** The roles the grants allow in the org: those that fit the org's kind (ROLE_ORG_KINDS) and a grant covering it. */
export function manageableRoles(grants: readonly TAccountGrant[], org: TAccountOrg): TRole[] {
  const fit = (Object.keys(ROLE_ORG_KINDS) as TRole[]).filter((r) => ROLE_ORG_KINDS[r].includes(org.kind));
  const allowed = new Set<TRole>();
  for (const g of grants) {
    if (!grantCovers(g, org)) continue;
    for (const r of g.kind === 'all' ? fit : g.roles) if (fit.includes(r)) allowed.add(r);
  }
  return fit.filter((r) => allowed.has(r));
}

export type TAccountDenial = 'org_out_of_scope' | 'role_out_of_scope';

/**
 * May the grants give (or keep) an account with these roles in this org? An existing account is managed only
 * when every role it holds is manageable: a university admin never edits a graduate's or a system admin's account.
 */
export function accountDenial(
  grants: readonly TAccountGrant[],
  org: TAccountOrg,
  roles: readonly TRole[],
): TAccountDenial | null {
  const allowed = manageableRoles(grants, org);
  if (allowed.length === 0) return 'org_out_of_scope';
  return roles.every((r) => allowed.includes(r)) ? null : 'role_out_of_scope';
}
