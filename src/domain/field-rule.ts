import { leavingDate, type TLedgerRules } from './ledger/rules.ts';
import type { TRole } from './roles.ts';
import type { TScopeSubject } from './scope.ts';

/*
 * THE field rule (DESIGN §5, docs/security.md "Roles × records × fields"): of a graduate the scope function
 * (scope.ts) lets the user see, which fields. Every presenter of graduate or case data (list, export, case page,
 * reveal) asks here; none decides on its own.
 */

/** What the rule needs to know about one record besides what the scope already decided. */
export type TFieldContext = {
  universityId: string;
  universityProvinceCode: string;
  /** current domicile county code */
  domicileCountyCode: string | null;
  /** the graduate's account, for the self view */
  userId?: string | null;
  /** where the registry match came from (null: not in any registry) */
  registry: { orgId: string | null; countyCode: string | null } | null;
  /** the case, if one is open: who holds it and whether it was handed over to HRSS */
  case: { holderOrgId: string; holderRegionCode: string | null; handedOver: boolean } | null;
};

/** Which fields of the record the user gets. */
export type TFieldAccess = {
  /** 'minimal': name, university, level, major, cohort, status only (no ID, phone, domicile, class) */
  view: 'full' | 'minimal';
  /** household ref, registry batch, difficulty category, the registered-poor flag */
  registry: boolean;
  /** target-group flags (focus county, in target group) and their reasons */
  flags: boolean;
  /** the case timeline, plan and files */
  caseNotes: boolean;
  /** staff-private notes (counselor and university admin) */
  privateNotes: boolean;
  /** the full ID number may be revealed (still needs the permission, a reason and an audit record) */
  reveal: boolean;
};

export const NO_FIELDS: TFieldAccess = {
  view: 'minimal',
  registry: false,
  flags: false,
  caseNotes: false,
  privateNotes: false,
  reveal: false,
};
const FULL: TFieldAccess = {
  view: 'full',
  registry: true,
  flags: true,
  caseNotes: true,
  privateNotes: false,
  reveal: false,
};

const province2 = (code: string | null | undefined) => (code ? code.slice(0, 2) : null);

/** Within the region (province xx0000, prefecture xxxx00 or county)? */
function inRegion(county: string | null, region: string | null): boolean {
  if (!county || !region) return false;
  if (region.slice(2) === '0000') return county.slice(0, 2) === region.slice(0, 2);
  if (region.slice(4) === '00') return county.slice(0, 4) === region.slice(0, 4);
  return county === region;
}

/** One role's access to a record in the user's scope (null: this role is not why the user sees it). */
function roleAccess(role: TRole, user: TScopeSubject, r: TFieldContext): TFieldAccess | null {
  const region = user.org.regionCode;
  switch (role) {
    case 'ministry':
      // everything, but registry data only in aggregates (counts), never per person
      return { ...FULL, registry: false };
    case 'province_education': {
      const p = province2(region);
      const ownUniversity = !!p && province2(r.universityProvinceCode) === p;
      const domiciled = !!p && province2(r.domicileCountyCode) === p;
      if (!ownUniversity && !domiciled) return null;
      // registry fields only from its own province's registry; without a registry match the difficulty
      // category is the roster's, i.e. its own universities'
      const registry = r.registry ? province2(r.registry.countyCode) === p : ownUniversity;
      return { ...FULL, registry, caseNotes: ownUniversity };
    }
    case 'province_hrss':
    case 'county_hrss': {
      const c = r.case;
      const held =
        !!c &&
        (role === 'county_hrss'
          ? c.holderOrgId === user.org.id
          : c.handedOver && !!region && province2(c.holderRegionCode) === province2(region));
      if (held) return { ...FULL, reveal: true };
      // the pre-handover list after the leaving date: minimal, nothing else
      return { ...NO_FIELDS };
    }
    case 'poverty_office':
      if (!inRegion(r.domicileCountyCode, region)) return null;
      return { ...FULL, registry: r.registry?.orgId === user.org.id, caseNotes: false };
    case 'university_admin':
      if (!user.org.universityId || r.universityId !== user.org.universityId) return null;
      return { ...FULL, privateNotes: true, reveal: true };
    case 'counselor':
      // in scope through the counselor clause = a graduate of the counselor's classes
      return { ...FULL, privateNotes: true, reveal: true };
    case 'helper':
      return { ...FULL };
    case 'graduate':
      if (!r.userId || r.userId !== user.id) return null;
      return { ...FULL, reveal: true };
    case 'partner':
    case 'employer':
      return { ...NO_FIELDS };
    case 'system_admin':
      return null;
  }
}

/**
 * THE field rule: the fields of one record (already in the user's scope) the user may see. Several roles give
 * the union of what each gives; a record no role accounts for gets the minimal view with nothing else.
 */
export function fieldsFor(user: TScopeSubject, record: TFieldContext): TFieldAccess {
  let out: TFieldAccess | null = null;
  for (const role of user.roles) {
    const a = roleAccess(role, user, record);
    if (!a) continue;
    out = out
      ? {
          view: out.view === 'full' || a.view === 'full' ? 'full' : 'minimal',
          registry: out.registry || a.registry,
          flags: out.flags || a.flags,
          caseNotes: out.caseNotes || a.caseNotes,
          privateNotes: out.privateNotes || a.privateNotes,
          reveal: out.reveal || a.reveal,
        }
      : a;
  }
  return out ?? { ...NO_FIELDS };
}

/**
 * The latest cohort that has left school at `now` (its leaving date is past): the HRSS bureaus' pre-handover
 * list covers cohorts up to it.
 */
export function latestLeftCohort(now: Date, rules: TLedgerRules): number {
  // the leaving date is a China date: take the year in UTC+8
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  return now.getTime() > leavingDate(year, rules).getTime() ? year : year - 1;
}

/** Roles that see the registry fields of every record in their scope. */
const REGISTRY_EVERYWHERE: readonly TRole[] = ['university_admin', 'counselor', 'helper', 'graduate'];

/**
 * Whether the user may filter by registry-derived fields (registered-poor, difficulty category). Only roles
 * that see those fields on every record they see: elsewhere a filter would tell, record by record (or by a
 * count narrowed to one name), what the field rule hides.
 */
export function registryFiltersAllowed(roles: readonly TRole[]): boolean {
  return roles.length > 0 && roles.every((r) => REGISTRY_EVERYWHERE.includes(r));
}

/**
 * Below this many graduates in a selection, a count of a registry-derived field is withheld from roles that
 * see it only in aggregate (small-cell suppression): a count over a selection narrowed to a few names would
 * tell what the field rule hides record by record.
 */
export const MIN_AGGREGATE_CELL = 10;

/**
 * Whether a count of registered-poor graduates over a selection of `total` may be shown: to roles that see
 * the registry fields of every record, always; to the ministry (aggregates only, DESIGN §5) for selections of
 * at least MIN_AGGREGATE_CELL; to every other role never, since its per-record rule hides the field on part
 * of what it sees.
 */
export function registryCountVisible(roles: readonly TRole[], total: number): boolean {
  if (registryFiltersAllowed(roles)) return true;
  return roles.includes('ministry') && total >= MIN_AGGREGATE_CELL;
}
