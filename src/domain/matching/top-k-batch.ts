import type { TCandidateFacts } from '../opportunities/types.ts';
import { prepareCandidate } from './prepare.ts';
import type { TopKSearch } from './top-k.ts';
import { MATCH_FACTORS } from './weights.ts';

/** The top K of many cases: post numbers (-1 past the end), scores and each result's factor points. */
export type TTopKBatch = { items: Int32Array; scores: Int16Array; points: Int8Array };

/**
 * Run the search for each candidate's facts. Result r of case n is at n * k + r; its factor points (in
 * MATCH_FACTORS order) at (n * k + r) * MATCH_FACTORS.length.
 */
export function searchBatch(
  search: TopKSearch,
  facts: readonly TCandidateFacts[],
  today: string,
): TTopKBatch {
  const { k } = search;
  const width = MATCH_FACTORS.length;
  const out: TTopKBatch = {
    items: new Int32Array(facts.length * k).fill(-1),
    scores: new Int16Array(facts.length * k),
    points: new Int8Array(facts.length * k * width),
  };
  facts.forEach((f, n) => {
    search.run(prepareCandidate(f, { today }));
    out.items.set(search.items.subarray(0, search.size), n * k);
    out.scores.set(search.scores.subarray(0, search.size), n * k);
    out.points.set(search.points.subarray(0, search.size * width), n * k * width);
  });
  return out;
}
