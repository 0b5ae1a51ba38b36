/**
 * The open posts arranged for the top-K search (top-k.ts). Posts are numbered in id order, so a lower number
 * breaks a tie the way the smaller post id does. Per post, typed arrays hold what a cheap score bound reads.
 * Buckets key the posts by what the big factors and the hard filters depend on — the 门类 or 专业类 of the
 * accepted majors ('*' = 不限) and the place (a prefecture, a province-wide post, or anywhere) — and list them by their
 * case-independent "key" points (employer, freshness, target priority, the most the major and preferred
 * conditions could give), highest first. Each bucket also keeps the maxima that bound the rest of the score.
 */
import { INDUSTRIES, POST_KINDS } from '../ledger/codes.ts';
import { OPPORTUNITY_KIND_META } from '../opportunities/kinds.ts';
import { LEVEL_RANK, OPPORTUNITY_KINDS } from '../opportunities/types.ts';
import type { TPreparedPost } from './prepare.ts';
import { MAJOR_POINTS, MATCH_WEIGHTS, PREFERENCE_POINTS_EACH } from './weights.ts';

export type TBucket = {
  posts: Int32Array;
  /** key points of each listed post (same order), descending */
  keys: Int8Array;
  kindMask: number;
  postKindMask: number;
  industryMask: number;
  hasNullIndustry: boolean;
  /** salary maxima over posts that state one (-1: none does), and whether some post states none */
  maxLo: number;
  maxHi: number;
  hasUnknownSalary: boolean;
};

/**
 * The posts of one place, as one or more buckets: a big place is split by salary band, so a case with a salary
 * floor bounds the low bands lower (see SALARY_BANDS).
 */
export type TPlace = TBucket[];

/** One province of a major group: all its posts, its province-wide posts, and per-prefecture places. */
export type TProvinceGroup = {
  province: string;
  all: TPlace;
  /** the maxima over all its buckets (no posts): one bound for the whole province */
  summary: TBucket;
  wide: TPlace | null;
  prefectures: { key: string; place: TPlace }[];
};

export type TMajorGroup = { provinces: TProvinceGroup[]; nationwide: TPlace | null };

/** Salary bands (upper ends, yuan per month) a big place is split by; -1 = no salary stated. */
const SALARY_BANDS = [3000, 4000, 5000, 6000, 8000];
const SPLIT_ABOVE = 48;
const bandOf = (hi: number) => {
  if (hi < 0) return -1;
  let b = 0;
  while (b < SALARY_BANDS.length && hi >= SALARY_BANDS[b]!) b++;
  return b;
};

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
  anyMajor: 8,
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

export type TPostIndex = {
  /**
   * Open posts (deadline not passed, places left), numbered so that posts of one bucket sit together in memory
   * (see openPostsInOrder); `rec[i * STRIDE + R.idRank]` is post i's rank by id, which breaks ties.
   */
  posts: TPreparedPost[];
  /**
   * Per post, what the search's cheap bound reads: employer + freshness + target-priority points (what a post
   * gives whoever the case is), the levels its rules allow (bits 1 专科, 2 本科, 4 研究生; 8 = no level rule),
   * kind, post-kind and industry bits (industry 0: none stated), salary (-1: none stated), the most the preferred
   * conditions could give, 不限 majors, and where its accepted major prefixes are in majorValue/majorLength.
   */
  rec: Int32Array;
  majorValue: Int32Array;
  majorLength: Uint8Array;
  /** by major group: '*' = 不限, a 门类 (2 digits) or a 专业类 (4 digits) — see majorGroupsOf */
  groups: Map<string, TMajorGroup>;
};

export const KIND_BIT = new Map(OPPORTUNITY_KINDS.map((k, i) => [k, 1 << i]));
/** Codes outside the lists share one bit, so bounds stay safe (only looser) even on unexpected data. */
const OTHER_BIT = 1 << 30;
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

/**
 * A post's major groups: '*' for 不限; else the 专业类 (4 digits) of each longer prefix and the 门类 of each
 * 2-digit one. A graduate's major can only be accepted through its own 门类 and 专业类 groups.
 */
function majorGroupsOf(p: TPreparedPost): string[] {
  if (p.majors.length === 0) return ['*'];
  return [...new Set(p.majors.map((m) => (m.length >= 4 ? m.slice(0, 4) : m.slice(0, 2))))];
}

/**
 * The most the major factor can give a post through a group, for a graduate with a 6-digit major: 不限 8; in a
 * 专业类 group a 6-digit prefix 20, a 4-digit one 15; in a 门类 group 10 (the search adds the difference for
 * shorter majors). A post accepted better through another group is looked at there.
 */
function majorCapOf(p: TPreparedPost, group: string | null): number {
  if (group === null) return MAJOR_POINTS.any;
  if (group.length < 4) return MAJOR_POINTS.category;
  let len = 0;
  for (const m of p.majors) if (m.length >= 4 && m.startsWith(group)) len = Math.max(len, m.length);
  return len >= 6 ? MAJOR_POINTS.exact : MAJOR_POINTS.class;
}

type TDraft = { items: number[]; category: string | null };

function sealPlace(d: TDraft, index: TPostIndex): TPlace {
  const unique = [...new Set(d.items)];
  if (unique.length <= SPLIT_ABOVE) return [sealBucket(unique, d.category, index)];
  const bands = new Map<number, number[]>();
  for (const i of unique) {
    const band = bandOf(index.rec[i * STRIDE + R.salaryHi]!);
    bands.set(band, [...(bands.get(band) ?? []), i]);
  }
  return [...bands.keys()]
    .sort((a, b) => a - b)
    .map((band) => sealBucket(bands.get(band)!, d.category, index));
}

