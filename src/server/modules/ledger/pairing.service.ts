import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type {
  TAssignBody,
  TAssignResult,
  TCasePairing,
  TCoverageQuery,
  TPairedCase,
  TPairedQuery,
  TPairingCoverage,
  TPairingHelper,
  TPairingSuggestion,
  TSuggestBody,
  TUnpairedCase,
  TUnpairedQuery,
} from '../../../domain/api/pairing.ts';
import { suggestPairings } from '../../../domain/ledger/pairing.ts';
import { DAY_MS } from '../../../domain/ledger/rules.ts';
import { hasPermission } from '../../../domain/roles.ts';
import type { TCtx, TDeps, TSessionUser } from '../../context.ts';
import { graduate, ledgerCase } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../auth/auth.service.ts';
import { caseScopeWhere, getCaseInScope } from './case-access.ts';
import { getLedgerRules } from './ledger-rules.ts';
import * as repo from './pairing.repo.ts';
import { assignPairs } from './pairing-assign.service.ts';

/*
 * 一帮一 pairing (notice, task 4): a university admin pairs the university's target graduates with helpers —
 * university leaders (校领导, helpers in the university's own org) and 处级 cadres (helpers in a college). Every
 * function here works on the admin's own university only, through the case scope as well.
 */

/** The admin's university; an account outside any university has nothing to pair. */
function adminUniversity(ctx: TCtx): { user: TSessionUser; universityId: string } {
  const user = requireUser(ctx);
  const universityId = user.org.universityId;
  if (!universityId || !hasPermission(user.roles, 'cases.pair')) {
    throw new AppError(
      'forbidden',
      '只有高校管理员可以安排一帮一结对 / Only a university admin can pair helpers',
    );
  }
  return { user, universityId };
}

const scoped = (ctx: TCtx, universityId: string, cohort?: number) =>
  repo.pairingCasesWhere(caseScopeWhere(ctx), universityId, cohort);

/** Coverage: how many school-stage cases have a helper, per college, and which leaders have nobody yet. */
export async function getCoverage(deps: TDeps, ctx: TCtx, q: TCoverageQuery): Promise<TPairingCoverage> {
  const { universityId } = adminUniversity(ctx);
  const { db } = deps.database;
  const rules = await getLedgerRules(db);
  const where = scoped(ctx, universityId, q.cohort);
  const overdueBefore = new Date(deps.clock.now().getTime() - rules.pairWithinDays * DAY_MS);
  const handedOverWhere = repo.universityCasesWhere(
    caseScopeWhere(ctx),
    universityId,
    'handed_over',
    q.cohort,
  );
  const [totals, colleges, helpers, handedOver] = await Promise.all([
    repo.countCoverage(db, where, overdueBefore),
    repo.countCoverageByCollege(db, where),
    repo.listHelpers(db, universityId, undefined, q.cohort),
    repo.countCases(db, handedOverWhere),
  ]);
  const leaders = helpers.filter((h) => h.isLeader);
  return {
    ...totals,
    handedOver,
    pairWithinDays: rules.pairWithinDays,
    colleges: colleges.map((c) => ({ ...c, collegeName: c.collegeName ?? '—' })),
    leadersWithoutGraduate: leaders
      .filter((h) => h.load === 0)
      .map((h) => ({ userId: h.userId, name: h.name, everPaired: h.everPaired })),
    leaderCount: leaders.length,
    helperCount: helpers.length,
  };
}

