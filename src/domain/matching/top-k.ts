/**
 * Top-K recommendations of one case over a post index, exactly as scoring every post would rank them, without
 * scoring every post (a threshold algorithm). Buckets are visited from the highest upper bound down
 * (top-k-buckets.ts); inside one, posts go from the highest key points down and the bucket is left as soon as
 * its bound falls below the K-th best score so far. Each post then gets a cheap bound from its record
 * (top-k-bounds.ts: exact but for eligibility and preferred conditions); posts whose bound reaches the K-th
 * score wait in a queue by bound and are scored best bound first — by `scorePrepared`, the scorer itself, or,
 * for posts whose bound is their score, by the bound — so bounds decide only what is skipped, never a result.
 */
import { OPPORTUNITY_KINDS } from '../opportunities/types.ts';
import { scorePrepared } from './factors.ts';
import { FLAG_ANY_MAJOR, R, STRIDE, type TBucket, type TPostIndex } from './post-index.ts';
import type { TPreparedCandidate } from './prepare.ts';
import { CaseBounds } from './top-k-bounds.ts';
import { BucketQueue } from './top-k-buckets.ts';
import { INTENTION_POINTS as IP, MAJOR_POINTS, MATCH_FACTORS, SALARY_POINTS } from './weights.ts';

const W = MATCH_FACTORS.length;

/** (score s1, id rank r1) ranks below (s2, r2). */
const worse = (s1: number, r1: number, s2: number, r2: number) => s1 < s2 || (s1 === s2 && r1 > r2);

/** Reusable per-worker state: the case's bounds and buckets, the queue, the result heap, the "seen" stamps. */
export class TopKSearch {
  /** after run(): `size` results, best first — post numbers, scores and factor points (MATCH_FACTORS order) */
  readonly items: Int32Array;
  readonly scores: Int16Array;
  readonly points: Int8Array;
  size = 0;
  /** for the benchmark's report: posts bounded and posts given to the scorer for the last case */
  bounded = 0;
  scored = 0;
  /** the results' ranks by post id (ties go to the smaller id) */
  private readonly ranks: Int32Array;
  private readonly row = new Int8Array(W);
  private readonly seen: Uint32Array;
  private stamp = 0;
  private kth = -1;
  private readonly bounds: CaseBounds;
  private readonly queue: BucketQueue;
  // posts bounded but not yet scored, chained by bound (pendingHead[b] → pendingNext …)
  private readonly pendingHead = new Int32Array(160).fill(-1);
  private pendingPost = new Int32Array(1024);
  private pendingNext = new Int32Array(1024);
  private pendingCount = 0;
  private pendingTop = -1;

  constructor(
    readonly index: TPostIndex,
    readonly k: number,
  ) {
    this.seen = new Uint32Array(index.posts.length);
    this.items = new Int32Array(k);
    this.scores = new Int16Array(k);
    this.points = new Int8Array(k * W);
    this.ranks = new Int32Array(k);
    this.bounds = new CaseBounds(index, OPPORTUNITY_KINDS.length);
    this.queue = new BucketQueue(index, this.bounds);
  }

  run(c: TPreparedCandidate): void {
    this.size = 0;
    this.bounded = 0;
    this.scored = 0;
    this.kth = -1;
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    this.pendingHead.fill(-1);
    this.pendingCount = 0;
    this.pendingTop = -1;
    this.bounds.setup(c);
    this.queue.collect(c);
    this.scanQueue();
    this.queue.collectDeferred(this.kth);
    this.scanQueue();
    this.drain(0);
    this.sortResult();
    this.finishPoints();
    this.bounds.c = null;
  }

  /** The queued buckets, highest bound first; before each, the pending posts that could beat it are scored. */
  private scanQueue(): void {
    const { head, next, bucket, region } = this.queue;
    for (let ub = head.length - 1; ub >= 0; ub--) {
      if (head[ub]! < 0) continue;
      this.drain(ub);
      if (ub < this.kth) break;
      for (let r = head[ub]!; r >= 0 && ub >= this.kth; r = next[r]!)
        this.scan(bucket[r]!, ub - bucket[r]!.keys[0]!, region[r]!);
    }
  }

