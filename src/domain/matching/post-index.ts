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

export type TPostIndex = {
  /** open posts (deadline not passed, places left) in post-id order */
  posts: TPreparedPost[];
  /** employer + freshness + target-priority points: what a post gives whoever the case is */
  staticPoints: Int8Array;
  /** levels a post's rules allow: bits 1 专科, 2 本科, 4 研究生; bit 8 = no level rule at all */
  levelMask: Uint8Array;
  kind: Uint8Array;
  postKindMask: Int32Array;
  /** 0: no industry stated */
  industryBit: Int32Array;
  /** -1: no salary stated */
  salaryLo: Int32Array;
  salaryHi: Int32Array;
  /** the most the preferred (soft) conditions could give */
  preferenceCap: Uint8Array;
  /** 1 when the post's majors are 不限 */
  anyMajor: Uint8Array;
  /** accepted major prefixes of post i (digits as a number, and length): [majorStart[i], majorStart[i + 1]) */
  majorStart: Int32Array;
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
    const band = bandOf(index.salaryHi[i]!);
    bands.set(band, [...(bands.get(band) ?? []), i]);
  }
  return [...bands.keys()]
    .sort((a, b) => a - b)
    .map((band) => sealBucket(bands.get(band)!, d.category, index));
}

function sealBucket(unique: number[], category: string | null, index: TPostIndex): TBucket {
  const { posts, staticPoints } = index;
  const keyOf = new Map<number, number>();
  for (const i of unique)
    keyOf.set(i, staticPoints[i]! + index.preferenceCap[i]! + majorCapOf(posts[i]!, category));
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
    b.kindMask |= 1 << index.kind[i]!;
    b.postKindMask |= index.postKindMask[i]!;
    if (index.industryBit[i] === 0) b.hasNullIndustry = true;
    else b.industryMask |= index.industryBit[i]!;
    if (index.salaryLo[i]! < 0) b.hasUnknownSalary = true;
    else {
      b.maxLo = Math.max(b.maxLo, index.salaryLo[i]!);
      b.maxHi = Math.max(b.maxHi, index.salaryHi[i]!);
    }
  }
  return b;
}

/** Per-post arrays of the open posts. */
function postArrays(posts: TPreparedPost[]): Omit<TPostIndex, 'groups'> {
  const n = posts.length;
  const a = {
    posts,
    staticPoints: new Int8Array(n),
    levelMask: new Uint8Array(n),
    kind: new Uint8Array(n),
    postKindMask: new Int32Array(n),
    industryBit: new Int32Array(n),
    salaryLo: new Int32Array(n),
    salaryHi: new Int32Array(n),
    preferenceCap: new Uint8Array(n),
    anyMajor: new Uint8Array(n),
    majorStart: new Int32Array(n + 1),
  };
  const values: number[] = [];
  const lengths: number[] = [];
  posts.forEach((p, i) => {
    a.staticPoints[i] =
      p.employerPoints + p.freshnessPoints + (p.post.targetPriority ? MATCH_WEIGHTS.target : 0);
    a.levelMask[i] = levelMaskOf(p);
    a.kind[i] = OPPORTUNITY_KINDS.indexOf(p.post.kind);
    a.postKindMask[i] = postKindMaskOf(p);
    a.industryBit[i] = p.post.industry === null ? 0 : industryBit(p.post.industry);
    const known = p.salaryLo !== null && p.salaryHi !== null;
    a.salaryLo[i] = known ? p.salaryLo! : -1;
    a.salaryHi[i] = known ? p.salaryHi! : -1;
    a.preferenceCap[i] = preferenceCapOf(p);
    a.anyMajor[i] = p.majors.length === 0 ? 1 : 0;
    a.majorStart[i] = values.length;
    // only digit prefixes can match a normalised major code
    for (const m of p.majors)
      if (/^\d{1,9}$/.test(m)) {
        values.push(Number(m));
        lengths.push(m.length);
      }
  });
  a.majorStart[n] = values.length;
  return { ...a, majorValue: Int32Array.from(values), majorLength: Uint8Array.from(lengths) };
}

/** The posts an index numbers, in its order: open today (deadline not passed, places left), by post id. */
export function openPostsInOrder(prepared: readonly TPreparedPost[]): TPreparedPost[] {
  return prepared
    .filter((p) => !p.deadlinePassed && !p.quotaFull)
    .sort((a, b) => (a.post.id < b.post.id ? -1 : a.post.id > b.post.id ? 1 : 0));
}

/** Build the index over prepared posts; posts closed today (deadline passed, no places left) are left out. */
export function buildPostIndex(prepared: readonly TPreparedPost[]): TPostIndex {
  const posts = openPostsInOrder(prepared);
  const index: TPostIndex = { ...postArrays(posts), groups: new Map() };
  // drafts keyed by `${major group}|${place}`: place = '*', 'P:<province>', 'W:<province>' or a 4-digit prefecture
  const drafts = new Map<string, TDraft>();
  const draft = (key: string, category: string | null) => {
    let d = drafts.get(key);
    if (!d) drafts.set(key, (d = { items: [], category }));
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
    let g = index.groups.get(cat);
    if (!g) index.groups.set(cat, (g = { provinces: [], nationwide: null }));
    const bucket = sealPlace(drafts.get(key)!, index);
    if (place === '*') {
      g.nationwide = bucket;
      continue;
    }
    const province = place.startsWith('P:') || place.startsWith('W:') ? place.slice(2) : place.slice(0, 2);
    let pg = g.provinces.find((x) => x.province === province);
    // every province with posts has its 'P:' bucket; until it is reached, `all` holds the first bucket seen
    if (!pg) g.provinces.push((pg = { province, all: bucket, wide: null, prefectures: [] }));
    if (place.startsWith('P:')) pg.all = bucket;
    else if (place.startsWith('W:')) pg.wide = bucket;
    else pg.prefectures.push({ key: place, place: bucket });
  }
  return index;
}