/** Unpaired cases of the university, the longest waiting first. */
export async function listUnpairedCases(
  deps: TDeps,
  ctx: TCtx,
  q: TUnpairedQuery,
): Promise<{ items: TUnpairedCase[]; total: number; page: number; pageSize: number }> {
  const { universityId } = adminUniversity(ctx);
  const { db } = deps.database;
  const rules = await getLedgerRules(db);
  const conds: (SQL | undefined)[] = [scoped(ctx, universityId, q.cohort), repo.textFilter(q.q)];
  if (q.collegeId) conds.push(eq(graduate.collegeId, q.collegeId));
  const { rows, total } = await repo.listUnpaired(db, and(...conds)!, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const now = deps.clock.now().getTime();
  const items = rows.map(({ openedAt, ...r }) => {
    const waited = now - openedAt.getTime();
    return {
      ...r,
      openedAt: openedAt.toISOString(),
      daysOpen: Math.max(0, Math.floor(waited / DAY_MS)),
      overdue: waited > rules.pairWithinDays * DAY_MS,
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Cases of the university with a current helper (of one helper when asked), for reassignment. */
export async function listPairedCases(
  deps: TDeps,
  ctx: TCtx,
  q: TPairedQuery,
): Promise<{ items: TPairedCase[]; total: number; page: number; pageSize: number }> {
  const { universityId } = adminUniversity(ctx);
  const conds: (SQL | undefined)[] = [scoped(ctx, universityId, q.cohort), repo.textFilter(q.q)];
  if (q.collegeId) conds.push(eq(graduate.collegeId, q.collegeId));
  const { rows, total } = await repo.listPaired(deps.database.db, and(...conds)!, q.helperUserId, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const now = deps.clock.now().getTime();
  const items = rows.map(({ openedAt, pairedAt, ...r }) => ({
    ...r,
    openedAt: openedAt.toISOString(),
    pairedAt: pairedAt.toISOString(),
    daysOpen: Math.max(0, Math.floor((now - openedAt.getTime()) / DAY_MS)),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The university's helpers with their current load, leaders first. */
export async function listHelpers(
  deps: TDeps,
  ctx: TCtx,
  q: { cohort?: number | undefined } = {},
): Promise<{ items: TPairingHelper[] }> {
  const { universityId } = adminUniversity(ctx);
  const helpers = await repo.listHelpers(deps.database.db, universityId, undefined, q.cohort);
  return { items: helpers.map(({ everPaired: _e, ...h }) => h) };
}

async function suggestFor(
  deps: TDeps,
  ctx: TCtx,
  universityId: string,
  body: TSuggestBody,
): Promise<TPairingSuggestion> {
  const { db } = deps.database;
  const conds: SQL[] = [scoped(ctx, universityId)];
  if (body.caseIds) conds.push(inArray(ledgerCase.id, body.caseIds));
  if (body.collegeId) conds.push(eq(graduate.collegeId, body.collegeId));
  const [cases, helpers] = await Promise.all([
    repo.listUnpairedAll(db, and(...conds)!),
    repo.listHelpers(db, universityId),
  ]);
  const skipped = body.caseIds ? new Set(body.caseIds).size - cases.length : 0;
  const byGraduate = new Map(cases.map((c) => [c.graduateId, c]));
  const helperById = new Map(helpers.map((h) => [h.userId, h]));
  const suggestions = suggestPairings(
    cases.map((c) => ({ graduateId: c.graduateId, collegeId: c.collegeId })),
    helpers,
  );
  return {
    items: suggestions.map((s) => {
      const c = byGraduate.get(s.graduateId)!;
      const h = helperById.get(s.helperUserId)!;
      return {
        caseId: c.caseId,
        graduateId: c.graduateId,
        graduateName: c.name,
        collegeName: c.collegeName,
        className: c.className,
        helperUserId: h.userId,
        helperName: h.name,
        helperCollegeName: h.collegeName,
        helperIsLeader: h.isLeader,
        reason: s.reason,
      };
    }),
    helperCount: helpers.length,
    skipped,
  };
}

/**
 * A pairing suggestion for the given unpaired cases (or all of them, or all of one college): leaders without a
 * graduate first, then same college while under the balanced load, else the least loaded. Writes nothing.
 */
export async function suggest(deps: TDeps, ctx: TCtx, body: TSuggestBody): Promise<TPairingSuggestion> {
  const { universityId } = adminUniversity(ctx);
  return suggestFor(deps, ctx, universityId, body);
}

/**
 * Pair cases with helpers in one transaction. A case whose current helper differs gets that pairing ended (kept
 * as history, with who, when and why) and a new one; the same helper again is a no-op. Each change is a
 * `pairing` event on the case; the call is one audit record.
 */
export async function assign(deps: TDeps, ctx: TCtx, body: TAssignBody): Promise<TAssignResult> {
  const { user, universityId } = adminUniversity(ctx);
  return assignPairs(deps, ctx, user, universityId, body);
}

/**
 * Suggest and assign for every unpaired case of the university (the demo seed; a one-click "pair everyone").
 * `ctx` must be a university admin of that university.
 */
export async function pairAllUnpaired(deps: TDeps, ctx: TCtx, universityId: string): Promise<TAssignResult> {
  const admin = adminUniversity(ctx);
  if (admin.universityId !== universityId) {
    throw new AppError('forbidden', '只能为本校安排结对 / You can pair helpers for your own university only');
  }
  const suggestion = await suggestFor(deps, ctx, universityId, {});
  const pairs = suggestion.items.map((s) => ({ caseId: s.caseId, helperUserId: s.helperUserId }));
  const total: TAssignResult = { assigned: 0, reassigned: 0, unchanged: 0 };
  // one suggestion for all (so the load is balanced over everyone), written in bounded transactions
  for (let i = 0; i < pairs.length; i += ASSIGN_CHUNK) {
    const r = await assignPairs(deps, ctx, admin.user, universityId, {
      pairs: pairs.slice(i, i + ASSIGN_CHUNK),
    });
    total.assigned += r.assigned;
    total.reassigned += r.reassigned;
    total.unchanged += r.unchanged;
  }
  return total;
}

const ASSIGN_CHUNK = 2000;

/** A case's pairing history (current first), for anyone who can see the case. */
export async function listCasePairings(
  deps: TDeps,
  ctx: TCtx,
  caseId: string,
): Promise<{ items: TCasePairing[] }> {
  const { db } = deps.database;
  const ref = await getCaseInScope(db, ctx, caseId);
  const rows = await repo.listPairingsOfGraduate(db, ref.graduateId);
  return {
    items: rows.map((r) => ({
      ...r,
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      current: r.endedAt === null,
    })),
  };
}