  /**
   * One bucket, posts by key points descending: leave when even the best key cannot reach the K-th score;
   * queue each post whose bound reaches it. The bucket's region points stand in until the post's own are
   * needed; a post with a better region elsewhere is looked at there, so a post skipped here is not marked seen.
   */
  private scan(bucket: TBucket, base: number, region: number): void {
    const { rec, majorValue, majorLength } = this.index;
    const { seen, stamp, bounds } = this;
    // the case's tables in locals: this loop runs for hundreds of posts per case
    const { levelBit, kindPoints, prefixOf, postKinds, industries, anyPostKind, anyIndustry, floor } = bounds;
    const { digits, majorLen } = bounds;
    const list = bucket.posts;
    const keys = bucket.keys;
    let kth = this.kth;
    for (let j = 0; j < list.length; j++) {
      const top = base + keys[j]!;
      if (top < kth) break;
      // now and then, score what was found that beats anything left in this bucket: the K-th score rises
      if ((j & 15) === 15 && this.pendingTop >= top) {
        this.drain(top);
        kth = this.kth;
        if (top < kth) break;
      }
      const i = list[j]!;
      if (seen[i] === stamp) continue;
      const o = i * STRIDE;
      if ((rec[o + R.levelMask]! & levelBit) === 0) {
        seen[i] = stamp;
        continue;
      }
      this.bounded++;
      // employer, freshness and target priority (static), preferred conditions at most, intention, salary
      let b = rec[o + R.static]! + rec[o + R.preferenceCap]! + kindPoints[rec[o + R.kind]!]!;
      b += anyPostKind ? IP.postKindUnknown : rec[o + R.postKindMask]! & postKinds ? IP.postKindFits : 0;
      const ib = rec[o + R.industryBit]!;
      b += anyIndustry || ib === 0 ? IP.industryUnknown : ib & industries ? IP.industryFits : 0;
      const lo = rec[o + R.salaryLo]!;
      b +=
        floor < 0 || lo < 0
          ? SALARY_POINTS.unknown
          : lo >= floor
            ? SALARY_POINTS.above
            : rec[o + R.salaryHi]! >= floor
              ? SALARY_POINTS.reaches
              : SALARY_POINTS.below;
      // major: the most specific accepted prefix (none fits: the majors rule fails, never recommended)
      if (rec[o + R.flags]! & FLAG_ANY_MAJOR) b += MAJOR_POINTS.any;
      else if (!digits) b += MAJOR_POINTS.exact;
      else {
        let best = 0;
        for (let m = rec[o + R.majorStart]!, end = rec[o + R.majorEnd]!; m < end; m++) {
          const len = majorLength[m]!;
          if (len > best && len <= majorLen && prefixOf[len] === majorValue[m]) best = len;
        }
        if (best === 0) {
          seen[i] = stamp;
          continue;
        }
        b += best >= majorLen ? MAJOR_POINTS.exact : best >= 4 ? MAJOR_POINTS.class : MAJOR_POINTS.category;
      }
      // a bound equal to the K-th score wins only with a smaller post id
      const rank = rec[o + R.idRank]!;
      if (b + region < kth || (b + region === kth && rank > this.ranks[0]!)) continue;
      b += bounds.regionOf(o, region);
      if (b < kth || (b === kth && rank > this.ranks[0]!)) continue;
      this.addPending(i, b);
    }
  }

  /**
   * Remember a post and its bound. A post may be added again from another bucket with a better region; the
   * first time it is scored marks it seen and later entries are skipped.
   */
  private addPending(i: number, b: number): void {
    const bound = Math.min(b, this.pendingHead.length - 1);
    const n = this.pendingCount++;
    if (n === this.pendingPost.length) {
      const post = new Int32Array(n * 2);
      const nxt = new Int32Array(n * 2);
      post.set(this.pendingPost);
      nxt.set(this.pendingNext);
      this.pendingPost = post;
      this.pendingNext = nxt;
    }
    this.pendingPost[n] = i;
    this.pendingNext[n] = this.pendingHead[bound]!;
    this.pendingHead[bound] = n;
    if (bound > this.pendingTop) this.pendingTop = bound;
  }

