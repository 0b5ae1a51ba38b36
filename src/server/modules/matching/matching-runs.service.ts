import { and, desc, eq, gt } from 'drizzle-orm';
import type { TMatchingRun } from '../../../domain/api/matching.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { matchingRun } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import type { ImportJobs } from '../imports/import-jobs.ts';
import { caseScopeWhere } from '../ledger/case-access.ts';
import { chinaDate } from '../ledger/case-dates.ts';
import { runMatching, type TRunStats } from './batch-run.ts';

/*
 * Batch runs as background jobs: starting one records a `matching_run` row and answers at once; the job
 * recomputes the top 20 of every open case in the starter's case scope (every open case for an 'all' scope,
 * and for the CLI) and keeps the row's progress current for the UI to poll. One run at a time.
 */

type TRunRow = typeof matchingRun.$inferSelect;

const toApi = (r: TRunRow): TMatchingRun => ({
  id: r.id,
  status: r.status as TMatchingRun['status'],
  total: r.total,
  processed: r.processed,
  posts: r.posts,
  startedBy: r.startedBy,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  error: r.error,
});

/** A run counts as in progress for at most this long (a process that died mid-run leaves `running` behind). */
const STALE_MS = 60 * 60_000;

/** Run the batch for a recorded run and keep its row current (used by the job and the CLI). */
export async function executeRun(
  deps: TDeps,
  runId: string,
  ctx: TCtx | null,
  opts: { workers?: number } = {},
): Promise<TRunStats> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const all = !ctx || ctx.scope.clauses.some((c) => c.kind === 'all');
  let lastWrite = 0;
  try {
    const stats = await runMatching(deps.database, {
      scope: all ? null : caseScopeWhere(ctx),
      today: chinaDate(now),
      computedAt: now,
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      onProgress: async (p) => {
        // a row write per batch is plenty for a progress bar; skip the ones within a second of the last
        if (p.processed < p.total && Date.now() - lastWrite < 1000) return;
        lastWrite = Date.now();
        await db.update(matchingRun).set(p).where(eq(matchingRun.id, runId));
      },
    });
    await db
      .update(matchingRun)
      .set({ status: 'done', processed: stats.cases, posts: stats.posts, finishedAt: deps.clock.now() })
      .where(eq(matchingRun.id, runId));
    return stats;
  } catch (err) {
    await db
      .update(matchingRun)
      .set({
        status: 'failed',
        error: String(err instanceof Error ? err.message : err).slice(0, 500),
        finishedAt: deps.clock.now(),
      })
      .where(eq(matchingRun.id, runId));
    throw err;
  }
}

/** Record a run (refused while another is in progress); audited. */
export async function createRun(deps: TDeps, ctx: TCtx | null): Promise<TRunRow> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [busy] = await tx
      .select({ id: matchingRun.id })
      .from(matchingRun)
      .where(
        and(eq(matchingRun.status, 'running'), gt(matchingRun.startedAt, new Date(now.getTime() - STALE_MS))),
      )
      .limit(1);
    if (busy)
      throw new AppError('conflict', '已有一次匹配计算正在进行 / A matching run is already in progress', {
        reason: 'run_in_progress',
        runId: busy.id,
      });
    const [row] = await tx
      .insert(matchingRun)
      .values({
        scope: ctx?.scope.clauses ?? [{ kind: 'all' }],
        startedBy: ctx?.user?.id ?? null,
        startedAt: now,
      })
      .returning();
    await recordAudit(
      tx,
      ctx ?? { user: null, scope: { clauses: [] }, ip: null, userAgent: null },
      {
        action: 'matching.run',
        entityType: 'matching_run',
        entityId: row!.id,
        ...(ctx ? {} : { actorUsername: 'cli' }),
      },
      now,
    );
    return row!;
  });
}

/** Start a run in the background; answers with the run as recorded. */
export async function startRun(deps: TDeps, ctx: TCtx, jobs: ImportJobs): Promise<TMatchingRun> {
  requireUser(ctx);
  const row = await createRun(deps, ctx);
  jobs.start(
    () => executeRun(deps, row.id, ctx),
    () => {
      // recorded on the run row by executeRun
    },
  );
  return toApi(row);
}

/**
 * Whether the user may see a run: the one who started it, anyone whose scope is exactly the run's (the run
 * covered the same cases, e.g. two admins of one university) and a user who sees everything. The run's
 * counts and starter say something about cases, so no one else learns of it.
 */
export function canSeeRun(ctx: TCtx, row: Pick<TRunRow, 'startedBy' | 'scope'>): boolean {
  const user = ctx.user;
  if (!user) return false;
  if (row.startedBy === user.id) return true;
  if (ctx.scope.clauses.some((c) => c.kind === 'all')) return true;
  return ctx.scope.clauses.length > 0 && JSON.stringify(row.scope) === JSON.stringify(ctx.scope.clauses);
}

/** A run by id, if the user may see it (not found otherwise: never confirm that it exists). */
export async function getRun(deps: TDeps, ctx: TCtx, id: string): Promise<TMatchingRun> {
  requireUser(ctx);
  const [row] = await deps.database.db.select().from(matchingRun).where(eq(matchingRun.id, id));
  if (!row || !canSeeRun(ctx, row)) throw notFound('Run');
  return toApi(row);
}

/** The latest run the user started, if any. */
export async function latestRun(deps: TDeps, ctx: TCtx): Promise<TMatchingRun | null> {
  const user = requireUser(ctx);
  const [row] = await deps.database.db
    .select()
    .from(matchingRun)
    .where(eq(matchingRun.startedBy, user.id))
    .orderBy(desc(matchingRun.startedAt))
    .limit(1);
  return row ? toApi(row) : null;
}
