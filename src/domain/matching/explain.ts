/**
 * Why each factor gave the points it did, in Chinese and English, shown verbatim on the case page. The texts
 * read the same inputs as the point functions in factors.ts, so a reason never disagrees with its points.
 */
import type { TIntention } from '../ledger/codes.ts';
import type { TEligibility } from '../opportunities/types.ts';
import { bestMajorPrefix, industryPoints, kindPoints, postKindPoints, regionTierOf } from './factors.ts';
import type { TPreparedCandidate, TPreparedPost } from './prepare.ts';
import { MATCH_FACTORS, MATCH_WEIGHTS, type TMatchFactor, type TRegionTier } from './weights.ts';

/** One factor of a recommendation: its points out of its maximum, and why. */
export type TFactorBreakdown = {
  factor: TMatchFactor;
  points: number;
  max: number;
  reasonZh: string;
  reasonEn: string;
};

const INTENTION_LABEL: Record<TIntention, [string, string]> = {
  employment: ['就业', 'employment'],
  further_study: ['升学', 'further study'],
  military: ['参军', 'military service'],
  grassroots: ['基层项目', 'grassroots programmes'],
  entrepreneurship: ['创业', 'entrepreneurship'],
  not_now: ['暂不就业', 'not now'],
  none: ['无意愿', 'none'],
};

const TAG_LABEL: Record<string, [string, string]> = {
  alumni: ['校友企业', 'alumni firm'],
  industry_partner: ['产教融合企业', 'industry partner'],
  east_west_partner: ['东西部协作企业', 'east–west partner'],
  state_owned: ['国有企业', 'state-owned'],
};

const TIER_TEXT: Record<TRegionTier, [string, string]> = {
  county: ['工作地在生源县', 'Work is in the home county'],
  prefecture: ['工作地在生源地市', 'Work is in the home prefecture'],
  province: ['工作地在生源省份', 'Work is in the home province'],
  preferred: ['工作地在期望地区', 'Work is in a region the graduate chose'],
  partner: ['工作地在东西部协作省份', 'Work is in an east–west partner province'],
  nationwide: ['工作地不限', 'Work location is open'],
  elsewhere: ['工作地不在生源地或期望地区', 'Work is outside the home and chosen regions'],
};

type TText = [string, string];
const join = (parts: TText[]): TText => [
  parts.map((p) => p[0]).join('；'),
  parts.map((p) => p[1]).join('; '),
];

function intentionText(c: TPreparedCandidate, p: TPreparedPost): TText {
  const parts: TText[] = [];
  if (c.intention === null) parts.push(['就业意向未确认', 'Intention not confirmed']);
  else {
    const [zh, en] = INTENTION_LABEL[c.intention];
    parts.push(
      kindPoints(c, p) > 0
        ? [`符合就业意向（${zh}）`, `Fits the intention (${en})`]
        : [`与就业意向（${zh}）不一致`, `Does not fit the intention (${en})`],
    );
  }
  if (c.facts.postKinds.length > 0)
    parts.push(
      postKindPoints(c, p) > 0
        ? ['属于期望的岗位类别', 'One of the preferred post kinds']
        : ['不属于期望的岗位类别', 'Not a preferred post kind'],
    );
  if (c.facts.industries.length > 0 && p.post.industry !== null)
    parts.push(
      industryPoints(c, p) > 0
        ? ['属于期望行业', 'In a preferred industry']
        : ['不在期望行业内', 'Not in a preferred industry'],
    );
  return join(parts);
}

function majorText(c: TPreparedCandidate, p: TPreparedPost): TText {
  if (p.majors.length === 0) return ['专业不限', 'Any major'];
  const len = bestMajorPrefix(c.major, p.majors);
  if (len === 0) return ['专业不在岗位要求范围内', 'Major not accepted'];
  const prefix = c.major!.slice(0, len);
  if (len >= c.major!.length)
    return [`岗位点名要求本专业（${prefix}）`, `The post asks for this major (${prefix})`];
  return len >= 4
    ? [`岗位接受本专业类（${prefix}）`, `The post accepts this class of majors (${prefix})`]
    : [`岗位接受本门类（${prefix}）`, `The post accepts this category of majors (${prefix})`];
}

function salaryText(c: TPreparedCandidate, p: TPreparedPost): TText {
  const floor = c.facts.salaryFloor;
  if (floor === null) return ['未填期望薪资', 'No salary floor stated'];
  if (p.salaryLo === null || p.salaryHi === null) return ['岗位未标明薪资', 'The post states no salary'];
  if (p.salaryLo >= floor)
    return [
      `月薪${p.salaryLo}元起，不低于期望${floor}元`,
      `From ${p.salaryLo} yuan a month, at or above the floor of ${floor}`,
    ];
  return p.salaryHi >= floor
    ? [
        `月薪最高${p.salaryHi}元，可达期望${floor}元`,
        `Up to ${p.salaryHi} yuan a month, reaches the floor of ${floor}`,
      ]
    : [
        `月薪最高${p.salaryHi}元，低于期望${floor}元`,
        `At most ${p.salaryHi} yuan a month, below the floor of ${floor}`,
      ];
}

function employerText(p: TPreparedPost): TText {
  const tags = p.post.employerTags.filter((t) => TAG_LABEL[t]);
  if (tags.length === 0) return ['无校友、协作或国企标签', 'No alumni, partner or state-owned tag'];
  return [tags.map((t) => TAG_LABEL[t]![0]).join('、'), tags.map((t) => TAG_LABEL[t]![1]).join(', ')];
}

function preferenceText(e: TEligibility | null): TText {
  const soft = e?.verdicts.filter((v) => !v.hard) ?? [];
  if (soft.length === 0) return ['岗位无优先条件', 'The post states no preferences'];
  return join(soft.map((v) => [v.reasonZh, v.reasonEn]));
}

function freshnessText(p: TPreparedPost, today: string): TText {
  const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(p.post.publishedOn)) / 86_400_000));
  return [`发布于${days}天前`, `Published ${days} day${days === 1 ? '' : 's'} ago`];
}

/**
 * The per-factor breakdown of a scored pair. `points` comes from factorPoints (MATCH_FACTORS order);
 * `eligibility` holds the post's verdicts (the preferred conditions explain themselves).
 */
export function explainFactors(
  c: TPreparedCandidate,
  p: TPreparedPost,
  points: readonly number[],
  eligibility: TEligibility | null,
): TFactorBreakdown[] {
  const texts: Record<TMatchFactor, TText> = {
    intention: intentionText(c, p),
    major: majorText(c, p),
    region: TIER_TEXT[regionTierOf(c, p)],
    salary: salaryText(c, p),
    employer: employerText(p),
    target: p.post.targetPriority
      ? c.facts.isTarget
        ? ['岗位优先面向帮扶对象', 'The post gives priority to the assisted group']
        : ['岗位优先面向帮扶对象（不适用）', 'Priority for the assisted group (does not apply)']
      : ['岗位未设帮扶优先', 'No priority for the assisted group'],
    preference: preferenceText(eligibility),
    freshness: freshnessText(p, c.today),
  };
  return MATCH_FACTORS.map((factor, i) => ({
    factor,
    points: points[i]!,
    max: MATCH_WEIGHTS[factor],
    reasonZh: texts[factor][0],
    reasonEn: texts[factor][1],
  }));
}
