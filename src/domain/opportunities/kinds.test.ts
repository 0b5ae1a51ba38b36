import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTENTIONS, POST_KINDS } from '../ledger/codes.ts';
import { evaluateEligibility } from './eligibility.ts';
import { defaultRulesFor, kindFitsIntention, kindFitsPostKinds, OPPORTUNITY_KIND_META } from './kinds.ts';
import { OPPORTUNITY_KINDS, type TCandidateFacts } from './types.ts';

const destinationCodes = readFileSync(
  new URL('../../../reference/destination-codes.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0]);

const AT = { referenceDate: '2020-07-31', cohort: 2020 };

describe('opportunity kinds', () => {
  it('every kind has metadata whose codes exist', () => {
    expect(Object.keys(OPPORTUNITY_KIND_META).sort()).toEqual([...OPPORTUNITY_KINDS].sort());
    for (const kind of OPPORTUNITY_KINDS) {
      const m = OPPORTUNITY_KIND_META[kind];
      if (m.destinationCode !== null) expect(destinationCodes, kind).toContain(m.destinationCode);
      for (const i of m.intentions) expect(INTENTIONS).toContain(i);
      for (const p of m.postKinds) expect(POST_KINDS).toContain(p);
      expect(Array.isArray(defaultRulesFor(kind, AT))).toBe(true);
    }
  });

  it('sets the destinations the notice names; training and internships place no one', () => {
    const dest = (k: keyof typeof OPPORTUNITY_KIND_META) => OPPORTUNITY_KIND_META[k].destinationCode;
    expect([dest('tegang'), dest('sanzhi_yifu'), dest('western_program'), dest('village_official')]).toEqual([
      '50',
      '50',
      '50',
      '50',
    ]);
    expect([
      dest('research_assistant'),
      dest('conscription'),
      dest('zhuanshengben'),
      dest('second_degree'),
    ]).toEqual(['27', '46', '80', '80']);
    expect([dest('entrepreneurship'), dest('market_job')]).toEqual(['75', '10']);
    expect([dest('skills_training'), dest('internship')]).toEqual([null, null]);
  });

  it('fits intentions and preferred post kinds', () => {
    expect(kindFitsIntention('tegang', 'grassroots')).toBe(true);
    expect(kindFitsIntention('conscription', 'military')).toBe(true);
    expect(kindFitsIntention('zhuanshengben', 'employment')).toBe(false);
    expect(kindFitsIntention('market_job', null)).toBe(false);
    expect(kindFitsPostKinds('research_assistant', ['research_assistant'])).toBe(true);
    expect(kindFitsPostKinds('market_job', [])).toBe(false);
  });

  it('pre-fills rule templates that evaluate as expected', () => {
    expect(defaultRulesFor('tegang', AT).map((r) => r.kind)).toEqual([
      'max_age',
      'min_level',
      'teacher_certificate',
    ]);
    expect(defaultRulesFor('public_welfare', AT)).toEqual([{ kind: 'target_group_only' }]);
    const facts: TCandidateFacts = {
      graduateId: 'g',
      cohort: 2020,
      birthDate: '1998-05-01',
      level: '专科',
      majorCode: '610205',
      domicileCountyCode: '520526',
      universityProvinceCode: '52',
      isTarget: true,
      partyMember: null,
      teacherCertificate: null,
      intention: 'further_study',
      preferredRegionCodes: [],
      returnHome: false,
      partnerProvinceCodes: [],
      industries: [],
      postKinds: [],
      salaryFloor: null,
    };
    const opts = { today: '2020-07-01' };
    expect(evaluateEligibility(defaultRulesFor('zhuanshengben', AT), facts, opts).eligible).toBe(true);
    expect(
      evaluateEligibility(defaultRulesFor('zhuanshengben', AT), { ...facts, cohort: 2019 }, opts).eligible,
    ).toBe(false);
    expect(evaluateEligibility(defaultRulesFor('tegang', AT), facts, opts).eligible).toBe(false);
    expect(evaluateEligibility(defaultRulesFor('village_official', AT), facts, opts).eligible).toBe(true);
  });
});
