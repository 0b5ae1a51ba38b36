import { describe, expect, it } from 'vitest';
import type { TCandidateFacts } from '../opportunities/types.ts';
import type { TMatchPost } from './prepare.ts';
import { rankMatches, scoreMatch } from './scorer.ts';
import { MATCH_FACTORS, MATCH_WEIGHTS } from './weights.ts';

const TODAY = '2020-07-15';
const facts: TCandidateFacts = {
  graduateId: 'g1',
  cohort: 2020,
  birthDate: '1998-03-01',
  level: '本科',
  majorCode: '080901',
  domicileCountyCode: '520526',
  universityProvinceCode: '520000',
  isTarget: true,
  partyMember: null,
  teacherCertificate: null,
  intention: 'employment',
  preferredRegionCodes: [],
  returnHome: false,
  partnerProvinceCodes: ['440000'],
  industries: [],
  postKinds: [],
  salaryFloor: null,
};
const post = (over: Partial<TMatchPost> = {}): TMatchPost => ({
  id: 'p1',
  kind: 'market_job',
  postKind: null,
  industry: null,
  regionCodes: ['520100'],
  majorPrefixes: [],
  minLevel: null,
  eligibilityRules: [],
  quotaLeft: null,
  deadline: '2020-08-31',
  salaryMin: null,
  salaryMax: null,
  employerTags: [],
  targetPriority: false,
  publishedOn: '2020-07-14',
  ...over,
});
const score = (p: Partial<TMatchPost>, f: Partial<TCandidateFacts> = {}) =>
  scoreMatch({ ...facts, ...f }, post(p), { today: TODAY });
const points = (factor: string, p: Partial<TMatchPost>, f: Partial<TCandidateFacts> = {}) =>
  score(p, f).breakdown.find((b) => b.factor === factor)!;

describe('weights', () => {
  it('sum to 100, and every breakdown adds up to its score within each maximum', () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const r = score({ employerTags: ['alumni', 'state_owned'], targetPriority: true, salaryMin: 5000 });
    expect(r.breakdown.map((b) => b.factor)).toEqual([...MATCH_FACTORS]);
    expect(r.breakdown.reduce((a, b) => a + b.points, 0)).toBe(r.score);
    for (const b of r.breakdown) {
      expect(b.points).toBeGreaterThanOrEqual(0);
      expect(b.points).toBeLessThanOrEqual(b.max);
      expect(b.reasonZh).not.toBe('');
      expect(b.reasonEn).not.toBe('');
    }
  });
});

