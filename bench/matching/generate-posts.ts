import { randomUUID } from 'node:crypto';
import { defaultRulesFor } from '../../src/domain/opportunities/kinds.ts';
import type { TEligibilityRule } from '../../src/domain/opportunities/types.ts';
import { drawFrom, type Prng, parseWeighted } from '../../src/server/seed/prng.ts';
import { loadMajors, loadRegions, pickCounty, pickPrefecture, type TCatalogue } from './places.ts';

/*
 * Synthetic open posts for the matching bench, shaped like a national season: market jobs and internships from
 * employers weighted towards the eastern provinces, policy posts (特岗, 村官, 三支一扶, 西部计划, 公益岗位, 征兵) at
 * county level in the western provinces with the programmes' usual rules, 科研助理 and 第二学士学位 at
 * universities, 专升本 province-wide. Majors come from the real catalogues: a third 不限, the rest by category,
 * class or exact major. A few posts are full or past their deadline while still open.
 */

type TRow = Record<string, unknown>;
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pgArray = (items: readonly string[]) => `{${items.join(',')}}`;

const KIND = parseWeighted(
  'market_job:58 internship:8 skills_training:4 public_welfare:6 tegang:4 village_official:3 sanzhi_yifu:3 ' +
    'western_program:2 research_assistant:5 conscription:2 entrepreneurship:1 zhuanshengben:2 second_degree:2',
);
const EMPLOYER_PROVINCE = parseWeighted(
  '44:15 33:9 32:9 31:6 11:6 37:5 35:4 42:3 43:3 51:5 50:3 52:6 53:5 45:4 62:2 64:1 65:2 61:3 41:3 34:3 36:2 13:2 12:2 21:2',
);
const WEST_PROVINCE = parseWeighted('52:18 53:16 45:12 51:12 62:10 65:8 64:5 61:5 63:4 54:3 15:3 43:2 42:2');
const EAST = new Set(['11', '12', '31', '32', '33', '35', '37', '44', '21', '13']);
const INDUSTRY = parseWeighted('C:25 I:12 F:8 G:10 M:6 P:8 Q:6 K:4 L:3 H:5 E:3 N:2 R:3 O:2 D:2 A:2');
const NATURE = parseWeighted('39:45 31:20 21:6 32:10 22:5 10:4 40:10');
const SIZE = parseWeighted('micro:20 small:40 medium:25 large:15');
const MIN_LEVEL = parseWeighted('none:15 专科:40 本科:40 研究生:5');
const MAJOR_SHAPE = parseWeighted('any:35 category:30 class:25 major:10');

export type TPostGenContext = {
  rng: Prng;
  today: string;
  cohort: number;
  /** org code → id (departments, universities) */
  orgIds: Map<string, string>;
  universities: { code: string; regionCode: string }[];
};

export type TPostBatch = { org_unit: TRow[]; employer_profile: TRow[]; opportunity: TRow[] };

export const POST_COLUMNS = {
  org_unit: ['id', 'code', 'name', 'kind', 'region_code', 'created_at'],
  employer_profile: [
    'org_id',
    'credit_code',
    'region_code',
    'industry',
    'nature_code',
    'size',
    'tags',
    'contact_name',
    'contact_phone',
    'status',
    'created_at',
  ],
  opportunity: [
    'id',
    'kind',
    'title',
    'owner_org_id',
    'employer_org_id',
    'region_codes',
    'major_prefixes',
    'min_level',
    'eligibility_rules',
    'quota',
    'deadline',
    'salary_min',
    'salary_max',
    'target_priority',
    'industry',
    'post_kind',
    'status',
    'cohort',
    'province_code',
    'quota_used',
    'created_at',
    'updated_at',
  ],
} as const;

type TEmployer = { id: string; prefecture: string; industry: string; stateOwned: boolean };

