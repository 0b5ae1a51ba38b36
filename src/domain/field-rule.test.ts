import { describe, expect, it } from 'vitest';
import {
  fieldsFor,
  latestLeftCohort,
  MIN_AGGREGATE_CELL,
  registryCountVisible,
  type TFieldContext,
} from './field-rule.ts';
import { DEFAULT_LEDGER_RULES } from './ledger/rules.ts';
import type { TRole } from './roles.ts';
import type { TScopeSubject } from './scope.ts';

const ORG = '22222222-2222-4222-8222-222222222222';
const UNI = '33333333-3333-4333-8333-333333333333';
const OTHER_UNI = '44444444-4444-4444-8444-444444444444';

const who = (roles: TRole[], regionCode: string | null = null, universityId: string | null = null) =>
  ({ id: 'u1', roles, org: { id: ORG, kind: 'ministry', regionCode, universityId } }) as TScopeSubject;

/** A Sichuan-domiciled graduate at a Guizhou university, in Sichuan's registry, case at school. */
const record = (over: Partial<TFieldContext> = {}): TFieldContext => ({
  universityId: UNI,
  universityProvinceCode: '520000',
  domicileCountyCode: '513431',
  userId: 'g-user',
  registry: { orgId: 'sc-poverty', countyCode: '513431' },
  case: { holderOrgId: UNI, holderRegionCode: '520100', handedOver: false },
  ...over,
});

describe('fieldsFor (DESIGN §5 table)', () => {
  it('ministry: every record, no registry fields per person, no reveal', () => {
    expect(fieldsFor(who(['ministry']), record())).toMatchObject({
      view: 'full',
      registry: false,
      caseNotes: true,
      reveal: false,
    });
  });

  it("province education: registry fields only from its own province's registry", () => {
    const gz = who(['province_education'], '520000');
    expect(fieldsFor(gz, record())).toMatchObject({ view: 'full', registry: false, caseNotes: true });
    const sc = who(['province_education'], '510000');
    // 生源 view of its domiciled graduate at a Guizhou university: registry yes, case notes no
    expect(fieldsFor(sc, record())).toMatchObject({ view: 'full', registry: true, caseNotes: false });
    // no registry match: the roster's difficulty category is its own universities' data only
    expect(fieldsFor(gz, record({ registry: null })).registry).toBe(true);
    expect(fieldsFor(sc, record({ registry: null })).registry).toBe(false);
    expect(fieldsFor(gz, record()).reveal).toBe(false);
  });

  it('county HRSS: the full case once handed over to it, a minimal row otherwise', () => {
    const bureau = who(['county_hrss'], '513431');
    expect(fieldsFor(bureau, record())).toEqual({
      view: 'minimal',
      registry: false,
      flags: false,
      caseNotes: false,
      privateNotes: false,
      reveal: false,
    });
    const handed = record({ case: { holderOrgId: ORG, holderRegionCode: '513431', handedOver: true } });
    expect(fieldsFor(bureau, handed)).toMatchObject({
      view: 'full',
      registry: true,
      caseNotes: true,
      reveal: true,
    });
  });

  it('province HRSS: full for cases handed over in its province only', () => {
    const sc = who(['province_hrss'], '510000');
    const handed = record({ case: { holderOrgId: 'bureau', holderRegionCode: '513431', handedOver: true } });
    expect(fieldsFor(sc, handed)).toMatchObject({ view: 'full', registry: true, caseNotes: true });
    expect(fieldsFor(who(['province_hrss'], '520000'), handed).view).toBe('minimal');
    expect(fieldsFor(sc, record()).view).toBe('minimal');
  });

  it('poverty office: registry fields of the registry it uploaded only, never case notes', () => {
    const office = { ...who(['poverty_office'], '510000'), org: { ...who([]).org, id: 'sc-poverty' } };
    office.org.regionCode = '510000';
    expect(fieldsFor(office, record())).toMatchObject({ registry: true, caseNotes: false, reveal: false });
    const other = record({ registry: { orgId: 'gz-poverty', countyCode: '513431' } });
    expect(fieldsFor(office, other).registry).toBe(false);
  });

  it('university admin and counselor: everything incl. private notes and reveal; helper: no reveal', () => {
    expect(fieldsFor(who(['university_admin'], '520100', UNI), record())).toMatchObject({
      registry: true,
      privateNotes: true,
      reveal: true,
    });
    expect(fieldsFor(who(['university_admin'], '520100', OTHER_UNI), record()).view).toBe('minimal');
    expect(fieldsFor(who(['counselor']), record())).toMatchObject({ privateNotes: true, reveal: true });
    expect(fieldsFor(who(['helper']), record())).toMatchObject({
      registry: true,
      privateNotes: false,
      reveal: false,
    });
  });

  it('partner and employer: minimal, never a registry field, flag, note or reveal', () => {
    for (const role of ['partner', 'employer'] as const) {
      expect(fieldsFor(who([role]), record()), role).toEqual({
        view: 'minimal',
        registry: false,
        flags: false,
        caseNotes: false,
        privateNotes: false,
        reveal: false,
      });
    }
  });

  it('graduate: own record with its registry fields; someone else’s: nothing', () => {
    const me = { ...who(['graduate']), id: 'g-user' };
    expect(fieldsFor(me, record())).toMatchObject({ view: 'full', registry: true, privateNotes: false });
    expect(fieldsFor(me, record({ userId: 'other' })).view).toBe('minimal');
  });

  it('several roles: the union of what each gives', () => {
    const both = who(['university_admin', 'helper'], '520100', OTHER_UNI);
    expect(fieldsFor(both, record())).toMatchObject({ view: 'full', privateNotes: false, reveal: false });
    expect(fieldsFor(who(['system_admin']), record()).view).toBe('minimal');
  });
});

describe('latestLeftCohort', () => {
  it('is this year only after the leaving day (China time) has ended', () => {
    const rules = DEFAULT_LEDGER_RULES; // leaves on 06-30
    expect(latestLeftCohort(new Date('2026-06-30T15:00:00Z'), rules)).toBe(2025);
    expect(latestLeftCohort(new Date('2026-06-30T16:00:00Z'), rules)).toBe(2026);
    expect(latestLeftCohort(new Date('2026-12-31T17:00:00Z'), rules)).toBe(2026);
  });
});

describe('registryCountVisible', () => {
  it('shows the registered-poor count to per-record holders, to the ministry above the cell size, to no one else', () => {
    expect(registryCountVisible(['university_admin'], 1)).toBe(true);
    expect(registryCountVisible(['counselor'], 0)).toBe(true);
    expect(registryCountVisible(['ministry'], MIN_AGGREGATE_CELL)).toBe(true);
    expect(registryCountVisible(['ministry'], MIN_AGGREGATE_CELL - 1)).toBe(false);
    for (const role of [
      'province_education',
      'province_hrss',
      'county_hrss',
      'poverty_office',
      'partner',
    ] as const)
      expect(registryCountVisible([role], 100_000), role).toBe(false);
  });
});