describe('factors', () => {
  it('intention: the kind serves the intention, else nothing; an unconfirmed intention is neutral', () => {
    expect(points('intention', {}).points).toBe(12 + 2 + 1);
    expect(points('intention', { kind: 'tegang' }).points).toBe(12 + 2 + 1); // 特岗 serves employment too
    expect(points('intention', { kind: 'zhuanshengben' }).points).toBe(0 + 2 + 1);
    expect(points('intention', { kind: 'zhuanshengben' }, { intention: 'further_study' }).points).toBe(15);
    expect(points('intention', {}, { intention: null }).reasonZh).toContain('未确认');
    expect(points('intention', {}, { intention: null }).points).toBe(6 + 2 + 1);
  });

  it('intention: preferred post kinds (the post’s own, else its kind’s) and industries', () => {
    const f = { postKinds: ['state_owned' as const], industries: ['I'] };
    expect(points('intention', { postKind: 'state_owned', industry: 'I' }, f).points).toBe(20);
    expect(points('intention', { postKind: 'enterprise', industry: 'C' }, f).points).toBe(12);
    // no own post kind: market jobs count as enterprise, state-owned … so the preference is met
    expect(points('intention', { industry: 'I' }, f).points).toBe(20);
    expect(points('intention', { kind: 'conscription' }, { ...f, intention: 'military' }).points).toBe(
      12 + 0 + 1,
    );
  });

  it('major: exact major > same 专业类 > same 门类 > 不限', () => {
    expect(points('major', { majorPrefixes: ['080901'] }).points).toBe(20);
    expect(points('major', { majorPrefixes: ['0809'] }).points).toBe(15);
    expect(points('major', { majorPrefixes: ['08'] }).points).toBe(10);
    expect(points('major', { majorPrefixes: [] }).points).toBe(8);
    // the most specific accepted prefix decides
    expect(points('major', { majorPrefixes: ['08', '080901'] }).points).toBe(20);
    // a 研究生 一级学科 (4 digits) equal to the prefix is an exact match
    expect(points('major', { majorPrefixes: ['0812'] }, { level: '研究生', majorCode: '0812' }).points).toBe(
      20,
    );
    expect(points('major', { majorPrefixes: ['080901'] }).reasonZh).toBe('岗位点名要求本专业（080901）');
  });

  it('region: home county > prefecture > province > chosen regions > partner provinces > elsewhere', () => {
    const f = { preferredRegionCodes: ['330000'] };
    const region = (codes: string[], over: Partial<TCandidateFacts> = {}) =>
      points('region', { regionCodes: codes }, { ...f, returnHome: true, ...over }).points;
    const order = [['520526'], ['520502'], ['520100'], ['330100'], ['440300'], [], ['110000']].map((c) =>
      region(c),
    );
    expect(order).toEqual([24, 21, 17, 10, 6, 4, 0]);
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    // a province-wide post in the home province is the home province, a prefecture-wide one the prefecture
    expect(region(['520000'])).toBe(17);
    expect(region(['520500'])).toBe(21);
    // several regions: the best counts
    expect(region(['110000', '520526'])).toBe(24);
  });

  it('region: not insisting on home with chosen regions puts those first; elsewhere still counts a little', () => {
    const away = (codes: string[]) =>
      points('region', { regionCodes: codes }, { preferredRegionCodes: ['330000'] }).points;
    expect(away(['330100'])).toBe(24);
    expect(away(['520526'])).toBe(20);
    expect(away(['110000'])).toBe(4);
    // no chosen regions and not insisting on home: the home order, elsewhere 4
    expect(points('region', { regionCodes: ['520526'] }).points).toBe(24);
    expect(points('region', { regionCodes: ['110000'] }).points).toBe(4);
    expect(points('region', { regionCodes: ['330100'] }, { preferredRegionCodes: ['330000'] }).reasonZh).toBe(
      '工作地在期望地区',
    );
  });

  it('salary against the floor', () => {
    const f = { salaryFloor: 4000 };
    expect(points('salary', { salaryMin: 4000, salaryMax: 6000 }, f).points).toBe(10);
    expect(points('salary', { salaryMin: 3000, salaryMax: 4500 }, f).points).toBe(6);
    expect(points('salary', { salaryMin: 2500, salaryMax: 3500 }, f).points).toBe(0);
    expect(points('salary', { salaryMin: 3000, salaryMax: 4500 }).points).toBe(5); // no floor
    expect(points('salary', {}, f).points).toBe(5); // no salary stated
    expect(points('salary', { salaryMax: 5000 }, f).points).toBe(10); // one bound: both ends
    expect(points('salary', { salaryMin: 2500, salaryMax: 3500 }, f).reasonZh).toBe(
      '月薪最高3500元，低于期望4000元',
    );
  });

  it('employer tags, capped at the weight', () => {
    expect(points('employer', { employerTags: ['alumni'] }).points).toBe(2);
    expect(points('employer', { employerTags: ['industry_partner'] }).points).toBe(1);
    const all = points('employer', {
      employerTags: ['alumni', 'east_west_partner', 'state_owned', 'industry_partner'],
    });
    expect(all.points).toBe(6);
    expect(all.reasonZh).toBe('校友企业、东西部协作企业、国有企业、产教融合企业');
  });

  it('target-group priority counts for graduates in the group only', () => {
    expect(points('target', { targetPriority: true }).points).toBe(8);
    expect(points('target', { targetPriority: true }, { isTarget: false }).points).toBe(0);
    expect(points('target', {}).points).toBe(0);
  });

  it('preferred conditions met add points and explain themselves', () => {
    const rules = [{ kind: 'party_member' as const, preferred: true as const }];
    const met = points('preference', { eligibilityRules: rules }, { partyMember: true });
    expect(met.points).toBe(3);
    expect(met.reasonZh).toContain('党员');
    expect(points('preference', { eligibilityRules: rules }, { partyMember: false }).points).toBe(0);
    const both = [...rules, { kind: 'teacher_certificate' as const, preferred: true }];
    expect(
      points('preference', { eligibilityRules: both }, { partyMember: true, teacherCertificate: true })
        .points,
    ).toBe(5);
  });

  it('freshness decays with the days since publication', () => {
    const fresh = (publishedOn: string) => points('freshness', { publishedOn }).points;
    expect(
      ['2020-07-15', '2020-07-08', '2020-07-01', '2020-06-15', '2020-05-20', '2020-01-01'].map(fresh),
    ).toEqual([7, 6, 5, 3, 1, 0]);
    expect(points('freshness', { publishedOn: '2020-07-14' }).reasonZh).toBe('发布于1天前');
  });
});

