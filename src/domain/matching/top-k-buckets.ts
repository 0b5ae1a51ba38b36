/**
 * The buckets one case's search visits, each with its upper bound and region points, chained by bound so they
 * are taken highest first without sorting (bounds are small integers). Places that are more than one region
 * tier for the case (its home province, provinces holding a chosen region) and posts open anywhere come first;
 * provinces that are one tier for the case are held back and added only if their summary can still reach the
 * K-th score once the first buckets are done.
 */

import type { TBucket, TMajorGroup, TPlace, TPostIndex, TProvinceGroup } from './post-index.ts';
import type { TPreparedCandidate } from './prepare.ts';
import type { CaseBounds } from './top-k-bounds.ts';
import { REGION_POINTS } from './weights.ts';

export class BucketQueue {
  // chained by bound: head[ub] → next …
  readonly head = new Int32Array(128);
  next = new Int32Array(256);
  bucket: TBucket[] = [];
  region = new Int8Array(256);
  private count = 0;
  // provinces that are one region tier for the case, looked at after the rest
  private deferredGroup: TProvinceGroup[] = [];
  private deferredRegion: number[] = [];
  private deferredSlack: number[] = [];
  private deferredCount = 0;
  // provinces that are more than one tier; tier points of one-tier provinces other than "elsewhere"
  private readonly special = new Set<string>();
  private readonly uniform = new Map<string, number>();
  /** every province code with posts in the index */
  private readonly provinces: string[];

  constructor(
    private readonly index: TPostIndex,
    private readonly bounds: CaseBounds,
  ) {
    this.provinces = [
      ...new Set([...index.groups.values()].flatMap((g) => g.provinces.map((pg) => pg.province))),
    ].sort();
  }

  /** The first buckets of the case: its special places and posts open anywhere; the rest held back. */
  collect(c: TPreparedCandidate): void {
    this.clear();
    this.deferredCount = 0;
    this.classifyProvinces(c);
    const groups = this.index.groups;
    this.addGroup(c, groups.get('*'), 0);
    const major = c.major;
    if (major === null) return;
    // bucket keys count prefixes as for a 6-digit major: a 2-digit one is the 门类 (10), a 4-digit one the
    // 专业类 (15); for a shorter major (研究生: 4 digits) the prefix of its full length is exact (20)
    const digits = this.bounds.digits;
    if (major.length >= 2)
      this.addGroup(c, groups.get(major.slice(0, 2)), digits && major.length > 2 ? 0 : 10);
    if (major.length >= 4)
      this.addGroup(c, groups.get(major.slice(0, 4)), digits && major.length > 4 ? 0 : 5);
  }

  /** Replace the queue with the held-back provinces whose summary bound reaches `kth`. */
  collectDeferred(kth: number): void {
    this.clear();
    for (let d = 0; d < this.deferredCount; d++) {
      const pg = this.deferredGroup[d]!;
      const region = this.deferredRegion[d]!;
      const slack = this.deferredSlack[d]!;
      if (region + slack + this.bounds.bucketBound(pg.summary) >= kth) this.pushPlace(pg.all, region, slack);
    }
  }

  private clear(): void {
    this.head.fill(-1);
    this.count = 0;
  }

  private push(b: TBucket, region: number, slack: number): void {
    if (b.posts.length === 0) return;
    const ub = Math.min(this.head.length - 1, region + slack + this.bounds.bucketBound(b));
    const r = this.count++;
    if (r === this.next.length) {
      const next = new Int32Array(r * 2);
      const reg = new Int8Array(r * 2);
      next.set(this.next);
      reg.set(this.region);
      this.next = next;
      this.region = reg;
    }
    this.bucket[r] = b;
    this.region[r] = region;
    this.next[r] = this.head[ub]!;
    this.head[ub] = r;
  }

  private pushPlace(place: TPlace | null, region: number, slack: number): void {
    if (place) for (let j = 0; j < place.length; j++) this.push(place[j]!, region, slack);
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
}
