/**
 * What the top-K search knows about one case, set up once per case: the tables its cheap per-post bound reads
 * (top-k.ts: exact on every factor but eligibility and preferred conditions), the bound of a whole bucket, and
 * the case's region tiers on the records' numeric region codes. Every table mirrors a factor in
 * factors.ts; the randomised tests compare the search with scoring every post.
 */
import {
  encodeRegion,
  FLAG_ANY_MAJOR,
  FLAG_SIMPLE,
  FLAG_TARGET_PRIORITY,
  industryBit,
  LEVEL_BITS,
  NO_LEVEL_RULE,
  OTHER_BIT,
  postKindBit,
  R,
  STRIDE,
  type TBucket,
  type TPostIndex,
} from './post-index.ts';
import type { TPreparedCandidate } from './prepare.ts';
import { INTENTION_POINTS as IP, REGION_POINTS, SALARY_POINTS } from './weights.ts';

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

export class CaseBounds {
  c: TPreparedCandidate | null = null;
  levelBit = 0;
  readonly kindPoints: Int8Array;
  readonly prefixOf = new Int32Array(10);
  postKinds = 0;
  industries = 0;
  anyPostKind = false;
  anyIndustry = false;
  floor = -1;
  /** the case's major is a plain digit code (its prefixes are in prefixOf) */
  digits = false;
  majorLen = 0;
  private kindMask = 0;
  private isTarget = false;
  /** the case's facts are plain codes: bounds of simple posts are their scores */
  private plainCase = false;
  // region tiers on numbers (see encodeRegion)
  private home = -1;
  private exactRegions = false;
  private preferredCodes: number[] = [];
  private readonly partnerProvince = new Uint8Array(100);
  private tierPoints = new Int8Array(7);

  constructor(
    private readonly index: TPostIndex,
    kinds: number,
  ) {
    this.kindPoints = new Int8Array(kinds);
  }

  setup(c: TPreparedCandidate): void {
    const f = c.facts;
    this.c = c;
    for (let k = 0; k < this.kindPoints.length; k++)
      this.kindPoints[k] = c.intention === null ? IP.kindUnknown : c.kindFitsIntention[k] ? IP.kindFits : 0;
    this.kindMask = c.intention === null ? -1 : 0;
    for (let k = 0; k < c.kindFitsIntention.length; k++) if (c.kindFitsIntention[k]) this.kindMask |= 1 << k;
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
    this.setupRegions(c);
    this.isTarget = f.isTarget;
    this.plainCase =
      this.exactRegions &&
      f.postKinds.every((k) => postKindBit(k) !== OTHER_BIT) &&
      f.industries.every((k) => industryBit(k) !== OTHER_BIT);
  }

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
  regionOf(o: number, bucketRegion: number): number {
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

  /** Whether post i's bound (with exact region) is exactly its score for this case (see FLAG_SIMPLE). */
  boundIsScore(i: number): boolean {
    if (!this.plainCase) return false;
    const flags = this.index.rec[i * STRIDE + R.flags]!;
    if (!(flags & FLAG_SIMPLE)) return false;
    if (!(flags & FLAG_ANY_MAJOR) && !this.digits) return false;
    return this.isTarget || !(flags & FLAG_TARGET_PRIORITY);
  }

  /** Upper bound of a bucket's intention and salary points plus its best key (which carries the rest). */
  bucketBound(b: TBucket): number {
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
}
