import {
  reachableChannels,
  type TCaseRecommendations,
  type TMatchPostSummary,
  type TPushChannel,
  type TPushStatus,
} from '../../../domain/api/matching.ts';
import { prepareCandidate } from '../../../domain/matching/prepare.ts';
import { rankPrepared } from '../../../domain/matching/scorer.ts';
import type { TApplicationStatus } from '../../../domain/opportunities/codes.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { getCaseInScope } from '../ledger/case-access.ts';
import { chinaDate } from '../ledger/case-dates.ts';
import { findCaseFacts, toCandidateFacts } from './match-data.repo.ts';
import { getMatchingSettings } from './matching-settings.ts';
import { getPostSet } from './post-set.ts';
import * as pushRepo from './push.repo.ts';
import * as repo from './recommendations.repo.ts';

/** How many recommendations are stored per case (batch runs and the case page alike). */
export const STORED_TOP = 20;

/*
 * A case's recommendations as the case page shows them: ranked now over the open posts (the scorer is cheap
 * and near misses need every post anyway), with each factor's reason, and the incremental update of the stored
 * top 20: when what is stored is from an earlier day or differs from what the case and the posts give now (the
 * case, its graduate or a post changed since computed_at), the stored rows are replaced. A derived cache,
 * rebuilt from data already audited, so the replacement itself is not an audit event.
 */
export async function getCaseRecommendations(
  deps: TDeps,
  ctx: TCtx,
  caseId: string,
  q: { limit: number },
): Promise<TCaseRecommendations> {
  const { db } = deps.database;
  const ref = await getCaseInScope(db, ctx, caseId);
  const now = deps.clock.now();
  const today = chinaDate(now);
  const [row, set, settings] = await Promise.all([
    findCaseFacts(db, caseId),
    getPostSet(deps, today),
    getMatchingSettings(db),
  ]);
  if (!row) throw notFound('Case');
  const c = prepareCandidate(toCandidateFacts(row, set.partners), { today });
  const ranking = rankPrepared(c, set.prepared, { limit: Math.max(q.limit, STORED_TOP), nearMisses: 5 });
  const top = ranking.recommendations.slice(0, STORED_TOP);

  // the incremental update: only open cases are kept in the table (batch runs cover exactly those)
  const stored = await repo.readStored(db, caseId);
  const wanted = ref.status === 'seeking' ? top : [];
  const same =
    stored.length === wanted.length &&
    stored.every(
      (s, i) =>
        s.opportunityId === wanted[i]!.postId &&
        s.score === wanted[i]!.score &&
        s.breakdown.join() === wanted[i]!.breakdown.map((b) => b.points).join(),
    ) &&
    (stored.length === 0 || chinaDate(stored[0]!.computedAt) === today);
  let computedAt = stored[0]?.computedAt ?? now;
  if (!same) {
    computedAt = now;
    await db.transaction((tx) =>
      repo.replaceStored(
        tx,
        caseId,
        wanted.map((r) => ({
          opportunityId: r.postId,
          score: r.score,
          rank: r.rank,
          breakdown: r.breakdown.map((b) => b.points),
        })),
        now,
      ),
    );
  }

  const shown = ranking.recommendations.slice(0, q.limit);
  const ids = [...shown.map((r) => r.postId), ...ranking.nearMisses.map((m) => m.postId)];
  const [summaries, pushes, applications, counted] = await Promise.all([
    repo.postSummaries(db, ids),
    repo.pushesOf(db, row.graduate_id, ids),
    repo.applicationsOf(db, row.graduate_id, ids),
    pushRepo.postsCountedOn(db, row.graduate_id, today),
  ]);
  const summary = (id: string): TMatchPostSummary => summaries.get(id)!;
  return {
    caseId,
    computedAt: computedAt.toISOString(),
    recomputed: !same,
    postsConsidered: set.prepared.length,
    recommendations: shown.map((r) => ({
      rank: r.rank,
      score: r.score,
      post: summary(r.postId),
      breakdown: r.breakdown,
      pushes: pushes
        .filter((p) => p.opportunityId === r.postId)
        .map((p) => ({
          channel: p.channel as TPushChannel,
          status: p.status as TPushStatus,
          createdAt: p.createdAt.toISOString(),
          viewedAt: p.viewedAt?.toISOString() ?? null,
        })),
      application: applicationOf(applications, r.postId),
    })),
    nearMisses: ranking.nearMisses.map((m) => ({
      score: m.score,
      post: summary(m.postId),
      reasons: m.reasons,
    })),
    pushLimit: { perDay: settings.dailyPushLimit, usedToday: counted.size },
    reachableChannels: reachableChannels({ hasAccount: row.has_account, hasPhone: row.has_phone }),
  };
}

function applicationOf(
  rows: { opportunityId: string; status: string }[],
  postId: string,
): { status: TApplicationStatus } | null {
  const found = rows.find((a) => a.opportunityId === postId);
  return found ? { status: found.status as TApplicationStatus } : null;
}