/** `n` open posts and the employers behind the market jobs and internships. */
export function generatePosts(g: TPostGenContext, n: number): TPostBatch {
  const { rng } = g;
  const regions = loadRegions();
  const bachelor = loadMajors('majors-undergraduate.csv');
  const vocational = loadMajors('majors-vocational.csv');
  const todayMs = Date.parse(`${g.today}T00:00:00Z`);
  const batch: TPostBatch = { org_unit: [], employer_profile: [], opportunity: [] };
  const created = new Date(todayMs - 400 * DAY).toISOString();

  const employers: TEmployer[] = [];
  for (let i = 0; i < Math.max(10, Math.round(n / 10)); i++) {
    const province = drawFrom(rng, EMPLOYER_PROVINCE);
    const prefecture = pickPrefecture(rng, regions, province);
    const nature = drawFrom(rng, NATURE);
    const e: TEmployer = {
      id: randomUUID(),
      prefecture,
      industry: drawFrom(rng, INDUSTRY),
      stateOwned: nature < '30',
    };
    const tags = [
      ...(rng.chance(0.1) ? ['alumni'] : []),
      ...(rng.chance(0.06) ? ['industry_partner'] : []),
      ...(EAST.has(province) && rng.chance(0.15) ? ['east_west_partner'] : []),
      ...(e.stateOwned ? ['state_owned'] : []),
    ];
    batch.org_unit.push({
      id: e.id,
      code: `BE-${i}`,
      name: `示例企业${i}`,
      kind: 'employer',
      region_code: prefecture,
      created_at: created,
    });
    batch.employer_profile.push({
      org_id: e.id,
      credit_code: `BENCH${String(i).padStart(13, '0')}`,
      region_code: prefecture,
      industry: e.industry,
      nature_code: nature,
      size: drawFrom(rng, SIZE),
      tags: pgArray(tags),
      contact_name: '联系人',
      contact_phone: '13800000000',
      status: 'approved',
      created_at: created,
    });
    employers.push(e);
  }

  const deptOf = (province: string, prefix: 'HRSS' | 'EDU') =>
    g.orgIds.get(`${prefix}-${province}0000`) ?? g.orgIds.get('MOE')!;
  const majorsFor = (minLevel: string | null, shape = drawFrom(rng, MAJOR_SHAPE)): string[] => {
    if (shape === 'any') return [];
    const cat: TCatalogue =
      minLevel === null || minLevel === '专科' ? (rng.chance(0.5) ? vocational : bachelor) : bachelor;
    const list = shape === 'category' ? cat.categories : shape === 'class' ? cat.classes : cat.majors;
    return [
      ...new Set(Array.from({ length: rng.int(1, shape === 'category' ? 2 : 3) }, () => rng.pick(list))),
    ];
  };

  for (let i = 0; i < n; i++) {
    const kind = drawFrom(rng, KIND);
    const createdMs = todayMs - rng.int(0, 90) * DAY - rng.int(0, 86_000) * 1000;
    const deadlineMs = rng.chance(0.03) ? todayMs - rng.int(1, 20) * DAY : todayMs + rng.int(0, 90) * DAY;
    const rulesAt = { referenceDate: day(todayMs + 30 * DAY), cohort: g.cohort };
    let rules: TEligibilityRule[] = defaultRulesFor(kind as never, rulesAt);
    let owner: string;
    let employer: TEmployer | null = null;
    let regionCodes: string[];
    let majors: string[] = [];
    let minLevel: string | null = null;
    let salary: [number, number] | null = null;
    let industry: string | null = null;
    let postKind: string | null = null;
    let targetPriority = rng.chance(0.2);
    let quota: number | null = rng.chance(0.75) ? rng.int(1, 20) : null;
    if (kind === 'market_job' || kind === 'internship') {
      employer = rng.pick(employers);
      owner = employer.id;
      const p = employer.prefecture;
      const shape = rng.next();
      regionCodes =
        shape < 0.7
          ? [p]
          : shape < 0.8
            ? [pickCounty(rng, regions, p)]
            : shape < 0.92
              ? [`${p.slice(0, 2)}0000`]
              : [p, pickPrefecture(rng, regions, p.slice(0, 2))];
      const lvl = drawFrom(rng, MIN_LEVEL);
      minLevel = lvl === 'none' ? null : kind === 'internship' && lvl === '研究生' ? '本科' : lvl;
      majors = majorsFor(minLevel);
      const base = EAST.has(p.slice(0, 2)) ? 5500 : 4000;
      const lo =
        kind === 'internship'
          ? rng.int(3, 6) * 500
          : Math.round((base * (0.6 + 0.8 * rng.next())) / 500) * 500;
      if (rng.chance(0.9)) salary = [lo, lo + rng.int(2, 8) * 500];
      industry = employer.industry;
      postKind = employer.stateOwned ? 'state_owned' : 'enterprise';
      if (rng.chance(0.08)) rules = [{ kind: 'max_age', years: 35, referenceDate: rulesAt.referenceDate }];
      if (rng.chance(0.05)) rules.push({ kind: 'party_member', preferred: true });
    } else if (kind === 'research_assistant' || kind === 'second_degree') {
      const u = rng.pick(g.universities);
      owner = g.orgIds.get(u.code)!;
      regionCodes = [u.regionCode];
      minLevel = '本科';
      majors = majorsFor(minLevel, rng.chance(0.3) ? 'any' : rng.chance(0.5) ? 'category' : 'class');
      if (kind === 'research_assistant') salary = [rng.int(6, 10) * 500, rng.int(11, 16) * 500];
      targetPriority = rng.chance(0.4);
    } else if (kind === 'zhuanshengben') {
      const province = drawFrom(rng, WEST_PROVINCE);
      owner = deptOf(province, 'EDU');
      regionCodes = [`${province}0000`];
      quota = rng.int(20, 200);
      targetPriority = true;
    } else {
      // policy posts, training and entrepreneurship support: county or prefecture level in the west
      const province = drawFrom(rng, WEST_PROVINCE);
      const prefecture = pickPrefecture(rng, regions, province);
      const county = pickCounty(rng, regions, prefecture);
      owner = deptOf(province, 'HRSS');
      regionCodes = [rng.chance(0.7) ? county : prefecture];
      if (kind === 'tegang') {
        majors = rng.chance(0.6) ? [rng.pick(['04', '0401', '0501', '0701', '0702'])] : [];
        // some years let recruits obtain the certificate within the first year
        if (rng.chance(0.5))
          rules = rules.map((r) => (r.kind === 'teacher_certificate' ? { ...r, preferred: true } : r));
      }
      if (kind === 'public_welfare') {
        regionCodes = [county];
        rules = [...rules, { kind: 'domicile_regions', codes: [county.slice(0, 4)] }];
        targetPriority = true;
      }
      if (kind !== 'skills_training' && kind !== 'entrepreneurship')
        salary = [rng.int(4, 6) * 500, rng.int(7, 9) * 500];
      quota = rng.int(1, 50);
      targetPriority = targetPriority || rng.chance(0.5);
    }
    const quotaUsed = quota === null ? 0 : rng.chance(0.04) ? quota : rng.int(0, Math.floor(quota / 2));
    batch.opportunity.push({
      id: randomUUID(),
      kind,
      title: `${kind}-${i}`,
      owner_org_id: owner,
      employer_org_id: employer?.id ?? null,
      region_codes: pgArray(regionCodes),
      major_prefixes: pgArray(majors),
      min_level: minLevel,
      eligibility_rules: rules,
      quota,
      deadline: day(deadlineMs),
      salary_min: salary?.[0] ?? null,
      salary_max: salary?.[1] ?? null,
      target_priority: targetPriority,
      industry,
      post_kind: postKind,
      status: 'open',
      cohort: kind === 'zhuanshengben' || kind === 'second_degree' ? g.cohort : null,
      province_code: `${regionCodes[0]!.slice(0, 2)}0000`,
      quota_used: quotaUsed,
      created_at: new Date(createdMs).toISOString(),
      updated_at: new Date(createdMs).toISOString(),
    });
  }
  return batch;
}
