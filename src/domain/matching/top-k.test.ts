import { describe, expect, it } from 'vitest';
import { INTENTIONS, POST_KINDS } from '../ledger/codes.ts';
import { EMPLOYER_TAGS } from '../opportunities/codes.ts';
import { evaluateEligibility, hardFailures } from '../opportunities/eligibility.ts';
import { OPPORTUNITY_KINDS, type TCandidateFacts, type TEligibilityRule } from '../opportunities/types.ts';
import { LEVELS } from '../registry/fields.ts';
import { bruteForceTopK } from './brute-force.ts';
import { countPreferredMet, eligibilitySummary, scorePrepared } from './factors.ts';
import { buildPostIndex } from './post-index.ts';
import { prepareCandidate, preparePost, type TMatchPost } from './prepare.ts';
import { TopKSearch } from './top-k.ts';

/*
 * The engine against the brute-force reference on random data drawn from small code spaces, so that regions,
 * majors, rules and scores collide often: ties, multi-region and multi-major posts, every region mode, unknown
 * facts, closed posts.
 */

function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)]!;
  const some = <T>(a: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(a))),
  ];
  return { next, pick, some, chance: (p: number) => next() < p };
}

const TODAY = '2020-07-15';
const REGIONS = [
  '520000',
  '520100',
  '520102',
  '520526',
  '520500',
  '520502',
  '440000',
  '440300',
  '440305',
  '330000',
  '330100',
  '110000',
  '530100',
];
const MAJORS = [
  ['08'],
  ['0809'],
  ['080901'],
  ['05', '08'],
  ['0812'],
  ['51'],
  ['5101', '080902'],
  ['08', '080901'],
];
const HOMES = ['520526', '520502', '520102', '440305', '530102', '52', '5205', null];
const GRAD_MAJORS = ['080901', '080902', '080101', '0812', '050101', '510101', '080904K', '', null];
const INDUSTRY = ['C', 'I', 'P', 'Q', 'F'];

function randomRules(r: ReturnType<typeof rng>): TEligibilityRule[] {
  const rules: TEligibilityRule[] = [];
  if (r.chance(0.3))
    rules.push({ kind: 'max_age', years: r.pick([22, 24, 30]), referenceDate: '2020-07-31' });
  if (r.chance(0.15)) rules.push({ kind: 'levels', levels: r.some(LEVELS, 2).concat('本科') });
  if (r.chance(0.15))
    rules.push({ kind: 'domicile_regions', codes: r.some(['52', '5205', '520526', '44'], 2).concat('53') });
  if (r.chance(0.2)) rules.push({ kind: 'party_member', preferred: true });
  if (r.chance(0.15)) rules.push({ kind: 'teacher_certificate', preferred: r.chance(0.5) });
  if (r.chance(0.1)) rules.push({ kind: 'target_group_only' });
  if (r.chance(0.1)) rules.push({ kind: 'cohorts', cohorts: [r.pick([2019, 2020])] });
  if (r.chance(0.05)) rules.push({ kind: 'major_categories', codes: [r.pick(['08', '0809', '05'])] });
  return rules;
}

function randomPost(r: ReturnType<typeof rng>, n: number): TMatchPost {
  const lo = r.chance(0.7) ? 2000 + 500 * Math.floor(r.next() * 8) : null;
  return {
    id: `p${String(n).padStart(4, '0')}${r.pick(['a', 'b'])}`,
    kind: r.pick(OPPORTUNITY_KINDS),
    postKind: r.chance(0.5) ? r.pick(POST_KINDS) : null,
    industry: r.chance(0.6) ? r.pick(INDUSTRY) : null,
    regionCodes: r.chance(0.1) ? [] : r.some(REGIONS, 2).concat(r.pick(REGIONS)),
    majorPrefixes: r.chance(0.4) ? [] : r.pick(MAJORS),
    minLevel: r.chance(0.5) ? null : r.pick(LEVELS),
    eligibilityRules: randomRules(r),
    quotaLeft: r.chance(0.7) ? null : r.pick([0, 1, 5]),
    deadline: r.chance(0.9) ? '2020-08-31' : '2020-07-01',
    salaryMin: lo,
    salaryMax: lo !== null && r.chance(0.7) ? lo + 1000 : null,
    employerTags: r.some(EMPLOYER_TAGS, 2),
    targetPriority: r.chance(0.3),
    publishedOn: `2020-0${r.pick([5, 6, 7])}-${String(1 + Math.floor(r.next() * 14)).padStart(2, '0')}`,
  };
}

