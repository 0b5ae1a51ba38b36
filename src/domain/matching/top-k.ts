/**
 * Top-K recommendations of one case over a post index, exactly as scoring every post would rank them, without
 * scoring every post (a threshold algorithm). Each bucket gets an upper bound for the case (its place's best
 * region tier and the maxima it keeps); buckets are visited from the highest bound down and, inside one, posts
 * from the highest key points down, and a bucket is left as soon as its bound falls below the K-th best score
 * so far. A post is then bounded exactly on every factor but eligibility and the preferred conditions (cheap:
 * typed arrays), and only posts whose bound reaches the K-th score are scored — by `scorePrepared`, the scorer
 * itself, so the bounds decide only what is skipped, never a result.
 */

import type { TCandidateFacts } from '../opportunities/types.ts';
import { OPPORTUNITY_KINDS } from '../opportunities/types.ts';
import { scorePrepared } from './factors.ts';
import {
  encodeRegion,
  industryBit,
  LEVEL_BITS,
  NO_LEVEL_RULE,
  postKindBit,
  R,
  STRIDE,
  type TBucket,
  type TMajorGroup,
  type TPlace,
  type TPostIndex,
  type TProvinceGroup,
} from './post-index.ts';
import { prepareCandidate, type TPreparedCandidate } from './prepare.ts';
import {
  INTENTION_POINTS as IP,
  MAJOR_POINTS,
  MATCH_FACTORS,
  REGION_POINTS,
  SALARY_POINTS,
} from './weights.ts';

/** Reusable per-worker state: the result heap and the "already looked at for this case" stamps. */
export class TopKSearch {
  private readonly seen: Uint32Array;
  private stamp = 0;
  private readonly kindPoints = new Int8Array(OPPORTUNITY_KINDS.length);
  private readonly prefixOf = new Int32Array(10);
  readonly scores: Int16Array;
  readonly items: Int32Array;
  /** the items' ranks by post id (ties go to the smaller id) */
  private readonly ranks: Int32Array;
  /** each item's factor points (MATCH_FACTORS order), as the scorer gave them */
  readonly points: Int8Array;
  private readonly row = new Int8Array(MATCH_FACTORS.length);
  size = 0;
  /** for the benchmark's report: posts bounded and posts scored for the last case */
  bounded = 0;
  scored = 0;

  constructor(
    readonly index: TPostIndex,
    readonly k: number,
  ) {
    this.seen = new Uint32Array(index.posts.length);
    this.provinces = [
      ...new Set([...index.groups.values()].flatMap((g) => g.provinces.map((pg) => pg.province))),
    ].sort();
    this.scores = new Int16Array(k);
    this.items = new Int32Array(k);
    this.ranks = new Int32Array(k);
    this.points = new Int8Array(k * MATCH_FACTORS.length);
  }

  /**
   * The case's top K: afterwards `size` entries of `items` (post numbers) and `scores`, best first (higher
   * score, then lower number = smaller post id).
   */
  // the case being searched, set by run() for scan()
  private c: TPreparedCandidate | null = null;
  private postKinds = 0;
  private industries = 0;
  private anyPostKind = false;
  private anyIndustry = false;
  private floor = -1;
  private digits = false;
  private majorLen = 0;
  private levelBit = 0;
  private kth = -1;

  run(c: TPreparedCandidate): void {
    this.size = 0;
    this.bounded = 0;
    this.scored = 0;
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const f = c.facts;
    this.c = c;
    for (let k = 0; k < this.kindPoints.length; k++)
      this.kindPoints[k] = c.intention === null ? IP.kindUnknown : c.kindFitsIntention[k] ? IP.kindFits : 0;
    this.postKinds = f.postKinds.reduce((m, k) => m | postKindBit(k), 0);
    this.industries = f.industries.reduce((m, k) => m | industryBit(k), 0);
    this.anyPostKind = f.postKinds.length === 0;
    this.anyIndustry = f.industries.length === 0;
    this.floor = f.salaryFloor ?? -1;
    const major = c.major ?? '';
    this.majorLen = major.length;
    this.digits = major.length > 0 && major.length <= 9;
    for (let l = 0; l < major.length; l++) {
      const d = major.charCodeAt(l) - 48;
      if (d < 0 || d > 9) this.digits = false;
    }
    this.prefixOf[0] = 0;
    for (let l = 1; l <= 9; l++)
      this.prefixOf[l] =
        this.digits && l <= major.length ? this.prefixOf[l - 1]! * 10 + major.charCodeAt(l - 1) - 48 : -1;
    this.levelBit = f.level ? LEVEL_BITS[f.level] : NO_LEVEL_RULE;
    this.kth = -1;
    this.kindMask = c.intention === null ? -1 : 0;
    for (let k = 0; k < c.kindFitsIntention.length; k++) if (c.kindFitsIntention[k]) this.kindMask |= 1 << k;
    this.pendingHead.fill(-1);
    this.pendingCount = 0;
    this.pendingTop = -1;
    // first the places that are more than one region tier for the case (home, chosen regions) and posts open
    // anywhere; then the provinces that are one tier, each only if its summary can still reach the K-th score
    this.head.fill(-1);
    this.refCount = 0;
    this.deferredCount = 0;
    this.classifyProvinces(c);
    this.setupRegions(c);
    this.collectBuckets(c);
    this.scanRefs();
    this.head.fill(-1);
    this.refCount = 0;
    for (let d = 0; d < this.deferredCount; d++) {
      const pg = this.deferredGroup[d]!;
      const region = this.deferredRegion[d]!;
      const slack = this.deferredSlack[d]!;
      if (region + slack + this.bucketBound(pg.summary) >= this.kth) this.pushPlace(pg.all, region, slack);
    }
    this.scanRefs();
    this.drain(0);
    this.sortResult();
    this.c = null;
  }

