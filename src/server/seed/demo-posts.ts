import { DAY_MS } from '../../domain/ledger/rules.ts';
import { defaultRulesFor } from '../../domain/opportunities/kinds.ts';
import type { TEligibilityRule, TOpportunityKind } from '../../domain/opportunities/types.ts';
import { toProvinceCode } from '../../domain/orgs.ts';
import type { opportunity } from '../db/schema/index.ts';
import { chinaDate } from '../modules/ledger/case-dates.ts';
import {
  JOB_TITLES,
  RESEARCH_TEAMS,
  SANZHI_KINDS,
  TEGANG_SUBJECTS,
  TRAINING_TITLES,
  WESTERN_KINDS,
} from './demo-opportunity-data.ts';
import type { Prng } from './prng.ts';

/*
 * About 200 posts of every kind: market jobs and 见习 from the demo employers, policy posts of the provincial
 * and county departments in the focus counties (特岗 in 威宁 first), 科研助理 at the universities, 专升本 and
 * 第二学士学位 at a 本科 university of each focus province. Deadlines run from the seeding day (the demo is
 * about the 2020 cohort; age limits are taken at the cohort's 31 August, as the 2020 announcements did).
 */

export type TDemoPost = typeof opportunity.$inferInsert;
export type TPlaceOrg = { id: string; code: string; name: string; regionCode: string | null };
export type TPostWorld = {
  employers: (TPlaceOrg & { industry: string; tags: string[]; userId: string | null })[];
  /** org code → org (departments, county bureaus, universities) */
  orgs: Map<string, TPlaceOrg>;
  /** the focus counties, Guizhou first, 威宁 at the head */
  counties: { code: string; name: string }[];
  provinceNames: Map<string, string>;
  /** one 本科 university per province */
  universities: Map<string, TPlaceOrg>;
};

const PROVINCE_BASE: Record<string, number> = { '44': 4500, '33': 4500, '32': 4500, '37': 4200, '31': 5500 };

