import { describe, expect, it } from 'vitest';
import { canManageOrg, creatableKinds, orgPlacementProblems, type TOrgActor } from './org-rules.ts';
import type { TRole } from './roles.ts';

const actor = (
  role: TRole,
  kind: TOrgActor['org']['kind'],
  regionCode: string | null,
  id = 'me',
): TOrgActor => ({
  roles: [role],
  org: { id, kind, regionCode },
});
const admin = actor('system_admin', 'system', null);
const gzEdu = actor('province_education', 'province_education', '520000');
const gzHrss = actor('province_hrss', 'province_hrss', '520000');
const gzPoverty = actor('poverty_office', 'poverty_office', '520000');
const gzu = actor('university_admin', 'university', '520100', 'gzu');

describe('canManageOrg', () => {
  it('lets the system admin manage every kind of the tree, but not the platform org or employers', () => {
    for (const kind of [
      'ministry',
      'province_hrss',
      'county_hrss',
      'university',
      'college',
      'partner',
    ] as const)
      expect(canManageOrg(admin, { kind, regionCode: '520100', parentId: null }), kind).toBe(true);
    expect(canManageOrg(admin, { kind: 'system', regionCode: null, parentId: null })).toBe(false);
    expect(canManageOrg(admin, { kind: 'employer', regionCode: '520100', parentId: null })).toBe(false);
  });

  it('keeps a province education department to universities and colleges of its province', () => {
    expect(canManageOrg(gzEdu, { kind: 'university', regionCode: '520100', parentId: 'edu' })).toBe(true);
    expect(canManageOrg(gzEdu, { kind: 'college', regionCode: '520526', parentId: 'x' })).toBe(true);
    expect(canManageOrg(gzEdu, { kind: 'university', regionCode: '510100', parentId: 'x' })).toBe(false);
    expect(canManageOrg(gzEdu, { kind: 'county_hrss', regionCode: '520526', parentId: 'x' })).toBe(false);
    expect(canManageOrg(gzEdu, { kind: 'province_education', regionCode: '520000', parentId: null })).toBe(
      false,
    );
  });

  it('keeps a province HRSS department to county bureaus of its province', () => {
    expect(canManageOrg(gzHrss, { kind: 'county_hrss', regionCode: '520526', parentId: 'h' })).toBe(true);
    expect(canManageOrg(gzHrss, { kind: 'county_hrss', regionCode: '450100', parentId: 'h' })).toBe(false);
    expect(canManageOrg(gzHrss, { kind: 'university', regionCode: '520100', parentId: null })).toBe(false);
  });

  it('keeps a poverty office to partner organisations of its province', () => {
    expect(canManageOrg(gzPoverty, { kind: 'partner', regionCode: '520100', parentId: null })).toBe(true);
    expect(canManageOrg(gzPoverty, { kind: 'partner', regionCode: '440000', parentId: null })).toBe(false);
    expect(canManageOrg(gzPoverty, { kind: 'county_hrss', regionCode: '520526', parentId: null })).toBe(
      false,
    );
  });

  it('keeps a university admin to the colleges of their own university', () => {
    expect(canManageOrg(gzu, { kind: 'college', regionCode: '520100', parentId: 'gzu' })).toBe(true);
    expect(canManageOrg(gzu, { kind: 'college', regionCode: '520100', parentId: 'other' })).toBe(false);
    expect(canManageOrg(gzu, { kind: 'university', regionCode: '520100', parentId: null })).toBe(false);
  });

  it('refuses every other role, whatever the org', () => {
    const others: TRole[] = [
      'counselor',
      'helper',
      'county_hrss',
      'ministry',
      'partner',
      'employer',
      'graduate',
    ];
    for (const role of others) {
      const a = actor(role, 'university', '520100', 'gzu');
      expect(canManageOrg(a, { kind: 'college', regionCode: '520100', parentId: 'gzu' }), role).toBe(false);
      expect(creatableKinds(a), role).toEqual([]);
    }
  });

  it('offers each actor the kinds it may create', () => {
    expect(creatableKinds(gzEdu)).toEqual(['university', 'college']);
    expect(creatableKinds(gzu)).toEqual(['college']);
    expect(creatableKinds(admin)).toHaveLength(8);
  });
});

describe('orgPlacementProblems', () => {
  const hrss = { id: 'h', kind: 'province_hrss' as const, regionCode: '520000' };
  const uni = { id: 'u', kind: 'university' as const, regionCode: '520100' };

  it('accepts the shapes of the demo tree', () => {
    expect(orgPlacementProblems({ kind: 'ministry', regionCode: null, parent: null })).toEqual([]);
    expect(
      orgPlacementProblems({ kind: 'county_hrss', regionCode: '520526', regionLevel: 3, parent: hrss }),
    ).toEqual([]);
    expect(
      orgPlacementProblems({
        kind: 'university',
        regionCode: '520100',
        regionLevel: 2,
        parent: null,
        moeCode: '10657',
        schoolIdCode: '4152010657',
      }),
    ).toEqual([]);
  });

  it('checks the parent kind: a college only under a university, a ministry only at the top', () => {
    expect(
      orgPlacementProblems({ kind: 'college', regionCode: '520100', regionLevel: 2, parent: null }),
    ).toEqual(['parent_kind']);
    expect(orgPlacementProblems({ kind: 'ministry', regionCode: null, parent: uni })).toContain(
      'parent_kind',
    );
  });

  it('checks the region: required, known, of the right level, in the parent’s province', () => {
    expect(orgPlacementProblems({ kind: 'county_hrss', regionCode: null, parent: hrss })).toEqual([
      'region_required',
    ]);
    expect(orgPlacementProblems({ kind: 'county_hrss', regionCode: '529999', parent: hrss })).toEqual([
      'region_unknown',
    ]);
    expect(
      orgPlacementProblems({ kind: 'province_hrss', regionCode: '520100', regionLevel: 2, parent: null }),
    ).toEqual(['region_level']);
    expect(
      orgPlacementProblems({ kind: 'county_hrss', regionCode: '450123', regionLevel: 3, parent: hrss }),
    ).toEqual(['region_outside_parent']);
    expect(
      orgPlacementProblems({ kind: 'ministry', regionCode: '110000', regionLevel: 1, parent: null }),
    ).toEqual(['region_not_allowed']);
  });

  it('checks the university codes: 5 and 10 digits, the identifier ending with the code, universities only', () => {
    const base = { kind: 'university' as const, regionCode: '520100', regionLevel: 2, parent: null };
    expect(orgPlacementProblems({ ...base, moeCode: '1065', schoolIdCode: '415201065' })).toEqual([
      'moe_code_format',
      'school_id_code_format',
    ]);
    expect(orgPlacementProblems({ ...base, moeCode: '10657', schoolIdCode: '4152010658' })).toEqual([
      'school_id_code_mismatch',
    ]);
    expect(orgPlacementProblems({ ...base, kind: 'college', parent: uni, moeCode: '10657' })).toEqual([
      'university_codes_only',
    ]);
  });

  it('refuses kinds the tree does not manage', () => {
    expect(orgPlacementProblems({ kind: 'employer', regionCode: '520100', parent: null })).toEqual([
      'kind_not_managed',
    ]);
  });
});
