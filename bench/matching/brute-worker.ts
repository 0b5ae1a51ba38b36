import { parentPort } from 'node:worker_threads';
import { bruteForceTopK } from '../../src/domain/matching/brute-force.ts';
import { prepareCandidate, preparePost, type TMatchPost } from '../../src/domain/matching/prepare.ts';
import type { TCandidateFacts } from '../../src/domain/opportunities/types.ts';

/*
 * The bench's reference in a worker thread: for each case, score every open post with the scorer and take the
 * top K (bruteForceTopK) — no index, no bounds.
 */

type TMessage =
  | { type: 'init'; posts: TMatchPost[]; today: string; k: number }
  | { type: 'batch'; id: number; facts: TCandidateFacts[] };

let prepared: ReturnType<typeof preparePost>[] = [];
let today = '';
let k = 20;

parentPort!.on('message', (m: TMessage) => {
  if (m.type === 'init') {
    today = m.today;
    k = m.k;
    prepared = m.posts.map((p) => preparePost(p, { today }));
    parentPort!.postMessage({ id: 0 });
    return;
  }
  const result = m.facts.map((f) => bruteForceTopK(prepareCandidate(f, { today }), prepared, k));
  parentPort!.postMessage({ id: m.id, result });
});