export function planDemoPosts(rng: Prng, now: Date, cohort: number, w: TPostWorld): TDemoPost[] {
  const posts: TDemoPost[] = [];
  const day = (d: number) => chinaDate(new Date(now.getTime() + d * DAY_MS));
  const ageAt = `${cohort}-08-31`;
  const at = { referenceDate: ageAt, cohort };
  const add = (
    kind: TOpportunityKind,
    owner: TPlaceOrg,
    region: string,
    rest: Partial<TDemoPost> & { title: string },
  ) => {
    posts.push({
      kind,
      ownerOrgId: owner.id,
      regionCodes: [region],
      provinceCode: toProvinceCode(region),
      deadline: day(rng.int(10, 90)),
      status: 'open',
      targetPriority: true,
      description: '',
      createdAt: new Date(now.getTime() - rng.int(1, 30) * DAY_MS),
      updatedAt: now,
      ...rest,
    });
  };
  const county = (i: number) => w.counties[i % w.counties.length]!;
  const prov = (code: string) => toProvinceCode(code);
  const dept = (prefix: string, region: string) => w.orgs.get(`${prefix}-${prov(region)}`)!;
  const salary = (min: number, spread: number) => {
    const lo = min + rng.int(0, 6) * 100;
    return { salaryMin: lo, salaryMax: lo + spread + rng.int(0, 4) * 250 };
  };

  // 市场岗位 (80) and 就业见习 (20) from the approved employers; the demo employer posts the most
  const demo = w.employers[0]!;
  for (let i = 0; i < 100; i++) {
    const em = i < 12 ? demo : rng.pick(w.employers);
    const job = rng.pick(JOB_TITLES[em.industry] ?? JOB_TITLES.F!);
    const base = PROVINCE_BASE[em.regionCode!.slice(0, 2)] ?? 3000;
    const partner = em.tags.includes('east_west_partner') || em.tags.includes('alumni');
    const internship = i >= 80;
    add(internship ? 'internship' : 'market_job', em, em.regionCode!, {
      title: internship ? `就业见习·${job.title}` : job.title,
      employerOrgId: em.id,
      majorPrefixes: job.majors,
      minLevel: job.level,
      quota: internship ? rng.int(2, 10) : rng.chance(0.15) ? null : rng.int(1, 12),
      ...(internship ? salary(1500, 500) : salary(base, 1500)),
      targetPriority: rng.chance(partner ? 0.7 : 0.25),
      industry: em.industry,
      postKind: em.tags.includes('state_owned') ? 'state_owned' : 'enterprise',
      description: internship
        ? '见习期3–6个月，按月发放见习补贴，见习期满表现优秀者优先录用。'
        : `${em.name}招聘${job.title}，五险一金，提供住宿；东西部协作和校友企业，应届毕业生优先。`,
      createdBy: em.userId,
      // two of the demo employer's posts are drafts it has not opened yet
      ...(em === demo && i >= 10 && i < 12 ? { status: 'draft' } : {}),
    });
  }
  // 技能培训 (10): county bureaus and the province
  for (let i = 0; i < 10; i++) {
    const c = county(i);
    const owner = w.orgs.get(`HRSS-${c.code}`) ?? dept('HRSS', c.code);
    add('skills_training', owner, c.code, {
      title: `${c.name}${TRAINING_TITLES[i % TRAINING_TITLES.length]}`,
      quota: rng.int(30, 60),
      description: '免费培训，结业考核合格者颁发职业技能等级证书，培训期间补贴生活费。',
    });
  }
  // 特岗计划 (20): 威宁 first, then the other focus counties
  for (let i = 0; i < 20; i++) {
    const c = i < 3 ? county(0) : county(i);
    add('tegang', dept('EDU', c.code), c.code, {
      title: `${c.name}特岗教师（${TEGANG_SUBJECTS[i % TEGANG_SUBJECTS.length]}）`,
      minLevel: '本科',
      eligibilityRules: [
        ...defaultRulesFor('tegang', at).filter((r) => r.kind === 'max_age'),
        // 2020: 受疫情影响多数县可先上岗、再考取教师资格证; some counties still require it up front
        i % 4 === 3 ? { kind: 'teacher_certificate' } : { kind: 'teacher_certificate', preferred: true },
      ],
      quota: rng.int(5, 40),
      ...salary(3500, 600),
      industry: 'P',
      postKind: 'grassroots_programme',
      description: '服务期3年，纳入当地教师编制管理；服务期满考核合格可留任。',
    });
  }
  const grassroots = (
    kind: TOpportunityKind,
    n: number,
    offset: number,
    prefix: string,
    title: (c: { name: string }, i: number) => string,
    rules: TEligibilityRule[],
    minLevel: '专科' | '本科',
  ) => {
    for (let i = 0; i < n; i++) {
      const c = county(i + offset);
      add(kind, dept(prefix, c.code), c.code, {
        title: title(c, i),
        minLevel,
        eligibilityRules: rules,
        quota: rng.int(3, 20),
        ...salary(2800, 800),
        industry: 'S',
        postKind: 'grassroots_programme',
        description: '服务期2年，享受基层服务项目相关政策。',
      });
    }
  };
  grassroots(
    'village_official',
    8,
    2,
    'HRSS',
    (c) => `大学生村官（${c.name}）`,
    defaultRulesFor('village_official', at),
    '本科',
  );
  grassroots(
    'sanzhi_yifu',
    12,
    5,
    'HRSS',
    (c, i) => `三支一扶·${SANZHI_KINDS[i % 4]}（${c.name}）`,
    defaultRulesFor('sanzhi_yifu', at),
    '专科',
  );
  grassroots(
    'western_program',
    8,
    9,
    'EDU',
    (c, i) => `西部计划志愿者·${WESTERN_KINDS[i % 4]}（${c.name}）`,
    defaultRulesFor('western_program', at),
    '专科',
  );
  // 科研助理 (10) at the universities
  for (let i = 0; i < 10; i++) {
    const team = RESEARCH_TEAMS[i % RESEARCH_TEAMS.length]!;
    const uni = w.orgs.get(team.org)!;
    add('research_assistant', uni, uni.regionCode!, {
      title: `科研助理（${team.team}）`,
      majorPrefixes: team.majors,
      minLevel: '本科',
      quota: rng.int(1, 3),
      ...salary(3500, 800),
      targetPriority: rng.chance(0.5),
      industry: 'M',
      postKind: 'research_assistant',
      description: '聘期1–2年，参与课题研究与实验室管理，签订劳动合同。',
    });
  }
  // 征兵 (6) per focus province, 扶贫公益岗位 (12) in the focus counties, 创业扶持 (4)
  for (const p of [...w.provinceNames.keys()].slice(0, 6)) {
    add('conscription', dept('EDU', p), p, {
      title: `${cohort}年高校毕业生征兵（${w.provinceNames.get(p)}）`,
      eligibilityRules: defaultRulesFor('conscription', at),
      description: '高校毕业生入伍享受学费补偿、优先选取士官等政策。',
    });
  }
  for (let i = 0; i < 12; i++) {
    const c = i < 3 ? county(0) : county(i);
    const post = ['乡村公共服务', '护林防火', '村级就业服务', '防返贫监测信息员'][i % 4];
    add('public_welfare', w.orgs.get(`HRSS-${c.code}`) ?? dept('HRSS', c.code), c.code, {
      title: `乡村公益性岗位（${c.name}·${post}）`,
      eligibilityRules: [
        ...defaultRulesFor('public_welfare', at),
        { kind: 'domicile_regions', codes: [c.code] },
      ],
      quota: rng.int(5, 20),
      ...salary(1800, 400),
      industry: 'S',
      postKind: 'public_welfare',
      description: '面向本县籍应届毕业生，就近就地安置，按月发放岗位补贴。',
    });
  }
  for (let i = 0; i < 4; i++) {
    const c = county(i * 2);
    add('entrepreneurship', dept('HRSS', c.code), c.code, {
      title: `大学生创业扶持（创业担保贷款·孵化基地入驻）${i > 0 ? `——${c.name}` : ''}`,
      description: '最高30万元创业担保贷款并贴息，孵化基地免租入驻一年，创业导师一对一指导。',
    });
  }
  // 专升本 and 第二学士学位 at a 本科 university of the focus provinces
  [...w.universities.entries()].slice(0, 6).forEach(([p, uni], i) => {
    add('zhuanshengben', dept('EDU', p), uni.regionCode!, {
      title: `${cohort}年专升本专项计划（${uni.name}）`,
      eligibilityRules: defaultRulesFor('zhuanshengben', at),
      cohort,
      quota: rng.int(40, 120),
      description: '面向本省高职（专科）应届毕业生的专项计划，单列计划、单独录取。',
    });
    if (i < 4) {
      add('second_degree', dept('EDU', p), uni.regionCode!, {
        title: `第二学士学位（${uni.name}）`,
        eligibilityRules: defaultRulesFor('second_degree', at),
        cohort,
        quota: rng.int(20, 40),
        description: '招收本校及省内高校应届本科毕业生，学制两年。',
      });
    }
  });
  // a few posts closed early, and some whose deadline has just passed
  for (const p of posts) {
    if (p.status !== 'open') continue;
    if (rng.chance(0.03)) p.status = 'closed';
    else if (rng.chance(0.04)) p.deadline = day(-rng.int(3, 30));
  }
  return posts;
}
