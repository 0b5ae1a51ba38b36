/**
 * The reference the top-K engine must reproduce: score every post with the scorer, order the eligible ones
 * (score, then post id) and take the first K. Scores are integers 0–100, so it finds the K-th score by counting
 * and sorts only the posts at or above it — the same result as sorting them all.
 */
import { scorePrepared } from './factors.ts';
import type { TPreparedCandidate, TPreparedPost } from './prepare.ts';
import { compareMatches } from './scorer.ts';

export type TScoredPost = { postId: string; score: number };

export function bruteForceTopK(
  c: TPreparedCandidate,
  posts: readonly TPreparedPost[],
  k: number,
): TScoredPost[] {
  const scores = new Int16Array(posts.length);
  const counts = new Int32Array(101);
  for (let i = 0; i < posts.length; i++) {
    const s = scorePrepared(c, posts[i]!);
    scores[i] = s;
    if (s >= 0) counts[s]!++;
  }
  let threshold = 0;
  for (let s = 100, seen = 0; s >= 0; s--) {
    seen += counts[s]!;
    if (seen >= k) {
      threshold = s;
      break;
    }
  }
  const top: TScoredPost[] = [];
  for (let i = 0; i < posts.length; i++)
    if (scores[i]! >= threshold && scores[i]! >= 0)
      top.push({ postId: posts[i]!.post.id, score: scores[i]! });
  return top.sort(compareMatches).slice(0, k);
}