  /**
   * The collected buckets by bound, highest first (bounds are small integers: counting order). Before a bucket,
   * the posts already found that could beat anything in it are scored, best bound first, so the K-th score
   * rises early.
   */
  private scanRefs(): void {
    const { head, next, refBucket, refRegion } = this;
    for (let ub = head.length - 1; ub >= 0; ub--) {
      if (head[ub]! < 0) continue;
      this.drain(ub);
      if (ub < this.kth) break;
      for (let r = head[ub]!; r >= 0 && ub >= this.kth; r = next[r]!)
        this.scan(refBucket[r]!, ub - refBucket[r]!.keys[0]!, refRegion[r]!);
    }
  }

  // provinces that are one region tier for the case, looked at after the rest
  private deferredGroup: TProvinceGroup[] = [];
  private deferredRegion: number[] = [];
  private deferredSlack: number[] = [];
  private deferredCount = 0;

  // the case's buckets: bucket, bound and region points, chained by bound (head[ub] → next …)
  private refBucket: TBucket[] = [];
  private refUb = new Int16Array(256);
  private refRegion = new Int8Array(256);
  private next = new Int32Array(256);
  private readonly head = new Int32Array(128);
  private refCount = 0;
  private kindMask = 0;

  private pushRef(b: TBucket, region: number, slack: number): void {
    if (b.posts.length === 0) return;
    const ub = Math.min(this.head.length - 1, region + slack + this.bucketBound(b));
    const r = this.refCount++;
    if (r === this.refUb.length) {
      const grow = <T extends Int16Array | Int8Array | Int32Array>(a: T): T => {
        const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.refUb = grow(this.refUb);
      this.refRegion = grow(this.refRegion);
      this.next = grow(this.next);
    }
    this.refBucket[r] = b;
    this.refUb[r] = ub;
    this.refRegion[r] = region;
    this.next[r] = this.head[ub]!;
    this.head[ub] = r;
  }

  private pushPlace(place: TPlace | null, region: number, slack: number): void {
    if (place) for (let j = 0; j < place.length; j++) this.pushRef(place[j]!, region, slack);
  }

  /** The buckets that can hold eligible posts for the case, with their bounds and region points. */
  private collectBuckets(c: TPreparedCandidate): void {
    const groups = this.index.groups;
    this.addGroup(c, groups.get('*'), 0);
    const major = c.major;
    if (major === null) return;
    // bucket keys count prefixes as for a 6-digit major: a 2-digit one is the 门类 (10), a 4-digit one the
    // 专业类 (15); for a shorter major (研究生: 4 digits) the prefix of its full length is exact (20)
    const digits = this.digits;
    if (major.length >= 2)
      this.addGroup(c, groups.get(major.slice(0, 2)), digits && major.length > 2 ? 0 : 10);
    if (major.length >= 4)
      this.addGroup(c, groups.get(major.slice(0, 4)), digits && major.length > 4 ? 0 : 5);
  }

  private addGroup(c: TPreparedCandidate, g: TMajorGroup | undefined, slack: number): void {
    if (!g) return;
    const table = REGION_POINTS[c.regionMode];
    const home = c.home;
    const preferred = c.preferred;
    this.pushPlace(g.nationwide, table.nationwide, slack);
    for (const pg of g.provinces) {
      const P = pg.province;
      // a province is one tier for the case unless it is home or a chosen region lies inside it
      if (!this.special.has(P)) {
        const d = this.deferredCount++;
        this.deferredGroup[d] = pg;
        this.deferredRegion[d] = this.uniform.get(P) ?? table.elsewhere;
        this.deferredSlack[d] = slack;
        continue;
      }
      const partner = c.partners.includes(P) ? table.partner : 0;
      // a home that is only a province code (incomplete data) is that province's own "county"
      const province = home === P ? table.county : home?.startsWith(P) ? table.province : 0;
      let wide = 0;
      for (const R of preferred) if (R.startsWith(P) || P.startsWith(R)) wide = table.preferred;
      this.pushPlace(pg.wide, Math.max(table.elsewhere, partner, province, wide), slack);
      for (const { key, place } of pg.prefectures) {
        const inHome = home?.startsWith(key) ? Math.max(table.county, table.prefecture) : 0;
        let pref = 0;
        for (const R of preferred) if (R.startsWith(key) || key.startsWith(R)) pref = table.preferred;
        this.pushPlace(place, Math.max(table.elsewhere, partner, province, inHome, pref), slack);
      }
    }
  }

  // per case, for exact region points from the records (the scorer's tiers on numbers; see encodeRegion)
  private home = -1;
  private exactRegions = false;
  private preferredCodes: number[] = [];
  private readonly partnerProvince = new Uint8Array(100);
  private tierPoints = new Int8Array(7);

  private setupRegions(c: TPreparedCandidate): void {
    const table = REGION_POINTS[c.regionMode];
    this.tierPoints = Int8Array.from([
      table.county,
      table.prefecture,
      table.province,
      table.preferred,
      table.partner,
      table.nationwide,
      table.elsewhere,
    ]);
    const home = c.home === null ? -2 : encodeRegion(c.home);
    this.home = home >= 0 && home % 10 === 6 ? (home - 6) / 10 : -1;
    this.preferredCodes = c.preferred.map(encodeRegion);
    this.partnerProvince.fill(0);
    let clean = c.home === null || this.home >= 0;
    for (const P of c.partners) {
      if (/^\d{2}$/.test(P)) this.partnerProvince[Number(P)] = 1;
      else clean = false;
    }
    this.exactRegions = clean && this.preferredCodes.every((r) => r >= 0);
  }

  /** The post's region points for the case from its record, or the bucket's bound when it cannot tell. */
  private regionOf(o: number, bucketRegion: number): number {
    const rec = this.index.rec;
    const n = rec[o + R.regionCount]!;
    const pts = this.tierPoints;
    if (n === 0) return pts[5]!;
    if (n < 0 || !this.exactRegions) return bucketRegion;
    const home = this.home;
    let best = 0;
    for (let k = 0; k < n; k++) {
      const code = rec[o + R.region0 + k]!;
      const len = code % 10;
      const v = (code - len) / 10;
      let tier = 6;
      if (home >= 0) {
        if (len === 6 && v === home) tier = 0;
        else if (len >= 4 && Math.floor(v / 100) === Math.floor(home / 100)) tier = 1;
        else if (Math.floor(v / 10000) === Math.floor(home / 10000)) tier = 2;
      }
      if (pts[3]! > pts[tier]!)
        for (const R0 of this.preferredCodes) {
          const rl = R0 % 10;
          const d = POW10[6 - Math.min(len, rl)]!;
          if (Math.floor(v / d) === Math.floor((R0 - rl) / 10 / d)) {
            tier = 3;
            break;
          }
        }
      if (pts[4]! > pts[tier]! && this.partnerProvince[Math.floor(v / 10000)]) tier = 4;
      if (pts[tier]! > best) best = pts[tier]!;
    }
    return best;
  }

  // per case: provinces that are more than one tier (home, or a chosen region inside), and the tier points of
  // the provinces that are one tier but not "elsewhere" (partner provinces, chosen provinces)
  private special = new Set<string>();
  private uniform = new Map<string, number>();
  /** every province code with posts in the index */
  private readonly provinces: string[];

  private classifyProvinces(c: TPreparedCandidate): void {
    const table = REGION_POINTS[c.regionMode];
    this.special.clear();
    this.uniform.clear();
    if (c.home) this.special.add(c.home.slice(0, 2));
    for (const R of c.preferred) if (R.length > 2) this.special.add(R.slice(0, 2));
    for (const P of c.partners) this.uniform.set(P, Math.max(table.elsewhere, table.partner));
    // a chosen region of 2 digits or fewer covers whole provinces (a shorter code: every province it begins)
    for (const R of c.preferred)
      if (R.length <= 2)
        for (const P of this.provinces)
          if (P.startsWith(R))
            this.uniform.set(P, Math.max(this.uniform.get(P) ?? table.elsewhere, table.preferred));
  }

  /** Upper bound of a bucket's intention and salary points plus its best key (which carries the rest). */
  private bucketBound(b: TBucket): number {
    const kindMask = this.kindMask;
    const kind = kindMask === -1 ? IP.kindUnknown : b.kindMask & kindMask ? IP.kindFits : 0;
    const postKind = this.anyPostKind
      ? IP.postKindUnknown
      : b.postKindMask & this.postKinds
        ? IP.postKindFits
        : 0;
    const industry = this.anyIndustry
      ? IP.industryUnknown
      : b.industryMask & this.industries
        ? IP.industryFits
        : b.hasNullIndustry
          ? IP.industryUnknown
          : 0;
    let salary: number = SALARY_POINTS.unknown;
    const floor = this.floor;
    if (floor >= 0) {
      salary = b.maxLo >= floor ? SALARY_POINTS.above : b.maxHi >= floor ? SALARY_POINTS.reaches : 0;
      if (b.hasUnknownSalary) salary = Math.max(salary, SALARY_POINTS.unknown);
    }
    return kind + postKind + industry + salary + b.keys[0]!;
  }

  /**
   * One bucket, posts by key points descending: leave when even the best key cannot reach the K-th score;
   * bound each post exactly but for eligibility and preferences, with this bucket's region points (a post
   * with a better region elsewhere is looked at there, so a post skipped here is not marked seen).
   */
  private scan(bucket: TBucket, base: number, region: number): void {
    const { rec, majorValue, majorLength } = this.index;
    const { seen, stamp, kindPoints, prefixOf, postKinds, industries, anyPostKind, anyIndustry, floor } =
      this;
    const { digits, majorLen, levelBit } = this;
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
      // everything but the region first; with the bucket's region bound it may already fall short
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
      if (rec[o + R.anyMajor]) b += MAJOR_POINTS.any;
      else if (!digits) b += MAJOR_POINTS.exact;
      else {
        let best = 0;
        for (let m = rec[o + R.majorStart]!, end = rec[o + R.majorEnd]!; m < end; m++) {
          const len = majorLength[m]!;
          if (len > best && len <= majorLen && prefixOf[len] === majorValue[m]) best = len;
        }
        // no accepted prefix fits: the major rule fails for this case
        if (best === 0) {
          seen[i] = stamp;
          continue;
        }
        b += best >= majorLen ? MAJOR_POINTS.exact : best >= 4 ? MAJOR_POINTS.class : MAJOR_POINTS.category;
      }
      // a bound equal to the K-th score wins only with a lower number (a smaller post id)
      const rank = rec[o + R.idRank]!;
      if (b + region < kth || (b + region === kth && rank > this.ranks[0]!)) continue;
      b += this.regionOf(o, region);
      if (b < kth || (b === kth && rank > this.ranks[0]!)) continue;
      this.addPending(i, b);
    }
  }

