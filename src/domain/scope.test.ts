import { describe, expect, it } from 'vitest';
import { ORG_KINDS, type TOrgKind } from './orgs.ts';
import {
  hasPermission,
  listPermissions,
  PERMISSIONS,
  ROLE_ORG_KINDS,
  ROLE_PERMISSIONS,
  ROLES,
  type TRole,
} from './roles.ts';
import { scopeFor, type TScopeSubject } from './scope.ts';

const USER_ID = '11111111-1111-4111-8111-111111111111';
const ORG_ID = '22222222-2222-4222-8222-222222222222';
const UNIVERSITY_ID = '33333333-3333-4333-8333-333333333333';

function subject(
  roles: TRole[],
  org: { kind: TOrgKind; regionCode?: string | null; universityId?: string | null },
): TScopeSubject {
  return {
    id: USER_ID,
    roles,
    org: {
      id: ORG_ID,
      kind: org.kind,
      regionCode: org.regionCode ?? null,
      universityId: org.universityId ?? null,
    },
  };
}

describe('scopeFor case files (the ledger)', () => {
  it('a county HRSS bureau sees only the cases handed over to it, not every graduate of its county', () => {
    const county = subject(['county_hrss'], { kind: 'county_hrss', regionCode: '520526' });
    expect(scopeFor(county, 'case').clauses).toEqual([{ kind: 'holder', orgId: ORG_ID }]);
    expect(scopeFor(county, 'case', { leftCohort: 2025 }).clauses).toEqual([
      { kind: 'holder', orgId: ORG_ID },
    ]);
  });

  it('a province education department reads case files of its own universities only, not of its 生源', () => {
    const edu = subject(['province_education'], { kind: 'province_education', regionCode: '450000' });
    expect(scopeFor(edu, 'case').clauses).toEqual([{ kind: 'university_province', provinceCode: '450000' }]);
  });

  it('a province HRSS department sees the cases handed over in its province', () => {
    const hrss = subject(['province_hrss'], { kind: 'province_hrss', regionCode: '520000' });
    expect(scopeFor(hrss, 'case').clauses).toEqual([{ kind: 'handed_over_in', provinceCode: '520000' }]);
  });

  it('partners and employers never see case files', () => {
    expect(scopeFor(subject(['partner'], { kind: 'partner' }), 'case').clauses).toEqual([]);
    expect(scopeFor(subject(['employer'], { kind: 'employer' }), 'case').clauses).toEqual([]);
  });

  it('university roles, poverty offices and the graduate see the same cases as graduates', () => {
    const admin = subject(['university_admin'], { kind: 'university', universityId: UNIVERSITY_ID });
    expect(scopeFor(admin, 'case')).toEqual(scopeFor(admin));
    const counselor = subject(['counselor'], { kind: 'college' });
    expect(scopeFor(counselor, 'case')).toEqual(scopeFor(counselor));
    const me = subject(['graduate'], { kind: 'university' });
    expect(scopeFor(me, 'case')).toEqual(scopeFor(me));
    const office = subject(['poverty_office'], { kind: 'poverty_office', regionCode: '520000' });
    expect(scopeFor(office, 'case')).toEqual(scopeFor(office));
  });
});

