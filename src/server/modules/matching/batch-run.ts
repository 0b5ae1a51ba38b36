import { type SQL, sql } from 'drizzle-orm';
import type { TDatabase } from '../../db/client.ts';
import { createEngine, workersFor } from './batch-engine.ts';
import {
  countOpenCases,
  loadOpenPosts,
  loadPartners,
  pageCaseFacts,
  toCandidateFacts,
} from './match-data.repo.ts';
import { openRecommendationWriter } from './recommendation-writer.ts';

/*
 * A batch run: the top K recommendations of every open case in a scope, computed and stored. Reading case
 * pages, computing (worker threads) and writing (COPY) overlap: while batches compute, the next page is read
 * and finished batches stream into the table.
 */

export type TRunOptions = {
  /** a condition on `graduate` / `ledger_case c`; null: every open case (the table is replaced whole) */
  scope: SQL | null;
  today: string;
  computedAt: Date;
  k?: number;
  /** worker threads; default by the number of cases (workersFor) */
  workers?: number;
  pageSize?: number;
  onProgress?: (p: { processed: number; total: number; posts: number }) => void | Promise<void>;
};

export type TRunStats = {
  cases: number;
  posts: number;
  recommendations: number;
  workers: number;
  seconds: { posts: number; engine: number; stream: number; finish: number; total: number };
};

export async function runMatching(database: TDatabase, o: TRunOptions): Promise<TRunStats> {
  const { db } = database;
  const k = o.k ?? 20;
  const where = o.scope ?? sql`true`;
  const t0 = performance.now();
  const [posts, partners, total] = await Promise.all([
    loadOpenPosts(db),
    loadPartners(db, Number(o.today.slice(0, 4))),
    countOpenCases(db, where),
  ]);
  const tPosts = performance.now();
  const workers = o.workers ?? workersFor(total);
  const engine = await createEngine(posts, { today: o.today, k, workers });
  const tEngine = performance.now();
  const writer = await openRecommendationWriter(database, { scope: o.scope, computedAt: o.computedAt });
  let processed = 0;
  let recommendations = 0;
  try {
    let writes = Promise.resolve();
    const inFlight: Promise<void>[] = [];
    const pageSize = o.pageSize ?? 4000;
    let after: string | null = null;
    await o.onProgress?.({ processed, total, posts: engine.postIds.length });
    for (;;) {
      const rows = await pageCaseFacts(db, where, after, pageSize);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.case_id;
      const caseIds = rows.map((r) => r.case_id);
      const job = engine.compute(rows.map((r) => toCandidateFacts(r, partners))).then((result) => {
        for (const i of result.items) if (i >= 0) recommendations++;
        writes = writes.then(() => writer.write({ caseIds, postIds: engine.postIds, k, ...result }));
        processed += caseIds.length;
        return writes.then(() => o.onProgress?.({ processed, total, posts: engine.postIds.length }));
      });
      inFlight.push(job);
      // keep every worker busy with one batch and one more waiting; the rest of the cases stay unread
      if (inFlight.length >= Math.max(2, 2 * engine.workers)) await inFlight.shift();
      if (rows.length < pageSize) break;
    }
    await Promise.all(inFlight);
    await writes;
  } catch (err) {
    await writer.abort();
    await engine.close();
    throw err;
  }
  await engine.close();
  const tStream = performance.now();
  await writer.finish();
  const tEnd = performance.now();
  return {
    cases: processed,
    posts: engine.postIds.length,
    recommendations,
    workers: engine.workers,
    seconds: {
      posts: (tPosts - t0) / 1000,
      engine: (tEngine - tPosts) / 1000,
      stream: (tStream - tEngine) / 1000,
      finish: (tEnd - tStream) / 1000,
      total: (tEnd - t0) / 1000,
    },
  };
}
