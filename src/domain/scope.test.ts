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
    expect(scopeFor(county).clauses).toEqual([{ kind: 'county', countyCode: '520526' }]);
  });

  it('partners and employers never see case files', () => {
    expect(scopeFor(subject(['partner'], { kind: 'partner' }), 'case').clauses).toEqual([]);
    expect(scopeFor(subject(['employer'], { kind: 'employer' }), 'case').clauses).toEqual([]);
  });

  it('the other roles see the same cases as graduates', () => {
    const admin = subject(['university_admin'], { kind: 'university', universityId: UNIVERSITY_ID });
    expect(scopeFor(admin, 'case')).toEqual(scopeFor(admin));
    const counselor = subject(['counselor'], { kind: 'college' });
    expect(scopeFor(counselor, 'case')).toEqual(scopeFor(counselor));
    const me = subject(['graduate'], { kind: 'university' });
    expect(scopeFor(me, 'case')).toEqual(scopeFor(me));
  });
});

describe('scopeFor, one role at a time', () => {
  it('ministry sees everything', () => {
    expect(scopeFor(subject(['ministry'], { kind: 'ministry', regionCode: null }))).toEqual({
      clauses: [{ kind: 'all' }],
    });
  });

  it.each(['province_education', 'province_hrss'] as const)(
    '%s sees the province of its org region, whatever level the region code is',
    (role) => {
      for (const regionCode of ['520000', '520500', '522427']) {
        expect(scopeFor(subject([role], { kind: role, regionCode })), regionCode).toEqual({
          clauses: [{ kind: 'province', provinceCode: '520000' }],
        });
      }
    },
  );

  it('poverty office sees the region it serves: province, prefecture or county', () => {
    const at = (regionCode: string) =>
      scopeFor(subject(['poverty_office'], { kind: 'poverty_office', regionCode }));
    expect(at('520000')).toEqual({ clauses: [{ kind: 'province', provinceCode: '520000' }] });
    expect(at('520500')).toEqual({ clauses: [{ kind: 'prefecture', prefectureCode: '520500' }] });
    expect(at('520526')).toEqual({ clauses: [{ kind: 'county', countyCode: '520526' }] });
  });

  it('county HRSS sees its county, and nothing when its org is not at county level', () => {
    expect(scopeFor(subject(['county_hrss'], { kind: 'county_hrss', regionCode: '520526' }))).toEqual({
      clauses: [{ kind: 'county', countyCode: '520526' }],
    });
    expect(scopeFor(subject(['county_hrss'], { kind: 'county_hrss', regionCode: '520500' }))).toEqual({
      clauses: [],
    });
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

  it.each(['province_education', 'province_hrss', 'poverty_office', 'county_hrss'] as const)(
    '%s with no region on its org sees nothing (fail closed)',
    (role) => {
      expect(scopeFor(subject([role], { kind: role, regionCode: null }))).toEqual({ clauses: [] });
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
      { kind: 'province', provinceCode: '520000' },
      { kind: 'prefecture', prefectureCode: '520500' },
    ]);
  });

  it('a role that gives nothing does not take away what another role gives', () => {
    const scope = scopeFor(
      subject(['system_admin', 'county_hrss'], { kind: 'county_hrss', regionCode: '520526' }),
    );
    expect(scope.clauses).toEqual([{ kind: 'county', countyCode: '520526' }]);
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
    expect(listPermissions(['employer'])).toEqual(['reference.read', 'employer.portal']);
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