  // posts bounded but not yet scored, chained by bound (pendingHead[b] → pendingNext …)
  private readonly pendingHead = new Int32Array(160).fill(-1);
  private pendingPost = new Int32Array(1024);
  private pendingNext = new Int32Array(1024);
  private pendingCount = 0;
  private pendingTop = -1;

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
    const { pendingHead, pendingNext, pendingPost, seen, stamp } = this;
    const c = this.c!;
    const posts = this.index.posts;
    for (let b = this.pendingTop; b >= floor && b >= this.kth; b--) {
      while (pendingHead[b]! >= 0 && b >= this.kth) {
        const n = pendingHead[b]!;
        pendingHead[b] = pendingNext[n]!;
        const i = pendingPost[n]!;
        const rank = this.index.rec[i * STRIDE + R.idRank]!;
        if (seen[i] === stamp || (b === this.kth && rank > this.ranks[0]!)) continue;
        seen[i] = stamp;
        this.scored++;
        const s = scorePrepared(c, posts[i]!, this.row);
        if (s < 0) continue;
        this.offer(s, rank, i);
        if (this.size === this.k) this.kth = this.scores[0]!;
      }
      if (pendingHead[b]! < 0 && b === this.pendingTop) this.pendingTop = b - 1;
    }
  }

  /** Slot `to` takes slot `from`'s entry. */
  private move(from: number, to: number): void {
    const W = MATCH_FACTORS.length;
    this.scores[to] = this.scores[from]!;
    this.ranks[to] = this.ranks[from]!;
    this.items[to] = this.items[from]!;
    this.points.copyWithin(to * W, from * W, from * W + W);
  }

  private put(n: number, s: number, rank: number, i: number, pts: Int8Array): void {
    this.scores[n] = s;
    this.ranks[n] = rank;
    this.items[n] = i;
    this.points.set(pts, n * MATCH_FACTORS.length);
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
    const W = MATCH_FACTORS.length;
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

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** (score s1, id rank r1) ranks below (s2, r2). */
const worse = (s1: number, r1: number, s2: number, r2: number) => s1 < s2 || (s1 === s2 && r1 > r2);

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
