/**
 * The scorer's core: each factor's points for one prepared candidate and post, the hard filters, and
 * `scorePrepared` — the one function every path scores with (the case page, the batch engine, the brute-force
 * check). Nothing here allocates per pair except the first evaluation of a rule list for a candidate.
 */
import { evaluateEligibility } from '../opportunities/eligibility.ts';
import type { TEligibility } from '../opportunities/types.ts';
import type { TPreparedCandidate, TPreparedPost } from './prepare.ts';
import {
  INTENTION_POINTS as IP,
  MAJOR_POINTS,
  MATCH_WEIGHTS,
  PREFERENCE_POINTS_EACH,
  REGION_POINTS,
  REGION_TIERS,
  SALARY_POINTS,
  type TRegionTier,
} from './weights.ts';

/** The kind serves the case's intention (neutral when the intention is not confirmed). */
export function kindPoints(c: TPreparedCandidate, p: TPreparedPost): number {
  if (c.intention === null) return IP.kindUnknown;
  return c.kindFitsIntention[p.kindIndex] ? IP.kindFits : 0;
}

/** The post (its own 岗位类别, else its kind's) is one of the preferred post kinds. */
export function postKindPoints(c: TPreparedCandidate, p: TPreparedPost): number {
  const preferred = c.facts.postKinds;
  if (preferred.length === 0) return IP.postKindUnknown;
  const { postKind } = p.post;
  return (postKind ? preferred.includes(postKind) : c.kindFitsPostKinds[p.kindIndex]) ? IP.postKindFits : 0;
}

/** The post's industry is one the graduate prefers. */
export function industryPoints(c: TPreparedCandidate, p: TPreparedPost): number {
  const { industries } = c.facts;
  const { industry } = p.post;
  if (industries.length === 0 || industry === null) return IP.industryUnknown;
  return industries.includes(industry) ? IP.industryFits : 0;
}

/** Intention fit: kind vs intention, post kind, industry. */
export function intentionPoints(c: TPreparedCandidate, p: TPreparedPost): number {
  return kindPoints(c, p) + postKindPoints(c, p) + industryPoints(c, p);
}

/** Length of the most specific accepted prefix the major starts with; 0 when none does. */
export function bestMajorPrefix(major: string | null, majors: readonly string[]): number {
  if (major === null) return 0;
  let best = 0;
  for (const m of majors) if (m.length > best && major.startsWith(m)) best = m.length;
  return best;
}

/** Major fit: exact major > same 专业类 > same 门类/大类 > 不限 (0 when not accepted: a hard filter fails). */
export function majorPoints(c: TPreparedCandidate, p: TPreparedPost): number {
  if (p.majors.length === 0) return MAJOR_POINTS.any;
  const len = bestMajorPrefix(c.major, p.majors);
  if (len === 0) return 0;
  if (len >= (c.major?.length ?? 6)) return MAJOR_POINTS.exact;
  return len >= 4 ? MAJOR_POINTS.class : MAJOR_POINTS.category;
}

// tiers by position in REGION_TIERS, and each mode's points in that order (a typed array reads fastest)
const COUNTY = 0;
const PREFECTURE = 1;
const PROVINCE = 2;
const PREFERRED = 3;
const PARTNER = 4;
const NATIONWIDE = 5;
const ELSEWHERE = 6;
const TIER_POINTS = {
  return: Int8Array.from(REGION_TIERS.map((t) => REGION_POINTS.return[t])),
  stay: Int8Array.from(REGION_TIERS.map((t) => REGION_POINTS.stay[t])),
  away: Int8Array.from(REGION_TIERS.map((t) => REGION_POINTS.away[t])),
};

/**
 * The best tier of one post region (a code prefix) for the candidate. The home tiers nest (county ⊂ prefecture
 * ⊂ province) and give more points the narrower they are, so the narrowest that applies is the best of them;
 * a chosen region or a partner province replaces it only when its tier gives more points.
 */
function tierOfRegion(c: TPreparedCandidate, r: string, points: Int8Array): number {
  const h = c.home;
  let best = ELSEWHERE;
  if (h !== null) {
    if (r === h) best = COUNTY;
    else if (r.length >= 4 && samePrefix(h, r, 4)) best = PREFECTURE;
    else if (samePrefix(h, r, 2)) best = PROVINCE;
  }
  if (points[PREFERRED]! > points[best]!)
    for (const R of c.preferred)
      if (r.startsWith(R) || R.startsWith(r)) {
        best = PREFERRED;
        break;
      }
  if (points[PARTNER]! > points[best]!)
    for (const P of c.partners)
      if (samePrefix(P, r, 2)) {
        best = PARTNER;
        break;
      }
  return best;
}

/** The first n characters of both strings exist and are equal (no substrings allocated). */
function samePrefix(a: string, b: string, n: number): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** The position in REGION_TIERS of the post's best tier: the best over its regions (none: nationwide). */
function bestTier(c: TPreparedCandidate, p: TPreparedPost, points: Int8Array): number {
  const regions = p.regions;
  if (regions.length === 0) return NATIONWIDE;
  let best = ELSEWHERE;
  for (let k = 0; k < regions.length; k++) {
    const t = tierOfRegion(c, regions[k]!, points);
    if (points[t]! > points[best]!) best = t;
  }
  return best;
}

