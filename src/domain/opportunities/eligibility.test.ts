import { describe, expect, it } from 'vitest';
import {
  ageAt,
  evaluateEligibility,
  hardFailures,
  shortReasons,
  type TEligibilityOptions,
} from './eligibility.ts';
import type { TCandidateFacts, TEligibilityRule } from './types.ts';

const OPTS: TEligibilityOptions = { today: '2020-07-15' };
const facts: TCandidateFacts = {
  graduateId: 'g1',
  cohort: 2020,
  birthDate: '1990-08-01',
  level: '本科',
  majorCode: '080901',
  domicileCountyCode: '520526',
  universityProvinceCode: '52',
  isTarget: true,
  partyMember: null,
  teacherCertificate: null,
  intention: 'employment',
  preferredRegionCodes: [],
  returnHome: false,
  partnerProvinceCodes: [],
  industries: [],
  postKinds: [],
  salaryFloor: null,
};
const one = (rule: TEligibilityRule, f: Partial<TCandidateFacts> = {}, opts = OPTS) => {
  const e = evaluateEligibility([rule], { ...facts, ...f }, opts);
  return { ...e.verdicts[0]!, eligible: e.eligible };
};

describe('age', () => {
  const rule = (referenceDate: string): TEligibilityRule => ({ kind: 'max_age', years: 30, referenceDate });

  it('counts full years; the birthday itself counts as turned', () => {
    expect(ageAt('1990-08-01', '2020-07-31')).toBe(29);
    expect(ageAt('1990-08-01', '2020-08-01')).toBe(30);
    expect(ageAt('1990-08-01', '2020-08-02')).toBe(30);
    expect(ageAt('bad', '2020-08-02')).toBeNull();
  });

  it('29 February birthdays turn on 1 March in common years, on the day in leap years', () => {
    expect(ageAt('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageAt('2000-02-29', '2021-03-01')).toBe(21);
    expect(ageAt('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageAt('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('max_age: 30 on the reference date is in, 31 is out (day before, on, after the 31st birthday)', () => {
    const born = { birthDate: '1989-08-01' };
    expect(one(rule('2020-07-31'), born)).toMatchObject({ ok: true, hard: true, eligible: true });
    const on = one(rule('2020-08-01'), born);
    expect(on).toMatchObject({ ok: false, eligible: false });
    expect(on.reasonZh).toBe('年龄31岁（截至2020-08-01），超过30岁上限');
    expect(on.reasonEn).toBe('Age 31 on 2020-08-01, over the limit of 30');
    expect(one(rule('2020-08-02'), born).ok).toBe(false);
    expect(one(rule('2020-07-31'), born).reasonZh).toBe('年龄30岁（截至2020-07-31），未超过30岁上限');
  });

  it('uses today when the rule carries no valid reference date', () => {
    expect(one(rule(''), { birthDate: '1990-07-15' }).reasonZh).toContain('截至2020-07-15');
  });

  it('a missing or malformed birth date fails the hard rule and says so', () => {
    const v = one(rule('2020-08-01'), { birthDate: null });
    expect(v).toMatchObject({ ok: false, hard: true, missing: true, eligible: false });
    expect(v.reasonZh).toBe('缺少出生日期，无法核对');
    expect(one(rule('2020-08-01'), { birthDate: '1990/01/01' }).missing).toBe(true);
  });
});

describe('level', () => {
  it('min_level ranks 专科 < 本科 < 研究生', () => {
    const r: TEligibilityRule = { kind: 'min_level', level: '本科' };
    expect(one(r, { level: '本科' }).ok).toBe(true);
    expect(one(r, { level: '研究生' }).ok).toBe(true);
    const low = one(r, { level: '专科' });
    expect(low).toMatchObject({ ok: false, reasonZh: '学历专科，低于本科要求' });
    expect(low.reasonEn).toContain('below the required');
    expect(one(r, { level: null })).toMatchObject({
      ok: false,
      missing: true,
      reasonZh: '缺少学历层次，无法核对',
    });
  });

  it('levels accepts exactly the listed ones (专升本: 专科 only)', () => {
    const r: TEligibilityRule = { kind: 'levels', levels: ['专科'] };
    expect(one(r, { level: '专科' }).ok).toBe(true);
    expect(one(r, { level: '本科' })).toMatchObject({
      ok: false,
      reasonZh: '学历本科，不在限定的专科范围内',
    });
    expect(one(r, { level: '研究生' }).ok).toBe(false);
    expect(one(r, { level: null }).missing).toBe(true);
  });
});

describe('major', () => {
  const r = (codes: string[]): TEligibilityRule => ({ kind: 'major_categories', codes });

  it('matches 门类, 专业类 and 专业 prefixes; explains with category and optional name', () => {
    expect(one(r(['08'])).ok).toBe(true);
    expect(one(r(['0809'])).ok).toBe(true);
    expect(one(r(['080901'])).ok).toBe(true);
    expect(one(r(['080902'])).ok).toBe(false);
    const opts = { ...OPTS, majorName: (c: string) => (c === '080901' ? '计算机科学与技术' : null) };
    const out = one(r(['07', '12']), {}, opts);
    expect(out.ok).toBe(false);
    expect(out.reasonZh).toBe('专业（080901 计算机科学与技术 → 门类 08 工学）不在要求的 07、12 内');
    expect(out.reasonEn).toBe('Major (080901 计算机科学与技术 → category 08) is not within 07, 12');
  });

  it('ignores the catalogue suffix letters, and an empty list means 不限', () => {
    expect(one(r(['080904']), { majorCode: '080904K' }).ok).toBe(true);
    expect(one(r(['080904K']), { majorCode: '080904K' }).ok).toBe(true);
    expect(one(r([]), { majorCode: null })).toMatchObject({ ok: true, reasonZh: '专业不限' });
  });

  it('reads vocational and graduate codes; a missing major fails', () => {
    expect(one(r(['61']), { majorCode: '610205', level: '专科' }).reasonZh).toContain('门类 61 电子信息大类');
    expect(one(r(['08']), { majorCode: '0812', level: '研究生' }).ok).toBe(true);
    expect(one(r(['0812']), { majorCode: '0812', level: '研究生' }).ok).toBe(true);
    expect(one(r(['081201']), { majorCode: '0812', level: '研究生' }).ok).toBe(false);
    expect(one(r(['08']), { majorCode: null })).toMatchObject({ ok: false, missing: true });
  });
});

describe('domicile', () => {
  const r = (codes: string[]): TEligibilityRule => ({ kind: 'domicile_regions', codes });

  it('matches province, city and county prefixes; 6-digit province codes work too', () => {
    expect(one(r(['52'])).ok).toBe(true);
    expect(one(r(['520000'])).ok).toBe(true);
    expect(one(r(['5205'])).ok).toBe(true);
    expect(one(r(['520526'])).ok).toBe(true);
    expect(one(r(['5224'])).ok).toBe(false);
    expect(one(r([]), { domicileCountyCode: null }).ok).toBe(true);
  });

  it('explains with codes, and names when a lookup is given', () => {
    const out = one(r(['52']), { domicileCountyCode: '533324' });
    expect(out.reasonZh).toBe('生源地533324不在52范围内');
    const named = one(r(['52']), { domicileCountyCode: '533324' }, { ...OPTS, regionName: () => '贵州省' });
    expect(named.reasonZh).toBe('生源地533324不在52（贵州省）范围内');
    expect(one(r(['52']), { domicileCountyCode: null })).toMatchObject({ ok: false, missing: true });
  });
});

describe('cohorts, party membership, teacher certificate, target group', () => {
  it('cohorts', () => {
    const r: TEligibilityRule = { kind: 'cohorts', cohorts: [2020, 2021] };
    expect(one(r).ok).toBe(true);
    expect(one(r, { cohort: 2019 })).toMatchObject({
      ok: false,
      reasonZh: '2019届，不在限定的2020届、2021届内',
    });
  });

  it('party membership is preferred only: never excludes, unknown says 未知', () => {
    const r: TEligibilityRule = { kind: 'party_member', preferred: true };
    expect(one(r, { partyMember: true })).toMatchObject({ ok: true, hard: false, eligible: true });
    expect(one(r, { partyMember: false })).toMatchObject({ ok: false, hard: false, eligible: true });
    const unknown = one(r, { partyMember: null });
    expect(unknown).toMatchObject({ ok: false, hard: false, eligible: true });
    expect(unknown.reasonZh).toContain('未知');
  });

  it('teacher certificate is hard unless preferred; unknown is not satisfied', () => {
    const hard: TEligibilityRule = { kind: 'teacher_certificate' };
    expect(one(hard, { teacherCertificate: true })).toMatchObject({ ok: true, eligible: true });
    expect(one(hard, { teacherCertificate: false })).toMatchObject({
      ok: false,
      hard: true,
      eligible: false,
    });
    expect(one(hard, { teacherCertificate: null })).toMatchObject({
      ok: false,
      hard: true,
      reasonZh: '未登记教师资格证',
    });
    const soft: TEligibilityRule = { kind: 'teacher_certificate', preferred: true };
    expect(one(soft, { teacherCertificate: null })).toMatchObject({ ok: false, hard: false, eligible: true });
  });

  it('target_group_only admits the target group only', () => {
    expect(one({ kind: 'target_group_only' }).ok).toBe(true);
    expect(one({ kind: 'target_group_only' }, { isTarget: false })).toMatchObject({
      ok: false,
      eligible: false,
    });
  });
});

describe('the whole evaluation', () => {
  const rules: TEligibilityRule[] = [
    { kind: 'max_age', years: 30, referenceDate: '2020-08-01' },
    { kind: 'min_level', level: '本科' },
    { kind: 'major_categories', codes: ['04'] },
    { kind: 'party_member', preferred: true },
    { kind: 'teacher_certificate' },
  ];

  it('is eligible only when every hard verdict holds, one verdict per rule in order', () => {
    const e = evaluateEligibility(rules, facts, OPTS);
    expect(e.verdicts.map((x) => x.rule)).toEqual(rules.map((r) => r.kind));
    expect(e.eligible).toBe(false);
    expect(hardFailures(e).map((x) => x.rule)).toEqual(['major_categories', 'teacher_certificate']);
    expect(shortReasons(e).map((x) => x.zh)).toEqual(['专业不符', '无教师资格证']);
    const ok = evaluateEligibility(rules, { ...facts, majorCode: '040107', teacherCertificate: true }, OPTS);
    expect(ok.eligible).toBe(true);
    expect(evaluateEligibility([], facts, OPTS)).toEqual({ eligible: true, verdicts: [] });
  });

  it('is deterministic and says 信息不全 for missing facts', () => {
    const a = evaluateEligibility(rules, { ...facts, birthDate: null }, OPTS);
    expect(evaluateEligibility(rules, { ...facts, birthDate: null }, OPTS)).toEqual(a);
    expect(shortReasons(a)[0]).toEqual({ rule: 'max_age', zh: '信息不全', en: 'Information missing' });
  });
});