  /** Score pending posts whose bound is at least `floor` (and can still reach the K-th score), best first. */
  private drain(floor: number): void {
    const { pendingHead, pendingNext, pendingPost, seen, stamp, bounds } = this;
    const c = bounds.c!;
    const posts = this.index.posts;
    for (let b = this.pendingTop; b >= floor && b >= this.kth; b--) {
      while (pendingHead[b]! >= 0 && b >= this.kth) {
        const n = pendingHead[b]!;
        pendingHead[b] = pendingNext[n]!;
        const i = pendingPost[n]!;
        const rank = this.index.rec[i * STRIDE + R.idRank]!;
        if (seen[i] === stamp || (b === this.kth && rank > this.ranks[0]!)) continue;
        seen[i] = stamp;
        let s: number;
        if (bounds.boundIsScore(i)) {
          // the bound is the score: the factor points are filled in for the final K only (finishPoints)
          s = b;
          this.row[0] = -1;
        } else {
          this.scored++;
          s = scorePrepared(c, posts[i]!, this.row);
          if (s < 0) continue;
        }
        this.offer(s, rank, i);
        if (this.size === this.k) this.kth = this.scores[0]!;
      }
      if (pendingHead[b]! < 0 && b === this.pendingTop) this.pendingTop = b - 1;
    }
  }

  /** Factor points of results taken from their bound, from the scorer — which must agree with the bound. */
  private finishPoints(): void {
    const c = this.bounds.c!;
    for (let n = 0; n < this.size; n++) {
      if (this.points[n * W] !== -1) continue;
      const post = this.index.posts[this.items[n]!]!;
      const s = scorePrepared(c, post, this.row);
      if (s !== this.scores[n])
        throw new Error(`top-K: bound ${this.scores[n]} and score ${s} differ for post ${post.post.id}`);
      this.points.set(this.row, n * W);
    }
  }

  /** Slot `to` takes slot `from`'s entry. */
  private move(from: number, to: number): void {
    this.scores[to] = this.scores[from]!;
    this.ranks[to] = this.ranks[from]!;
    this.items[to] = this.items[from]!;
    this.points.copyWithin(to * W, from * W, from * W + W);
  }

  private put(n: number, s: number, rank: number, i: number, pts: Int8Array): void {
    this.scores[n] = s;
    this.ranks[n] = rank;
    this.items[n] = i;
    this.points.set(pts, n * W);
  }

  /** Min-heap on (score, then larger id rank = worse): the root is the current K-th best. */
  private offer(s: number, rank: number, i: number): void {
    const { scores, ranks } = this;
    let n: number;
    if (this.size < this.k) {
      n = this.size++;
      while (n > 0) {
        const parent = (n - 1) >> 1;
        if (!worse(s, rank, scores[parent]!, ranks[parent]!)) break;
        this.move(parent, n);
        n = parent;
      }
    } else {
      if (!worse(scores[0]!, ranks[0]!, s, rank)) return;
      n = 0;
      for (;;) {
        const l = 2 * n + 1;
        if (l >= this.size) break;
        const r = l + 1;
        const m = r < this.size && worse(scores[r]!, ranks[r]!, scores[l]!, ranks[l]!) ? r : l;
        if (!worse(scores[m]!, ranks[m]!, s, rank)) break;
        this.move(m, n);
        n = m;
      }
    }
    this.put(n, s, rank, i, this.row);
  }

  /** Heap order → best first (insertion sort: K is small). */
  private sortResult(): void {
    const { scores, ranks, items } = this;
    const pts = new Int8Array(W);
    for (let a = 1; a < this.size; a++) {
      const s = scores[a]!;
      const rank = ranks[a]!;
      const i = items[a]!;
      pts.set(this.points.subarray(a * W, a * W + W));
      let b = a - 1;
      while (b >= 0 && worse(scores[b]!, ranks[b]!, s, rank)) {
        this.move(b, b + 1);
        b--;
      }
      this.put(b + 1, s, rank, i, pts);
    }
  }
}
