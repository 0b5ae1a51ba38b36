/**
 * The open posts arranged for the top-K search (top-k.ts). Posts are numbered in id order, so a lower number
 * breaks a tie the way the smaller post id does. Per post, typed arrays hold what a cheap score bound reads.
 * Buckets key the posts by what the big factors and the hard filters depend on — the 门类 or 专业类 of the
 * accepted majors ('*' = 不限) and the place (a prefecture, a province-wide post, or anywhere) — and list them by their
 * case-independent "key" points (employer, freshness, target priority, the most the major and preferred
 * conditions could give), highest first. Each bucket also keeps the maxima that bound the rest of the score.
 */
import { postRecords, R, STRIDE } from './post-records.ts';
import type { TPreparedPost } from './prepare.ts';
import { MAJOR_POINTS } from './weights.ts';

export * from './post-records.ts';

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