function randomFacts(r: ReturnType<typeof rng>, n: number): TCandidateFacts {
  const major = r.pick(GRAD_MAJORS);
  return {
    graduateId: `g${n}`,
    cohort: r.pick([2019, 2020]),
    birthDate: r.chance(0.9) ? `${r.pick([1990, 1996, 1998, 2000])}-0${r.pick([1, 7, 9])}-15` : null,
    level: r.chance(0.9) ? (major?.length === 4 ? '研究生' : r.pick(['本科', '专科'] as const)) : null,
    majorCode: major,
    domicileCountyCode: r.pick(HOMES),
    universityProvinceCode: '520000',
    isTarget: r.chance(0.8),
    partyMember: r.pick([true, false, null]),
    teacherCertificate: r.pick([true, false, null]),
    intention: r.chance(0.85) ? r.pick(INTENTIONS) : null,
    preferredRegionCodes: r.some(['330000', '4403', '520502', '110000', '52', '440305', '', '5'], 2),
    returnHome: r.chance(0.4),
    partnerProvinceCodes: r.some(['440000', '330000'], 1),
    industries: r.some(INDUSTRY, 2),
    postKinds: r.some(POST_KINDS, 2),
    salaryFloor: r.chance(0.6) ? 2500 + 500 * Math.floor(r.next() * 6) : null,
  };
}

describe('top-K engine', () => {
  for (const [seed, nPosts, k] of [
    [1, 400, 20],
    [2, 400, 5],
    [3, 1500, 20],
    [4, 60, 20],
  ] as const) {
    it(`returns exactly the brute-force top ${k} (seed ${seed}, ${nPosts} posts)`, () => {
      const r = rng(seed);
      const posts = Array.from({ length: nPosts }, (_, i) => preparePost(randomPost(r, i), { today: TODAY }));
      const index = buildPostIndex(posts);
      const search = new TopKSearch(index, k);
      let compared = 0;
      for (let n = 0; n < 300; n++) {
        const facts = randomFacts(r, n);
        search.run(prepareCandidate(facts, { today: TODAY }));
        const got = Array.from({ length: search.size }, (_, j) => ({
          postId: index.posts[search.items[j]!]!.post.id,
          score: search.scores[j]!,
        }));
        const want = bruteForceTopK(prepareCandidate(facts, { today: TODAY }), posts, k);
        expect(got, `case ${n}`).toEqual(want);
        // and each result's factor points are the scorer's
        const row: number[] = [];
        for (let j = 0; j < search.size; j++) {
          scorePrepared(prepareCandidate(facts, { today: TODAY }), index.posts[search.items[j]!]!, row);
          expect([...search.points.subarray(j * 8, j * 8 + 8)]).toEqual(row);
        }
        compared += want.length;
      }
      expect(compared).toBeGreaterThan(300);
    });
  }

  it('the eligibility cache agrees with evaluating every rule of the post', () => {
    const r = rng(5);
    for (let n = 0; n < 3000; n++) {
      const p = preparePost(randomPost(r, n), { today: TODAY });
      const facts = randomFacts(r, n);
      const e = evaluateEligibility(p.rules, facts, { today: TODAY });
      expect(eligibilitySummary(prepareCandidate(facts, { today: TODAY }), p)).toEqual({
        failures: hardFailures(e).length,
        preferredMet: countPreferredMet(e),
      });
    }
  });

  it('skips most posts when many are eligible', () => {
    const r = rng(9);
    const posts = Array.from({ length: 3000 }, (_, i) => preparePost(randomPost(r, i), { today: TODAY }));
    const search = new TopKSearch(buildPostIndex(posts), 20);
    let scored = 0;
    for (let n = 0; n < 100; n++) {
      search.run(prepareCandidate(randomFacts(r, n), { today: TODAY }));
      scored += search.scored;
    }
    expect(scored / 100).toBeLessThan(3000);
  });
});