/** The post's best region tier for the candidate. */
export function regionTierOf(c: TPreparedCandidate, p: TPreparedPost): TRegionTier {
  return REGION_TIERS[bestTier(c, p, TIER_POINTS[c.regionMode])]!;
}

export function regionPoints(c: TPreparedCandidate, p: TPreparedPost): number {
  const points = TIER_POINTS[c.regionMode];
  return points[bestTier(c, p, points)]!;
}

/** Salary against the floor; neutral when either side is unknown. */
export function salaryPoints(c: TPreparedCandidate, p: TPreparedPost): number {
  const floor = c.facts.salaryFloor;
  if (floor === null || p.salaryLo === null || p.salaryHi === null) return SALARY_POINTS.unknown;
  if (p.salaryLo >= floor) return SALARY_POINTS.above;
  return p.salaryHi >= floor ? SALARY_POINTS.reaches : SALARY_POINTS.below;
}

export function targetPoints(c: TPreparedCandidate, p: TPreparedPost): number {
  return p.post.targetPriority && c.facts.isTarget ? MATCH_WEIGHTS.target : 0;
}

export function preferencePoints(preferredMet: number): number {
  return Math.min(MATCH_WEIGHTS.preference, PREFERENCE_POINTS_EACH * preferredMet);
}

/** How many preferred (soft) conditions the verdicts say are met. */
export function countPreferredMet(e: TEligibility): number {
  let n = 0;
  for (const v of e.verdicts) if (!v.hard && v.ok) n++;
  return n;
}

/** A candidate's eligibility for one rule list: hard rules failed and preferred conditions met. */
export type TEligibilitySummary = { failures: number; preferredMet: number };

/**
 * The candidate's eligibility for the post: its rules other than majors evaluated with `evaluateEligibility`
 * once per distinct list and cached on the candidate (the function is pure, so the cache changes nothing but
 * time), and each majors rule checked as eligibility checks it (`majorMatches`; no major on record fails).
 * Major lists differ from post to post, so leaving them out of the cache key is what makes the cache hit.
 */
export function eligibilitySummary(c: TPreparedCandidate, p: TPreparedPost): TEligibilitySummary {
  let v: TEligibilitySummary = NO_RULES;
  if (p.ruleId >= 0) {
    const hit = c.eligibility.get(p.ruleId);
    if (hit) v = hit;
    else {
      const e = evaluateEligibility(p.otherRules, c.facts, { today: c.today });
      let failures = 0;
      for (const x of e.verdicts) if (x.hard && !x.ok) failures++;
      v = { failures, preferredMet: countPreferredMet(e) };
      c.eligibility.set(p.ruleId, v);
    }
  }
  let majorFailures = 0;
  for (const codes of p.majorRules) if (!majorAccepted(c, codes)) majorFailures++;
  return majorFailures ? { failures: v.failures + majorFailures, preferredMet: v.preferredMet } : v;
}
/**
 * A majors rule as eligibility checks it (`majorMatches`; no major on record fails), on codes both sides
 * normalised beforehand: an empty list accepts everyone, otherwise the major must start with one of them.
 */
function majorAccepted(c: TPreparedCandidate, codes: readonly string[]): boolean {
  if (codes.length === 0) return true;
  const major = c.major;
  if (major === null) return false;
  for (const code of codes) if (code !== '' && major.startsWith(code)) return true;
  return false;
}
const NO_RULES: TEligibilitySummary = { failures: 0, preferredMet: 0 };

/** Every factor's points into `out` (MATCH_FACTORS order) when given; returns the total. */
export function factorPoints(
  c: TPreparedCandidate,
  p: TPreparedPost,
  preferredMet: number,
  out?: { [i: number]: number },
): number {
  const intention = intentionPoints(c, p);
  const major = majorPoints(c, p);
  const region = regionPoints(c, p);
  const salary = salaryPoints(c, p);
  const target = targetPoints(c, p);
  const preference = preferencePoints(preferredMet);
  if (out) {
    out[0] = intention;
    out[1] = major;
    out[2] = region;
    out[3] = salary;
    out[4] = p.employerPoints;
    out[5] = target;
    out[6] = preference;
    out[7] = p.freshnessPoints;
  }
  return intention + major + region + salary + p.employerPoints + target + preference + p.freshnessPoints;
}

/** The score of an eligible, open post, or -1 when a hard filter excludes it. */
export function scorePrepared(
  c: TPreparedCandidate,
  p: TPreparedPost,
  out?: { [i: number]: number },
): number {
  if (p.deadlinePassed || p.quotaFull) return -1;
  const e = eligibilitySummary(c, p);
  return e.failures > 0 ? -1 : factorPoints(c, p, e.preferredMet, out);
}
