import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { buildPostIndex, openPostsInOrder } from '../../../domain/matching/post-index.ts';
import { preparePost, type TMatchPost } from '../../../domain/matching/prepare.ts';
import { TopKSearch } from '../../../domain/matching/top-k.ts';
import { searchBatch, type TTopKBatch } from '../../../domain/matching/top-k-batch.ts';
import type { TCandidateFacts } from '../../../domain/opportunities/types.ts';
import { startTsWorker } from './ts-worker.ts';

/*
 * The top-K engine for batch runs: the same search in this thread (small runs, tests) or in worker threads,
 * one per core, each holding its own copy of the post index. Batches of cases go to whichever worker is free;
 * results come back as typed arrays (transferred, not copied). Post numbers index `postIds`.
 */

export type TEngineOptions = { today: string; k: number; workers: number };

export type TTopKEngine = {
  /** ids of the posts that can be recommended today, in the order result numbers refer to */
  postIds: string[];
  /** worker threads in use (0: this thread — also when workers could not start) */
  workers: number;
  compute(facts: TCandidateFacts[]): Promise<TTopKBatch>;
  close(): Promise<void>;
};

/** How many worker threads a run of `cases` cases should use: none for small runs, else one per core. */
export function workersFor(cases: number): number {
  return cases < 20_000 ? 0 : Math.max(1, Math.min(availableParallelism(), 4));
}

export async function createEngine(posts: TMatchPost[], opts: TEngineOptions): Promise<TTopKEngine> {
  const prepared = posts.map((p) => preparePost(p, { today: opts.today }));
  const postIds = openPostsInOrder(prepared).map((p) => p.post.id);
  if (opts.workers > 0) {
    try {
      return await createWorkerEngine(posts, postIds, opts);
    } catch {
      // e.g. no TypeScript loader for the worker: fall back to this thread
    }
  }
  const search = new TopKSearch(buildPostIndex(prepared), opts.k);
  return {
    postIds,
    workers: 0,
    compute: async (facts) => searchBatch(search, facts, opts.today),
    close: async () => {},
  };
}

type TReply = { id: number; result?: TTopKBatch; error?: string; ready?: number };

async function createWorkerEngine(
  posts: TMatchPost[],
  postIds: string[],
  opts: TEngineOptions,
): Promise<TTopKEngine> {
  const url = new URL('./batch-worker.ts', import.meta.url);
  const workers = Array.from({ length: opts.workers }, () => startTsWorker(url));
  const pending = new Map<number, { resolve: (r: TTopKBatch) => void; reject: (e: Error) => void }>();
  const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let nextId = 1;
  const readies = workers.map(
    (w) =>
      new Promise<void>((resolve, reject) => {
        w.on('message', (m: TReply) => {
          if (m.ready !== undefined) {
            if (m.ready !== postIds.length) reject(new Error('worker built a different post index'));
            else resolve();
            return;
          }
          const p = pending.get(m.id);
          pending.delete(m.id);
          busy.set(w, busy.get(w)! - 1);
          if (m.error) p?.reject(new Error(m.error));
          else p?.resolve(m.result!);
        });
        w.on('error', reject);
        w.postMessage({ type: 'init', posts, today: opts.today, k: opts.k });
      }),
  );
  try {
    await Promise.all(readies);
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  return {
    postIds,
    workers: workers.length,
    compute(facts) {
      // the least busy worker
      const w = [...busy.entries()].sort((a, b) => a[1] - b[1])[0]![0];
      busy.set(w, busy.get(w)! + 1);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ type: 'batch', id, facts });
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
