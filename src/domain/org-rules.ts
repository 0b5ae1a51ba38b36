import { type TOrgKind, toProvinceCode } from './orgs.ts';
import type { TRole } from './roles.ts';

/*
 * Rules of the org tree, shared by the server (which enforces them) and the web app (which offers only what
 * will pass). Pure: the caller looks up the parent, the region's level and the actor's org.
 */

/**
 * Kinds created and edited through the org tree. `system` is made once by `bangfu init`; employers register
 * themselves and are approved through the employers module (their org carries a profile), so neither is here.
 */
export const MANAGED_ORG_KINDS = [
  'ministry',
  'province_education',
  'province_hrss',
  'poverty_office',
  'county_hrss',
  'university',
  'college',
  'partner',
] as const satisfies readonly TOrgKind[];
export type TManagedOrgKind = (typeof MANAGED_ORG_KINDS)[number];

export const isManagedKind = (kind: string): kind is TManagedOrgKind =>
  (MANAGED_ORG_KINDS as readonly string[]).includes(kind);

/** Where each kind may hang: `null` is the top level. Mirrors the demo tree and the chain of command. */
export const PARENT_KINDS: Record<TManagedOrgKind, readonly (TOrgKind | null)[]> = {
  ministry: [null],
  province_education: [null, 'ministry'],
  province_hrss: [null, 'ministry'],
  poverty_office: [null, 'ministry'],
  county_hrss: [null, 'province_hrss'],
  university: [null, 'ministry', 'province_education'],
  college: ['university'],
  partner: [null, 'partner'],
};

/** Region levels (1 province, 2 prefecture, 3 county) a kind may sit in; `none`: it has no region. */
export const REGION_LEVELS_OF_KIND: Record<TManagedOrgKind, 'none' | readonly number[]> = {
  ministry: 'none',
  province_education: [1],
  province_hrss: [1],
  poverty_office: [1],
  county_hrss: [3],
  university: [1, 2, 3],
  college: [1, 2, 3],
  partner: [1, 2, 3],
};

export type TOrgPlacement = {
  kind: TOrgKind;
  regionCode: string | null;
  /** level of regionCode in the region table; undefined when the code is not a known region */
  regionLevel?: number;
  parent: { id: string; kind: TOrgKind; regionCode: string | null } | null;
  moeCode?: string | null;
  schoolIdCode?: string | null;
};

/** Stable codes of what is wrong with a placement; the server turns them into zh/en messages. */
export type TOrgProblem =
  | 'kind_not_managed'
  | 'parent_kind'
  | 'region_required'
  | 'region_not_allowed'
  | 'region_unknown'
  | 'region_level'
  | 'region_outside_parent'
  | 'university_codes_only'
  | 'moe_code_format'
  | 'school_id_code_format'
  | 'school_id_code_mismatch';

/** Everything wrong with an org's kind, region, parent and codes; empty when it may be saved. */
export function orgPlacementProblems(o: TOrgPlacement): TOrgProblem[] {
  if (!isManagedKind(o.kind)) return ['kind_not_managed'];
  const problems: TOrgProblem[] = [];
  if (!PARENT_KINDS[o.kind].includes(o.parent?.kind ?? null)) problems.push('parent_kind');
  const levels = REGION_LEVELS_OF_KIND[o.kind];
  if (levels === 'none') {
    if (o.regionCode) problems.push('region_not_allowed');
  } else if (!o.regionCode) {
    problems.push('region_required');
  } else if (o.regionLevel === undefined) {
    problems.push('region_unknown');
  } else if (!levels.includes(o.regionLevel)) {
    problems.push('region_level');
  }
  // a county bureau under its province's department, a university under its province's education department
  if (
    o.regionCode &&
    o.parent?.regionCode &&
    toProvinceCode(o.regionCode) !== toProvinceCode(o.parent.regionCode)
  ) {
    problems.push('region_outside_parent');
  }
  if (o.kind !== 'university' && (o.moeCode || o.schoolIdCode)) problems.push('university_codes_only');
  if (o.moeCode && !/^\d{5}$/.test(o.moeCode)) problems.push('moe_code_format');
  if (o.schoolIdCode && !/^\d{10}$/.test(o.schoolIdCode)) problems.push('school_id_code_format');
  // the 学校标识码 ends with the 院校代码 (true of every row of the 2020 list)
  if (o.moeCode && o.schoolIdCode && o.schoolIdCode.slice(5) !== o.moeCode)
    problems.push('school_id_code_mismatch');
  return problems;
}

export type TOrgActor = {
  roles: readonly TRole[];
  org: { id: string; kind: TOrgKind; regionCode: string | null };
};

/** What a province department manages within its own province. */
const PROVINCE_DEPARTMENT_KINDS: Partial<Record<TRole, readonly TManagedOrgKind[]>> = {
  province_education: ['university', 'college'],
  province_hrss: ['county_hrss'],
  poverty_office: ['partner'],
};

/**
 * The scope of `orgs.manage`: may the actor hold an org of this kind, region and parent? The system admin
 * manages every managed kind; a province department the kinds below it (education: universities and their
 * colleges, HRSS: county bureaus, poverty office: partner organisations) within its province; a university
 * admin the colleges of their own university. Edits and moves must pass for the org both before and after.
 */
export function canManageOrg(
  actor: TOrgActor,
  org: { kind: TOrgKind; regionCode: string | null; parentId: string | null },
): boolean {
  const kind = org.kind;
  if (!isManagedKind(kind)) return false;
  return actor.roles.some((role) => {
    if (role === 'system_admin') return true;
    if (role === 'university_admin') {
      return actor.org.kind === 'university' && kind === 'college' && org.parentId === actor.org.id;
    }
    const kinds = PROVINCE_DEPARTMENT_KINDS[role];
    if (!kinds?.includes(kind) || !actor.org.regionCode || !org.regionCode) return false;
    return toProvinceCode(org.regionCode) === toProvinceCode(actor.org.regionCode);
  });
}

/** The kinds an actor may create at all (the page offers only these). */
export function creatableKinds(actor: TOrgActor): TManagedOrgKind[] {
  const kinds = new Set<TManagedOrgKind>();
  for (const role of actor.roles) {
    if (role === 'system_admin') for (const k of MANAGED_ORG_KINDS) kinds.add(k);
    if (role === 'university_admin' && actor.org.kind === 'university') kinds.add('college');
    for (const k of PROVINCE_DEPARTMENT_KINDS[role] ?? []) kinds.add(k);
  }
  return MANAGED_ORG_KINDS.filter((k) => kinds.has(k));
}