describe('scopeFor, one role at a time', () => {
  it('ministry sees everything', () => {
    expect(scopeFor(subject(['ministry'], { kind: 'ministry', regionCode: null }))).toEqual({
      clauses: [{ kind: 'all' }],
    });
  });

  it('province education sees its universities and its 生源 (domiciled graduates), whatever the region level', () => {
    for (const regionCode of ['520000', '520500', '522427']) {
      const edu = subject(['province_education'], { kind: 'province_education', regionCode });
      expect(scopeFor(edu).clauses, regionCode).toEqual([
        { kind: 'university_province', provinceCode: '520000' },
        { kind: 'domicile', regionCode: '520000', targetOnly: false },
      ]);
    }
  });

  it('province HRSS sees handed-over cases; after the leaving date also the unplaced domiciled target graduates', () => {
    const hrss = subject(['province_hrss'], { kind: 'province_hrss', regionCode: '520000' });
    expect(scopeFor(hrss).clauses).toEqual([{ kind: 'handed_over_in', provinceCode: '520000' }]);
    expect(scopeFor(hrss, 'graduate', { leftCohort: 2025 }).clauses).toEqual([
      { kind: 'handed_over_in', provinceCode: '520000' },
      { kind: 'domicile_left', regionCode: '520000', leftCohort: 2025 },
    ]);
  });

  it('poverty office sees the target graduates domiciled in the region it serves, never by university', () => {
    const at = (regionCode: string) =>
      scopeFor(subject(['poverty_office'], { kind: 'poverty_office', regionCode }));
    for (const regionCode of ['520000', '520500', '520526']) {
      expect(at(regionCode)).toEqual({ clauses: [{ kind: 'domicile', regionCode, targetOnly: true }] });
    }
  });

  it('county HRSS sees its handed-over cases, plus its left, unplaced domiciled targets; nothing by county alone', () => {
    const county = subject(['county_hrss'], { kind: 'county_hrss', regionCode: '520526' });
    expect(scopeFor(county).clauses).toEqual([{ kind: 'holder', orgId: ORG_ID }]);
    expect(scopeFor(county, 'graduate', { leftCohort: 2025 }).clauses).toEqual([
      { kind: 'holder', orgId: ORG_ID },
      { kind: 'domicile_left', regionCode: '520526', leftCohort: 2025 },
    ]);
    const notCounty = subject(['county_hrss'], { kind: 'county_hrss', regionCode: '520500' });
    expect(scopeFor(notCounty, 'graduate', { leftCohort: 2025 }).clauses).toEqual([
      { kind: 'holder', orgId: ORG_ID },
    ]);
  });

  it('university admin sees its university, and nothing without one', () => {
    expect(
      scopeFor(subject(['university_admin'], { kind: 'university', universityId: UNIVERSITY_ID })),
    ).toEqual({ clauses: [{ kind: 'university', universityId: UNIVERSITY_ID }] });
    expect(scopeFor(subject(['university_admin'], { kind: 'university', universityId: null }))).toEqual({
      clauses: [],
    });
  });

  it('counselor and helper are scoped to the user, partner and employer to the org, graduate to self', () => {
    const college = { kind: 'college' as const, universityId: UNIVERSITY_ID };
    expect(scopeFor(subject(['counselor'], college)).clauses).toEqual([
      { kind: 'counselor', userId: USER_ID },
    ]);
    expect(scopeFor(subject(['helper'], college)).clauses).toEqual([{ kind: 'helper', userId: USER_ID }]);
    expect(scopeFor(subject(['graduate'], college)).clauses).toEqual([{ kind: 'self', userId: USER_ID }]);
    expect(scopeFor(subject(['partner'], { kind: 'partner' })).clauses).toEqual([
      { kind: 'partner', orgId: ORG_ID },
    ]);
    expect(scopeFor(subject(['employer'], { kind: 'employer' })).clauses).toEqual([
      { kind: 'employer', orgId: ORG_ID },
    ]);
  });

  it('system admin sees no personal data at all', () => {
    expect(scopeFor(subject(['system_admin'], { kind: 'system' }))).toEqual({ clauses: [] });
  });

  it.each(['province_education', 'province_hrss', 'poverty_office'] as const)(
    '%s with no region on its org sees nothing (fail closed)',
    (role) => {
      const s = scopeFor(subject([role], { kind: role, regionCode: null }), 'graduate', { leftCohort: 2025 });
      expect(s).toEqual({ clauses: [] });
    },
  );

  it('no roles, no scope', () => {
    expect(scopeFor(subject([], { kind: 'university', universityId: UNIVERSITY_ID }))).toEqual({
      clauses: [],
    });
  });
});

