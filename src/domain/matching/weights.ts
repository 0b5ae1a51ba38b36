/**
 * The scorer's weights: how many points each factor can give. A recommendation's score is the sum of its
 * factors' points, an integer from 0 to 100 (the maxima below add up to exactly 100). Points are integers on
 * purpose: sums of integers do not depend on the order they are added in, so the batch engine (which adds a
 * post's case-independent points first) and the one-case scorer always agree to the point, and ties are real
 * ties that the post id breaks.
 */

/** The factors in the order breakdowns list them (stored as `smallint[]` in this order). */
export const MATCH_FACTORS = [
  'intention',
  'major',
  'region',
  'salary',
  'employer',
  'target',
  'preference',
  'freshness',
] as const;
export type TMatchFactor = (typeof MATCH_FACTORS)[number];

/** Maximum points per factor; they sum to 100. */
export const MATCH_WEIGHTS: Record<TMatchFactor, number> = {
  intention: 20, // kind fits the case's intention (12), post kind (5), industry (3)
  major: 20, // how specifically the post asks for the graduate's major
  region: 24, // home county … elsewhere, see REGION_POINTS
  salary: 10, // salary against the graduate's floor
  employer: 6, // alumni, east–west partner, state-owned, industry partner
  target: 8, // the post gives priority to the target group and the graduate is in it
  preference: 5, // preferred conditions (党员优先, 教师资格证优先) the graduate meets
  freshness: 7, // newly published posts first
};

/** Parts of the intention factor. An unknown intention, post kinds or industries get the neutral value. */
export const INTENTION_POINTS = {
  kindFits: 12,
  kindUnknown: 6,
  postKindFits: 5,
  postKindUnknown: 2,
  industryFits: 3,
  industryUnknown: 1,
} as const;

/** Major fit: the most specific accepted code prefix the graduate's major starts with (不限: `any`). */
export const MAJOR_POINTS = { exact: 20, class: 15, category: 10, any: 8 } as const;

export const REGION_TIERS = [
  'county',
  'prefecture',
  'province',
  'preferred',
  'partner',
  'nationwide',
  'elsewhere',
] as const;
export type TRegionTier = (typeof REGION_TIERS)[number];

/**
 * Region points by tier, in three modes. `return`: the graduate wants to return home — home county > home
 * prefecture > home province > stated regions > partner provinces > elsewhere, and elsewhere gives nothing.
 * `stay` (no preferred regions, not insisting on home): the same order, elsewhere still counts a little.
 * `away`: not insisting on home and naming regions — the named regions come first, home next.
 */
export const REGION_POINTS: Record<TRegionMode, Record<TRegionTier, number>> = {
  return: {
    county: 24,
    prefecture: 21,
    province: 17,
    preferred: 10,
    partner: 6,
    nationwide: 4,
    elsewhere: 0,
  },
  stay: { county: 24, prefecture: 21, province: 18, preferred: 12, partner: 10, nationwide: 8, elsewhere: 4 },
  away: { county: 20, prefecture: 18, province: 16, preferred: 24, partner: 12, nationwide: 8, elsewhere: 4 },
};
export type TRegionMode = 'return' | 'stay' | 'away';

/** Salary against the floor: the whole range above it, only its top above it, or below it. */
export const SALARY_POINTS = { above: 10, reaches: 6, below: 0, unknown: 5 } as const;

/** Employer tags; the sum is capped at the factor's weight. */
export const EMPLOYER_TAG_POINTS: Record<string, number> = {
  alumni: 2,
  east_west_partner: 2,
  state_owned: 2,
  industry_partner: 1,
};

/** Each preferred condition met gives this many points (capped at the factor's weight). */
export const PREFERENCE_POINTS_EACH = 3;

/** Freshness steps: [published at most this many days ago, points]; older than the last step gives 0. */
export const FRESHNESS_STEPS: readonly (readonly [number, number])[] = [
  [3, 7],
  [7, 6],
  [14, 5],
  [21, 4],
  [30, 3],
  [45, 2],
  [60, 1],
];
