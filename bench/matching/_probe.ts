import { bruteForceTopK } from '../../src/domain/matching/brute-force.ts';
import { buildPostIndex } from '../../src/domain/matching/post-index.ts';
import { prepareCandidate, preparePost, type TMatchPost } from '../../src/domain/matching/prepare.ts';
import { TopKSearch } from '../../src/domain/matching/top-k.ts';
import type { TCandidateFacts } from '../../src/domain/opportunities/types.ts';
import { createCrypto } from '../../src/server/crypto.ts';
import { readDemoUniversities } from '../../src/server/seed/demo-orgs.ts';
import { DemoPopulation } from '../../src/server/seed/demo-population.ts';
import { apportion, Prng } from '../../src/server/seed/prng.ts';
import { generateCases } from './generate-cases.ts';
import { generatePosts } from './generate-posts.ts';

const nPosts = Number(process.argv[2] ?? 100000), nCases = Number(process.argv[3] ?? 20000), nBrute = Number(process.argv[4] ?? 100);
const today = '2020-07-15', cohort = 2020;
const rng = new Prng(7);
const ids = new Map<string, string>(); const orgIds = { get: (c: string) => { if (!ids.has(c)) ids.set(c, crypto.randomUUID()); return ids.get(c)!; } } as unknown as Map<string,string>;
const unis = readDemoUniversities();
let t = performance.now();
const pb = generatePosts({ rng, today, cohort, orgIds, universities: unis }, nPosts);
const arr = (s: unknown) => String(s).slice(1, -1).split(',').filter(Boolean);
const tags = new Map(pb.employer_profile.map((e) => [e.org_id as string, arr(e.tags)]));
const posts: TMatchPost[] = pb.opportunity.map((o) => ({
  id: o.id as string, kind: o.kind as never, postKind: o.post_kind as never, industry: o.industry as string | null,
  regionCodes: arr(o.region_codes), majorPrefixes: arr(o.major_prefixes), minLevel: o.min_level as never,
  eligibilityRules: o.eligibility_rules as never, quotaLeft: o.quota === null ? null : (o.quota as number) - (o.quota_used as number),
  deadline: o.deadline as string, salaryMin: o.salary_min as number | null, salaryMax: o.salary_max as number | null,
  employerTags: (o.employer_org_id ? tags.get(o.employer_org_id as string) ?? [] : []) as never, targetPriority: o.target_priority as boolean,
  publishedOn: String(o.created_at).slice(0, 10),
}));
console.log('posts gen', ((performance.now() - t) / 1000).toFixed(1));
t = performance.now();
const population = new DemoPopulation(rng, { cohort, shares: { focus: 0.4, seven: 0.55 }, poorRates: { focus: 0.5, seven: 1, elsewhere: 1 } });
const sizes = apportion(nCases, unis.map(() => 1));
const facts: TCandidateFacts[] = [];
for (const [i, u] of unis.entries()) {
  const b = generateCases({ rng, population, crypto: createCrypto('x'.repeat(40)), cohort, now: new Date(), orgIds }, u, sizes[i]!);
  b.graduate.forEach((g, j) => { const c = b.ledger_case[j]!; const n = c.needs as any;
    facts.push({ graduateId: g.id as string, cohort, birthDate: g.birth_date as string, level: g.level as never, majorCode: g.major_code as string,
      domicileCountyCode: g.domicile_county_code as string, universityProvinceCode: g.university_province_code as string, isTarget: true,
      partyMember: null, teacherCertificate: null, intention: c.intention as never, preferredRegionCodes: n.regions ?? [], returnHome: n.returnHome ?? false,
      partnerProvinceCodes: n.partnerProvinces ? ['440000'] : [], industries: n.industries ?? [], postKinds: n.postKinds ?? [], salaryFloor: n.salaryFloor ?? null }); });
}
console.log('cases gen', ((performance.now() - t) / 1000).toFixed(1));
t = performance.now();
const prepared = posts.map((p) => preparePost(p, { today }));
const index = buildPostIndex(prepared);
console.log('index', ((performance.now() - t) / 1000).toFixed(2), 'open posts', index.posts.length, 'groups', index.groups.size);
const search = new TopKSearch(index, 20);
const cpu0 = process.cpuUsage(); t = performance.now(); let scored = 0; let bounded = 0; const hist = new Map<number, number>(); let sizeSum = 0;
const results: string[][] = [];
for (const f of facts) { search.run(prepareCandidate(f, { today })); scored += search.scored; bounded += search.bounded; const kk = search.size ? search.scores[search.size-1]! : -1; hist.set(kk, (hist.get(kk) ?? 0) + 1); sizeSum += search.size; if (results.length < nBrute) results.push(Array.from({length: search.size}, (_, j) => `${index.posts[search.items[j]!]!.post.id}:${search.scores[j]}`)); }
const ms = performance.now() - t; const cpu = process.cpuUsage(cpu0); console.log('engine cpu µs/case', ((cpu.user+cpu.system)/facts.length).toFixed(0));
console.log(`engine: ${facts.length} cases in ${(ms/1000).toFixed(2)} s = ${(ms*1000/facts.length).toFixed(0)} µs/case, scored/case ${(scored/facts.length).toFixed(0)}, avg results ${(sizeSum/facts.length).toFixed(1)}, bounded/case ${(bounded/facts.length).toFixed(0)}`); console.log([...hist.entries()].sort((a,b)=>a[0]-b[0]).map(([k,v])=>k+':'+v).join(' '));
const bcpu0 = process.cpuUsage(); t = performance.now(); let mismatch = 0;
for (let n = 0; n < nBrute; n++) { const want = bruteForceTopK(prepareCandidate(facts[n]!, { today }), prepared, 20).map((x) => `${x.postId}:${x.score}`); if (want.join() !== results[n]!.join()) mismatch++; }
const bms = performance.now() - t; const bcpu = process.cpuUsage(bcpu0); console.log('brute cpu ms/case', ((bcpu.user+bcpu.system)/1000/Math.max(1,nBrute)).toFixed(1));
console.log(`brute: ${nBrute} cases in ${(bms/1000).toFixed(2)} s = ${(bms/nBrute).toFixed(1)} ms/case; mismatches ${mismatch}`);