describe('scopeFor, several roles', () => {
  it('unions the clauses of every role', () => {
    const scope = scopeFor(
      subject(['counselor', 'helper'], { kind: 'college', universityId: UNIVERSITY_ID }),
    );
    expect(scope.clauses).toEqual([
      { kind: 'counselor', userId: USER_ID },
      { kind: 'helper', userId: USER_ID },
    ]);
    const office = scopeFor(
      subject(['province_hrss', 'poverty_office'], { kind: 'poverty_office', regionCode: '520500' }),
    );
    expect(office.clauses).toEqual([
      { kind: 'handed_over_in', provinceCode: '520000' },
      { kind: 'domicile', regionCode: '520500', targetOnly: true },
    ]);
  });

  it('a role that gives nothing does not take away what another role gives', () => {
    const scope = scopeFor(
      subject(['system_admin', 'county_hrss'], { kind: 'county_hrss', regionCode: '520526' }),
    );
    expect(scope.clauses).toEqual([{ kind: 'holder', orgId: ORG_ID }]);
  });

  it("'all' collapses every other clause", () => {
    for (const roles of [
      ['counselor', 'ministry', 'helper'],
      ['ministry', 'partner'],
    ] as TRole[][]) {
      expect(scopeFor(subject(roles, { kind: 'ministry', regionCode: '520000' })), roles.join()).toEqual({
        clauses: [{ kind: 'all' }],
      });
    }
  });
});

describe('permission table', () => {
  it('employers cannot read graduates and use only their portal', () => {
    expect(hasPermission(['employer'], 'graduates.read')).toBe(false);
    expect(listPermissions(['employer'])).toEqual(['employer.portal']); // regions and majors stay open to them
  });

  it('graduates only get their own portal', () => {
    expect(listPermissions(['graduate'])).toEqual(['self.portal']);
  });

  it('system admins manage users and read the audit trail but never read graduates', () => {
    expect(hasPermission(['system_admin'], 'users.manage')).toBe(true);
    expect(hasPermission(['system_admin'], 'audit.read')).toBe(true);
    expect(hasPermission(['system_admin'], 'graduates.read')).toBe(false);
    expect(hasPermission(['system_admin'], 'graduates.reveal')).toBe(false);
    expect(hasPermission(['system_admin'], 'graduates.export')).toBe(false);
  });

  it('only staff roles that need it may reveal full ID numbers', () => {
    const revealers = ROLES.filter((r) => hasPermission([r], 'graduates.reveal'));
    expect(revealers.sort()).toEqual(['counselor', 'county_hrss', 'university_admin']);
  });

  it('counselors and helpers cannot read the audit trail', () => {
    expect(hasPermission(['counselor'], 'audit.read')).toBe(false);
    expect(hasPermission(['helper'], 'audit.read')).toBe(false);
  });

  it('several roles give the deduplicated union, in the table order', () => {
    const perms = listPermissions(['graduate', 'counselor', 'helper']);
    expect(perms).toEqual([
      'reference.read',
      'orgs.read',
      'graduates.read',
      'graduates.reveal',
      'cases.read',
      'cases.write',
      'self.portal',
      'opportunities.read',
      'matching.push',
    ]);
    expect(new Set(perms).size).toBe(perms.length);
    expect(listPermissions([])).toEqual([]);
    expect(hasPermission([], 'reference.read')).toBe(false);
  });

  it('every role has a permission list made only of known permissions', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS, `${role}: ${p}`).toContain(p);
    }
  });

  it('ROLE_ORG_KINDS covers every role with at least one real org kind', () => {
    expect(Object.keys(ROLE_ORG_KINDS).sort()).toEqual([...ROLES].sort());
    expect(ROLES).toHaveLength(12);
    for (const role of ROLES) {
      expect(ROLE_ORG_KINDS[role].length, role).toBeGreaterThan(0);
      for (const kind of ROLE_ORG_KINDS[role]) expect(ORG_KINDS, `${role}: ${kind}`).toContain(kind);
    }
    expect(ROLE_ORG_KINDS.system_admin).toEqual(['system']);
    expect(ROLE_ORG_KINDS.university_admin).toEqual(['university']);
  });
});