describe('hard filters and near misses', () => {
  it('a post failing a filter is not eligible and says why, short and in full', () => {
    const major = score({ majorPrefixes: ['05'] });
    expect(major.eligible).toBe(false);
    expect(major.reasons.map((r) => r.labelZh)).toEqual(['专业不符']);
    expect(major.reasons[0]!.reasonZh).toContain('不在要求的 05 内');

    const closed = score({ deadline: '2020-07-14', quotaLeft: 0 });
    expect(closed.reasons.map((r) => [r.code, r.labelZh])).toEqual([
      ['deadline', '已截止'],
      ['quota', '名额已满'],
    ]);
    // the deadline day itself is still open
    expect(score({ deadline: TODAY }).eligible).toBe(true);

    const age = score(
      { eligibilityRules: [{ kind: 'max_age', years: 20, referenceDate: '2020-07-31' }] },
      { birthDate: '1998-03-01' },
    );
    expect(age.reasons[0]).toMatchObject({ code: 'max_age', labelZh: '超龄' });
    expect(age.reasons[0]!.reasonZh).toBe('年龄22岁（截至2020-07-31），超过20岁上限');

    expect(score({ minLevel: '研究生' }).reasons.map((r) => r.labelZh)).toEqual(['学历不符']);
  });

  it('rankMatches lists eligible posts as recommendations and the closest failures as near misses', () => {
    const posts = [
      post({ id: 'a' }),
      post({ id: 'b', majorPrefixes: ['05'] }),
      post({ id: 'c', deadline: '2020-07-01', majorPrefixes: ['05'], minLevel: '研究生' }),
      post({ id: 'd', quotaLeft: 0 }),
    ];
    const r = rankMatches(facts, posts, { today: TODAY });
    expect(r.recommendations.map((x) => [x.postId, x.rank])).toEqual([['a', 1]]);
    // c fails three filters: not near
    // one failure each; b scores no major points (its majors do not accept the graduate's)
    expect(r.nearMisses.map((x) => x.postId)).toEqual(['d', 'b']);
    expect(r.nearMisses.map((x) => x.reasons.map((y) => y.labelZh))).toEqual([['名额已满'], ['专业不符']]);
  });
});

describe('ranking', () => {
  const many = Array.from({ length: 40 }, (_, i) =>
    post({
      id: `p${String(i).padStart(2, '0')}`,
      kind: (['market_job', 'tegang', 'internship', 'public_welfare'] as const)[i % 4]!,
      regionCodes: [['520526'], ['520100'], ['440300'], ['110000']][i % 3]!,
      majorPrefixes: [[], ['08'], ['0809'], ['05']][i % 4]!,
      salaryMin: 2000 + 300 * (i % 7),
      salaryMax: 4000 + 300 * (i % 5),
      employerTags: i % 5 === 0 ? ['alumni'] : [],
      targetPriority: i % 6 === 0,
      publishedOn: `2020-0${5 + (i % 3)}-1${i % 10}`,
    }),
  );
  const f = { ...facts, salaryFloor: 3500, industries: ['I'], postKinds: ['enterprise' as const] };

  it('is deterministic and does not depend on the order of the posts', () => {
    const a = rankMatches(f, many, { today: TODAY, limit: 15 });
    const b = rankMatches(f, [...many].reverse(), { today: TODAY, limit: 15 });
    const shuffled = [...many].sort(
      (x, y) => ((x.id.charCodeAt(2) * 7) % 11) - ((y.id.charCodeAt(2) * 7) % 11),
    );
    const c = rankMatches(f, shuffled, { today: TODAY, limit: 15 });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(rankMatches(f, many, { today: TODAY, limit: 15 })).toEqual(a);
    expect(a.recommendations).toHaveLength(15);
    const scores = a.recommendations.map((x) => x.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('breaks ties by post id', () => {
    const twins = ['z9', 'a1', 'm5'].map((id) => post({ id }));
    const r = rankMatches(facts, twins, { today: TODAY });
    expect(new Set(r.recommendations.map((x) => x.score)).size).toBe(1);
    expect(r.recommendations.map((x) => x.postId)).toEqual(['a1', 'm5', 'z9']);
  });
});
