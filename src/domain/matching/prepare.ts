/**
 * The scorer's inputs: a post as matching sees it (`TMatchPost`), and both sides prepared once — codes
 * normalised, the post's full rule list built, dates turned into day numbers — so scoring one pair does no
 * parsing. A prepared candidate also carries its eligibility cache (one evaluation per distinct rule list).
 */
import type { TIntention, TPostKind } from '../ledger/codes.ts';
import type { TEmployerTag } from '../opportunities/codes.ts';
import { kindFitsIntention, kindFitsPostKinds } from '../opportunities/kinds.ts';
import { normalizeMajorCode } from '../opportunities/majors.ts';
import { regionPrefix, rulesOfPost } from '../opportunities/post-rules.ts';
import {
  OPPORTUNITY_KINDS,
  type TCandidateFacts,
  type TEligibilityRule,
  type TOpportunityKind,
} from '../opportunities/types.ts';
import type { TLevel } from '../registry/fields.ts';
import { EMPLOYER_TAG_POINTS, FRESHNESS_STEPS, MATCH_WEIGHTS, type TRegionMode } from './weights.ts';

/** An open post as the scorer reads it (from `opportunity` + the employer's tags). */
export type TMatchPost = {
  id: string;
  kind: TOpportunityKind;
  /** the post's own 岗位类别; null: the kind's post kinds count */
  postKind: TPostKind | null;
  /** GB/T 4754 section */
  industry: string | null;
  /** where the work is: 6-digit codes or prefixes ('52', '5201'); empty = anywhere */
  regionCodes: readonly string[];
  /** majors accepted (code prefixes); empty = 不限 */
  majorPrefixes: readonly string[];
  minLevel: TLevel | null;
  /** the post's own rules; min level and majors become rules too (rulesOfPost) */
  eligibilityRules: readonly TEligibilityRule[];
  /** places left; null = not fixed */
  quotaLeft: number | null;
  /** last day to apply, YYYY-MM-DD */
  deadline: string;
  salaryMin: number | null;
  salaryMax: number | null;
  employerTags: readonly TEmployerTag[];
  targetPriority: boolean;
  /** YYYY-MM-DD */
  publishedOn: string;
};

export type TMatchOptions = { today: string };

export type TPreparedPost = {
  post: TMatchPost;
  /** the full rule list (rulesOfPost): what explanations evaluate */
  rules: TEligibilityRule[];
  /** the rules other than majors, and their number: identical lists share it (see eligibilitySummary) */
  otherRules: TEligibilityRule[];
  ruleId: number;
  /** the codes of each majors rule, normalised (normalizeMajorCode) */
  majorRules: string[][];
  regions: string[];
  /** the accepted majors that decide the major factor (the first major rule's codes); [] = 不限 */
  majors: string[];
  /** the kind's position in OPPORTUNITY_KINDS */
  kindIndex: number;
  /** why the post is closed to everyone today, if it is */
  deadlinePassed: boolean;
  quotaFull: boolean;
  salaryLo: number | null;
  salaryHi: number | null;
  employerPoints: number;
  freshnessPoints: number;
};

export type TPreparedCandidate = {
  facts: TCandidateFacts;
  today: string;
  home: string | null;
  preferred: string[];
  /** 2-digit province prefixes */
  partners: string[];
  major: string | null;
  intention: TIntention | null;
  regionMode: TRegionMode;
  /** rule list number → hard rules failed and preferred conditions met (see eligibilitySummary) */
  eligibility: Map<number, { failures: number; preferredMet: number }>;
  /** per kind (OPPORTUNITY_KINDS order): whether it serves the intention / counts as a preferred post kind */
  kindFitsIntention: boolean[];
  kindFitsPostKinds: boolean[];
};

/** Rule lists by content → a number, so equal lists (posted by many) share one cache entry per candidate. */
const RULE_LISTS = new Map<string, number>();
function ruleListId(rules: readonly TEligibilityRule[]): number {
  const key = JSON.stringify(rules);
  const known = RULE_LISTS.get(key);
  if (known !== undefined) return known;
  const id = RULE_LISTS.size;
  RULE_LISTS.set(key, id);
  return id;
}

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** Freshness points of a post published on `publishedOn`, seen on `today` (both YYYY-MM-DD). */
export function freshnessPoints(publishedOn: string, today: string): number {
  const age = dayNumber(today) - dayNumber(publishedOn);
  for (const [days, points] of FRESHNESS_STEPS) if (age <= days) return points;
  return 0;
}

/** Employer tag points, capped at the factor's weight. */
export function employerPoints(tags: readonly string[]): number {
  let sum = 0;
  for (const t of tags) sum += EMPLOYER_TAG_POINTS[t] ?? 0;
  return Math.min(sum, MATCH_WEIGHTS.employer);
}

/** Prepare a post for scoring on `today`. */
export function preparePost(post: TMatchPost, opts: TMatchOptions): TPreparedPost {
  const rules = rulesOfPost({
    minLevel: post.minLevel,
    majorPrefixes: post.majorPrefixes,
    eligibilityRules: post.eligibilityRules,
  });
  const majorRule = rules.find((r) => r.kind === 'major_categories');
  const otherRules = rules.filter((r) => r.kind !== 'major_categories');
  return {
    post,
    rules,
    otherRules,
    ruleId: otherRules.length ? ruleListId(otherRules) : -1,
    kindIndex: OPPORTUNITY_KINDS.indexOf(post.kind),
    majorRules: rules.flatMap((r) =>
      r.kind === 'major_categories' ? [r.codes.map(normalizeMajorCode)] : [],
    ),
    regions: post.regionCodes.map(regionPrefix),
    majors: majorRule ? majorRule.codes.map(normalizeMajorCode).filter((c) => c !== '') : [],
    deadlinePassed: post.deadline < opts.today,
    quotaFull: post.quotaLeft !== null && post.quotaLeft <= 0,
    salaryLo: post.salaryMin ?? post.salaryMax,
    salaryHi: post.salaryMax ?? post.salaryMin,
    employerPoints: employerPoints(post.employerTags),
    freshnessPoints: freshnessPoints(post.publishedOn, opts.today),
  };
}

/** Prepare a graduate's facts for scoring on `today` (with an empty eligibility cache). */
export function prepareCandidate(facts: TCandidateFacts, opts: TMatchOptions): TPreparedCandidate {
  // an empty code names no region (it would otherwise be a prefix of every region)
  const preferred = facts.preferredRegionCodes.map(regionPrefix).filter((r) => r !== '');
  return {
    facts,
    today: opts.today,
    home: facts.domicileCountyCode,
    preferred,
    partners: facts.partnerProvinceCodes.map((c) => c.slice(0, 2)),
    major: facts.majorCode ? normalizeMajorCode(facts.majorCode) || null : null,
    intention: facts.intention,
    regionMode: facts.returnHome ? 'return' : preferred.length ? 'away' : 'stay',
    eligibility: new Map(),
    kindFitsIntention: OPPORTUNITY_KINDS.map((k) => kindFitsIntention(k, facts.intention)),
    kindFitsPostKinds: OPPORTUNITY_KINDS.map((k) => kindFitsPostKinds(k, facts.postKinds)),
  };
}
