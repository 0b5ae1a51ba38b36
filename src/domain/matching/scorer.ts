/**
 * The matching scorer: hard filters first (deadline, places left, the post's eligibility rules — level and
 * majors included), then a weighted score of eight factors (weights.ts). Pure and deterministic: the same facts,
 * posts and `today` give the same ranking whatever order the posts come in; equal scores are ordered by post id.
 * A post that fails a filter can still be a "near miss" that says why not ("专业不符", "已截止").
 */
import {
  evaluateEligibility,
  hardFailures,
  shortReasons,
  type TEligibilityOptions,
} from '../opportunities/eligibility.ts';
import type { TCandidateFacts, TEligibilityRule } from '../opportunities/types.ts';
import { explainFactors, type TFactorBreakdown } from './explain.ts';
import { countPreferredMet, eligibilitySummary, factorPoints, scorePrepared } from './factors.ts';
import {
  prepareCandidate,
  preparePost,
  type TMatchOptions,
  type TMatchPost,
  type TPreparedCandidate,
  type TPreparedPost,
} from './prepare.ts';

export type TNearMissCode = 'deadline' | 'quota' | TEligibilityRule['kind'];

/** Why a post is not recommended: a short label ("专业不符") and the full reason ("专业…不在要求的 08 内"). */
export type TNearMissReason = {
  code: TNearMissCode;
  labelZh: string;
  labelEn: string;
  reasonZh: string;
  reasonEn: string;
};

export type TMatchResult = {
  postId: string;
  eligible: boolean;
  /** for a post that fails a filter: what it would score without the filter */
  score: number;
  breakdown: TFactorBreakdown[];
  reasons: TNearMissReason[];
};

export type TRecommendation = { postId: string; score: number; rank: number; breakdown: TFactorBreakdown[] };
export type TNearMiss = { postId: string; score: number; reasons: TNearMissReason[] };
export type TRanking = { recommendations: TRecommendation[]; nearMisses: TNearMiss[] };

/** The one total order of results: higher score first, then the smaller post id. */
export function compareMatches(a: { score: number; postId: string }, b: { score: number; postId: string }) {
  return b.score - a.score || (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0);
}

/** Names that make explanations friendlier (region and major names); optional. */
export type TExplainNames = Omit<TEligibilityOptions, 'today'>;

/** Score one prepared pair with every factor explained and, if it fails a filter, every reason why. */
export function explainMatch(
  c: TPreparedCandidate,
  p: TPreparedPost,
  names: TExplainNames = {},
): TMatchResult {
  const e = evaluateEligibility(p.rules, c.facts, { ...names, today: c.today });
  const reasons: TNearMissReason[] = [];
  const { deadline, quotaLeft } = p.post;
  if (p.deadlinePassed)
    reasons.push({
      code: 'deadline',
      labelZh: '已截止',
      labelEn: 'Closed',
      reasonZh: `报名已于${deadline}截止`,
      reasonEn: `Applications closed on ${deadline}`,
    });
  if (p.quotaFull)
    reasons.push({
      code: 'quota',
      labelZh: '名额已满',
      labelEn: 'No places left',
      reasonZh: `剩余名额${quotaLeft ?? 0}个`,
      reasonEn: `${quotaLeft ?? 0} places left`,
    });
  const labels = shortReasons(e);
  hardFailures(e).forEach((v, i) => {
    reasons.push({
      code: v.rule,
      labelZh: labels[i]!.zh,
      labelEn: labels[i]!.en,
      reasonZh: v.reasonZh,
      reasonEn: v.reasonEn,
    });
  });
  const points: number[] = [];
  const score = factorPoints(c, p, countPreferredMet(e), points);
  return {
    postId: p.post.id,
    eligible: reasons.length === 0,
    score,
    breakdown: explainFactors(c, p, points, e),
    reasons,
  };
}

/** Score one graduate against one post, explained. */
export function scoreMatch(facts: TCandidateFacts, post: TMatchPost, opts: TMatchOptions): TMatchResult {
  return explainMatch(prepareCandidate(facts, opts), preparePost(post, opts));
}

export type TRankOptions = {
  /** recommendations to return (default 20) */
  limit?: number;
  /** near misses to return (default 5); only posts failing at most `nearMissMaxReasons` filters qualify */
  nearMisses?: number;
  nearMissMaxReasons?: number;
  names?: TExplainNames;
};

/**
 * Rank prepared posts for a prepared candidate: the top `limit` recommendations with their breakdowns, and the
 * best near misses (fewest failed filters, then highest score, then post id) with their reasons.
 */
export function rankPrepared(c: TPreparedCandidate, posts: readonly TPreparedPost[], o: TRankOptions = {}) {
  const { limit = 20, nearMisses = 5, nearMissMaxReasons = 2, names = {} } = o;
  const hits: { score: number; postId: string; p: TPreparedPost }[] = [];
  const misses: { score: number; postId: string; p: TPreparedPost; failures: number }[] = [];
  for (const p of posts) {
    const score = scorePrepared(c, p);
    if (score >= 0) {
      hits.push({ score, postId: p.post.id, p });
      continue;
    }
    const e = eligibilitySummary(c, p);
    const failures = e.failures + (p.deadlinePassed ? 1 : 0) + (p.quotaFull ? 1 : 0);
    if (failures <= nearMissMaxReasons)
      misses.push({ score: factorPoints(c, p, e.preferredMet), postId: p.post.id, p, failures });
  }
  hits.sort(compareMatches);
  misses.sort((a, b) => a.failures - b.failures || compareMatches(a, b));
  return {
    recommendations: hits.slice(0, limit).map((h, i) => ({
      postId: h.postId,
      score: h.score,
      rank: i + 1,
      breakdown: explainMatch(c, h.p, names).breakdown,
    })),
    nearMisses: misses.slice(0, nearMisses).map((m) => {
      const r = explainMatch(c, m.p, names);
      return { postId: m.postId, score: r.score, reasons: r.reasons };
    }),
  } satisfies TRanking;
}

/** Rank posts for one graduate (prepares both sides; see rankPrepared). */
export function rankMatches(
  facts: TCandidateFacts,
  posts: readonly TMatchPost[],
  opts: TMatchOptions & TRankOptions,
): TRanking {
  return rankPrepared(
    prepareCandidate(facts, opts),
    posts.map((p) => preparePost(p, opts)),
    opts,
  );
}