function sealBucket(unique: number[], category: string | null, index: TPostIndex): TBucket {
  const { posts, rec } = index;
  const at = (i: number, field: number) => rec[i * STRIDE + field]!;
  const keyOf = new Map<number, number>();
  for (const i of unique)
    keyOf.set(i, at(i, R.static) + at(i, R.preferenceCap) + majorCapOf(posts[i]!, category));
  const items = [...keyOf.keys()].sort((a, b) => keyOf.get(b)! - keyOf.get(a)! || a - b);
  const b: TBucket = {
    posts: Int32Array.from(items),
    keys: Int8Array.from(items.map((i) => keyOf.get(i)!)),
    kindMask: 0,
    postKindMask: 0,
    industryMask: 0,
    hasNullIndustry: false,
    maxLo: -1,
    maxHi: -1,
    hasUnknownSalary: false,
  };
  for (const i of items) {
    b.kindMask |= 1 << at(i, R.kind);
    b.postKindMask |= at(i, R.postKindMask);
    if (at(i, R.industryBit) === 0) b.hasNullIndustry = true;
    else b.industryMask |= at(i, R.industryBit);
    if (at(i, R.salaryLo) < 0) b.hasUnknownSalary = true;
    else {
      b.maxLo = Math.max(b.maxLo, at(i, R.salaryLo));
      b.maxHi = Math.max(b.maxHi, at(i, R.salaryHi));
    }
  }
  return b;
}

/** The records of the open posts. */
function postRecords(posts: TPreparedPost[]): Omit<TPostIndex, 'groups'> {
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
    rec[o + R.anyMajor] = p.majors.length === 0 ? 1 : 0;
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
    if (plain)
      regions.forEach((r, k) => {
        rec[o + R.region0 + k] = r;
      });
  });
  return { posts, rec, majorValue: Int32Array.from(values), majorLength: Uint8Array.from(lengths) };
}

/**
 * The posts an index numbers, in its order: open today (deadline not passed, places left), grouped by their
 * first major group and place so that a bucket's posts are near each other in memory, then by id.
 */
export function openPostsInOrder(prepared: readonly TPreparedPost[]): TPreparedPost[] {
  const place = (p: TPreparedPost) =>
    `${majorGroupsOf(p)[0]}|${p.regions[0]?.slice(0, 4) ?? '*'}|${p.post.id}`;
  return prepared
    .filter((p) => !p.deadlinePassed && !p.quotaFull)
    .map((p) => ({ p, key: place(p) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.p);
}

/** Build the index over prepared posts; posts closed today (deadline passed, no places left) are left out. */
export function buildPostIndex(prepared: readonly TPreparedPost[]): TPostIndex {
  const posts = openPostsInOrder(prepared);
  const index: TPostIndex = { ...postRecords(posts), groups: new Map() };
  // drafts keyed by `${major group}|${place}`: place = '*', 'P:<province>', 'W:<province>' or a 4-digit prefecture
  const drafts = new Map<string, TDraft>();
  const draft = (key: string, category: string | null) => {
    const d = drafts.get(key) ?? { items: [], category };
    drafts.set(key, d);
    return d;
  };
  posts.forEach((p, i) => {
    for (const cat of majorGroupsOf(p)) {
      const category = cat === '*' ? null : cat;
      if (p.regions.length === 0) draft(`${cat}|*`, category).items.push(i);
      for (const r of p.regions) {
        const province = r.slice(0, 2);
        draft(`${cat}|P:${province}`, category).items.push(i);
        draft(`${cat}|${r.length >= 4 ? r.slice(0, 4) : `W:${province}`}`, category).items.push(i);
      }
    }
  });
  for (const key of [...drafts.keys()].sort()) {
    const [cat, place] = key.split('|') as [string, string];
    const g = index.groups.get(cat) ?? { provinces: [], nationwide: null };
    index.groups.set(cat, g);
    const bucket = sealPlace(drafts.get(key)!, index);
    if (place === '*') {
      g.nationwide = bucket;
      continue;
    }
    const province = place.startsWith('P:') || place.startsWith('W:') ? place.slice(2) : place.slice(0, 2);
    // every province with posts has its 'P:' bucket; until it is reached, `all` holds the first bucket seen
    const pg = g.provinces.find((x) => x.province === province) ?? {
      province,
      all: bucket,
      summary: bucket[0]!,
      wide: null,
      prefectures: [],
    };
    if (!g.provinces.includes(pg)) g.provinces.push(pg);
    if (place.startsWith('P:')) pg.all = bucket;
    else if (place.startsWith('W:')) pg.wide = bucket;
    else pg.prefectures.push({ key: place, place: bucket });
  }
  for (const g of index.groups.values()) for (const pg of g.provinces) pg.summary = summarize(pg.all);
  return index;
}

/** One bucket's worth of maxima over several buckets (for a bound; it lists no posts). */
function summarize(place: TPlace): TBucket {
  const s: TBucket = {
    posts: new Int32Array(0),
    keys: Int8Array.of(Math.max(...place.map((b) => b.keys[0] ?? 0))),
    kindMask: 0,
    postKindMask: 0,
    industryMask: 0,
    hasNullIndustry: false,
    maxLo: -1,
    maxHi: -1,
    hasUnknownSalary: false,
  };
  for (const b of place) {
    s.kindMask |= b.kindMask;
    s.postKindMask |= b.postKindMask;
    s.industryMask |= b.industryMask;
    s.hasNullIndustry ||= b.hasNullIndustry;
    s.maxLo = Math.max(s.maxLo, b.maxLo);
    s.maxHi = Math.max(s.maxHi, b.maxHi);
    s.hasUnknownSalary ||= b.hasUnknownSalary;
  }
  return s;
}
