/**
 * A post's record in the post index: one 64-byte row of numbers per post (what the top-K search's cheap bound
 * reads, so a scan touches one cache line per post), the bits codes map to, and the numeric region codes.
 */
import { INDUSTRIES, POST_KINDS } from '../ledger/codes.ts';
import { OPPORTUNITY_KIND_META } from '../opportunities/kinds.ts';
import { LEVEL_RANK, OPPORTUNITY_KINDS } from '../opportunities/types.ts';
import type { TPostIndex } from './post-index.ts';
import type { TPreparedPost } from './prepare.ts';
import { MATCH_WEIGHTS, PREFERENCE_POINTS_EACH } from './weights.ts';

/** Fields of a post's record in `TPostIndex.rec` (one cache line per post: a scan touches one line). */
export const R = {
  static: 0,
  levelMask: 1,
  kind: 2,
  postKindMask: 3,
  industryBit: 4,
  salaryLo: 5,
  salaryHi: 6,
  preferenceCap: 7,
  /** FLAG_* bits */
  flags: 8,
  majorStart: 9,
  majorEnd: 10,
  idRank: 11,
  /** how many regions (0: anywhere; -1: more than fit, or not plain codes) and up to 3 of them (encodeRegion) */
  regionCount: 12,
  region0: 13,
} as const;
/** regions a record holds */
export const MAX_REGIONS = 3;

/**
 * A region prefix as a number: the code padded to 6 digits, times 10, plus its length ('5201' → 5201004);
 * -1 when it is not 2, 4 or 6 digits (the search then uses the bucket's region bound).
 */
export function encodeRegion(code: string): number {
  if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(code)) return -1;
  return Number(code.padEnd(6, '0')) * 10 + code.length;
}
export const STRIDE = 16;
/** 不限 majors */
export const FLAG_ANY_MAJOR = 1;
/**
 * Nothing but level and majors to check, no preferred conditions, plain region codes: the search's bound is
 * the score itself (when the case's facts are plain too), so it need not call the scorer for it.
 */
export const FLAG_SIMPLE = 2;
export const FLAG_TARGET_PRIORITY = 4;

export const KIND_BIT = new Map(OPPORTUNITY_KINDS.map((k, i) => [k, 1 << i]));
/** Codes outside the lists share one bit, so bounds stay safe (only looser) even on unexpected data. */
export const OTHER_BIT = 1 << 30;
const POST_KIND_BIT = new Map<string, number>(POST_KINDS.map((k, i) => [k, 1 << i]));
export const postKindBit = (code: string) => POST_KIND_BIT.get(code) ?? OTHER_BIT;
const INDUSTRY_BIT = new Map<string, number>(INDUSTRIES.map((k, i) => [k, 1 << i]));
export const industryBit = (code: string) => INDUSTRY_BIT.get(code) ?? OTHER_BIT;

export const LEVEL_BITS = { 专科: 1, 本科: 2, 研究生: 4 } as const;
export const NO_LEVEL_RULE = 8;

/** Levels the post's rules allow (min level, exact levels), as bits. */
function levelMaskOf(p: TPreparedPost): number {
  let mask = 7;
  let ruled = false;
  for (const r of p.rules) {
    if (r.kind === 'min_level') {
      ruled = true;
      let m = 0;
      for (const [l, bit] of Object.entries(LEVEL_BITS))
        if (LEVEL_RANK[l as keyof typeof LEVEL_RANK] >= LEVEL_RANK[r.level]) m |= bit;
      mask &= m;
    } else if (r.kind === 'levels') {
      ruled = true;
      mask &= r.levels.reduce((m, l) => m | LEVEL_BITS[l], 0);
    }
  }
  return ruled ? mask : mask | NO_LEVEL_RULE;
}

function postKindMaskOf(p: TPreparedPost): number {
  const kinds = p.post.postKind ? [p.post.postKind] : OPPORTUNITY_KIND_META[p.post.kind].postKinds;
  return kinds.reduce((m, k) => m | postKindBit(k), 0);
}

function preferenceCapOf(p: TPreparedPost): number {
  const soft = p.rules.filter(
    (r) => r.kind === 'party_member' || (r.kind === 'teacher_certificate' && r.preferred === true),
  ).length;
  return Math.min(MATCH_WEIGHTS.preference, PREFERENCE_POINTS_EACH * soft);
}

/** The records of the open posts. */
export function postRecords(posts: TPreparedPost[]): Omit<TPostIndex, 'groups'> {
  const rec = new Int32Array(posts.length * STRIDE);
  const values: number[] = [];
  const lengths: number[] = [];
  const byId = posts.map((_, i) => i).sort((a, b) => (posts[a]!.post.id < posts[b]!.post.id ? -1 : 1));
  byId.forEach((i, rank) => {
    rec[i * STRIDE + R.idRank] = rank;
  });
  posts.forEach((p, i) => {
    const o = i * STRIDE;
    rec[o + R.static] =
      p.employerPoints + p.freshnessPoints + (p.post.targetPriority ? MATCH_WEIGHTS.target : 0);
    rec[o + R.levelMask] = levelMaskOf(p);
    rec[o + R.kind] = OPPORTUNITY_KINDS.indexOf(p.post.kind);
    rec[o + R.postKindMask] = postKindMaskOf(p);
    rec[o + R.industryBit] = p.post.industry === null ? 0 : industryBit(p.post.industry);
    const known = p.salaryLo !== null && p.salaryHi !== null;
    rec[o + R.salaryLo] = known ? p.salaryLo! : -1;
    rec[o + R.salaryHi] = known ? p.salaryHi! : -1;
    rec[o + R.preferenceCap] = preferenceCapOf(p);
    const levelAndMajorsOnly = p.otherRules.every((r) => r.kind === 'min_level' || r.kind === 'levels');
    rec[o + R.majorStart] = values.length;
    // only digit prefixes can match a normalised major code
    for (const m of p.majors)
      if (/^\d{1,9}$/.test(m)) {
        values.push(Number(m));
        lengths.push(m.length);
      }
    rec[o + R.majorEnd] = values.length;
    const regions = p.regions.map(encodeRegion);
    const plain = regions.length <= MAX_REGIONS && regions.every((r) => r >= 0);
    rec[o + R.regionCount] = plain ? regions.length : -1;
    const simple = levelAndMajorsOnly && p.majorRules.length <= 1 && rec[o + R.preferenceCap] === 0 && plain;
    rec[o + R.flags] =
      (p.majors.length === 0 ? FLAG_ANY_MAJOR : 0) |
      (simple ? FLAG_SIMPLE : 0) |
      (p.post.targetPriority ? FLAG_TARGET_PRIORITY : 0);
    if (plain)
      regions.forEach((r, k) => {
        rec[o + R.region0 + k] = r;
      });
  });
  return { posts, rec, majorValue: Int32Array.from(values), majorLength: Uint8Array.from(lengths) };
}
