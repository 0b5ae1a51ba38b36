import { parentPort } from 'node:worker_threads';
import { buildPostIndex } from '../../../domain/matching/post-index.ts';
import { preparePost, type TMatchPost } from '../../../domain/matching/prepare.ts';
import { TopKSearch } from '../../../domain/matching/top-k.ts';
import { searchBatch } from '../../../domain/matching/top-k-batch.ts';
import type { TCandidateFacts } from '../../../domain/opportunities/types.ts';

/*
 * A worker thread of the batch engine (batch-engine.ts): builds its own post index once, then answers batches
 * of cases with their top K. Pure computation: no database, no I/O besides messages.
 */

type TMessage =
  | { type: 'init'; posts: TMatchPost[]; today: string; k: number }
  | { type: 'batch'; id: number; facts: TCandidateFacts[] };

let search: TopKSearch | null = null;
let today = '';

// Posts out of a structured clone do not share the hidden classes of object literals, which the scorer reads
// in its hot loops: rebuild them with one literal shape (once per run).
const post = (p: TMatchPost): TMatchPost => ({
  id: p.id,
  kind: p.kind,
  postKind: p.postKind,
  industry: p.industry,
  regionCodes: [...p.regionCodes],
  majorPrefixes: [...p.majorPrefixes],
  minLevel: p.minLevel,
  eligibilityRules: p.eligibilityRules.map((r) => ({ ...r })),
  quotaLeft: p.quotaLeft,
  deadline: p.deadline,
  salaryMin: p.salaryMin,
  salaryMax: p.salaryMax,
  employerTags: [...p.employerTags],
  targetPriority: p.targetPriority,
  publishedOn: p.publishedOn,
});

parentPort!.on('message', (m: TMessage) => {
  if (m.type === 'init') {
    today = m.today;
    const index = buildPostIndex(m.posts.map((p) => preparePost(post(p), { today })));
    search = new TopKSearch(index, m.k);
    parentPort!.postMessage({ id: 0, ready: index.posts.length });
    return;
  }
  try {
    const result = searchBatch(search!, m.facts, today);
    parentPort!.postMessage({ id: m.id, result }, [
      result.items.buffer,
      result.scores.buffer,
      result.points.buffer,
    ] as ArrayBuffer[]);
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
