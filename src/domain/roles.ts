/**
 * Roles and permissions: the single table both the server (route guards) and the web app (menus) read.
 * A role grants permissions; personal-data visibility is decided separately by the scope function (scope.ts).
 */
export const ROLES = [
  'counselor',
  'helper',
  'university_admin',
  'province_education',
  'province_hrss',
  'county_hrss',
  'poverty_office',
  'ministry',
  'partner',
  'employer',
  'graduate',
  'system_admin',
] as const;
export type TRole = (typeof ROLES)[number];

export const PERMISSIONS = [
  'reference.read',
  'orgs.read',
  'orgs.manage',
  'users.manage',
  /** assign counselors to the classes the rosters brought in (issue 22) */
  'classes.assign',
  'audit.read',
  'graduates.read',
  'graduates.reveal',
  'graduates.export',
  'imports.manage',
  'cases.read',
  'cases.write',
  'cases.pair',
  'cases.handover',
  'ledger.settings',
  'self.portal',
  'employer.portal',
  'employers.manage',
  'opportunities.read',
  'opportunities.manage',
  'matching.push',
  'zsb.manage',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const STAFF_BASE: TPermission[] = ['reference.read', 'orgs.read', 'graduates.read'];

export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  counselor: [
    ...STAFF_BASE,
    'graduates.reveal',
    'cases.read',
    'cases.write',
    'opportunities.read',
    'matching.push',
  ],
  helper: [...STAFF_BASE, 'cases.read', 'cases.write', 'opportunities.read', 'matching.push'],
  university_admin: [
    ...STAFF_BASE,
    // its own colleges only (canManageOrg in org-rules.ts)
    'orgs.manage',
    'graduates.reveal',
    'graduates.export',
    'imports.manage',
    'users.manage',
    'classes.assign',
    'audit.read',
    'cases.read',
    'cases.write',
    'cases.pair',
    'cases.handover',
    'employers.manage',
    'opportunities.read',
    'opportunities.manage',
    'matching.push',
  ],
  province_education: [
    ...STAFF_BASE,
    // universities and colleges of its province (org-rules.ts)
    'orgs.manage',
    // its own department's accounts (accounts/account-scope.ts)
    'users.manage',
    'graduates.export',
    'imports.manage',
    'audit.read',
    'cases.read',
    'opportunities.read',
    'opportunities.manage',
    'zsb.manage',
  ],
  province_hrss: [
    ...STAFF_BASE,
    // county HRSS bureaus of its province (org-rules.ts)
    'orgs.manage',
    // its own and its province's county HRSS accounts (accounts/account-scope.ts)
    'users.manage',
    'graduates.export',
    'imports.manage',
    'cases.read',
    'employers.manage',
    'opportunities.read',
    'opportunities.manage',
  ],
  county_hrss: [
    ...STAFF_BASE,
    'graduates.reveal',
    'cases.read',
    'cases.write',
    'employers.manage',
    'opportunities.read',
    'opportunities.manage',
    'matching.push',
  ],
  // orgs.manage: partner organisations of its province (org-rules.ts)
  // users.manage: a provincial office's own and its lower offices' accounts (accounts/account-scope.ts)
  poverty_office: [
    ...STAFF_BASE,
    'orgs.manage',
    'users.manage',
    'imports.manage',
    'cases.read',
    'opportunities.read',
  ],
  ministry: [
    ...STAFF_BASE,
    'graduates.export',
    'audit.read',
    'cases.read',
    'ledger.settings',
    'opportunities.read',
    'opportunities.manage',
    'zsb.manage',
  ],
  partner: ['reference.read', 'orgs.read', 'graduates.read'],
  // no reference.read: the programme's lists (focus counties, code tables, pairs) are not an employer's business;
  // the post form's regions and majors are open to employer.portal too (orgs.routes.ts)
  employer: ['employer.portal'],
  graduate: ['self.portal'],
  system_admin: ['reference.read', 'orgs.read', 'orgs.manage', 'users.manage', 'audit.read'],
};

/** Every permission any of the roles grants, deduplicated. */
export function listPermissions(roles: readonly TRole[]): TPermission[] {
  const set = new Set<TPermission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function hasPermission(roles: readonly TRole[], permission: TPermission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Which org kinds a role may be held in; user creation refuses other combinations. */
export const ROLE_ORG_KINDS: Record<TRole, readonly string[]> = {
  counselor: ['university', 'college'],
  helper: ['university', 'college'],
  university_admin: ['university'],
  province_education: ['province_education'],
  province_hrss: ['province_hrss'],
  county_hrss: ['county_hrss'],
  poverty_office: ['poverty_office'],
  ministry: ['ministry'],
  partner: ['partner'],
  employer: ['employer'],
  graduate: ['university', 'college'],
  system_admin: ['system'],
};
