/**
 * 专升本专项计划 arithmetic. Per province and cohort, the plan reserves quota = ratio × base places, rounded up,
 * where base is the province's local 高职(专科) target graduates. Ratios are decimals set by the province
 * (0.1, 0.15, 12.5%); the product is computed on integers so 0.1 × 31 gives 4, 0.15 × 20 exactly 3 and
 * 0.07 × 100 exactly 7 (floating point gives 7.000000000000001, which rounds up to 8).
 */

/** A ratio as an exact fraction numerator / 10^scale. */
export type TExactRatio = { numerator: number; scale: number };

/** Decimal in [0, 1] ("0.1", ".15", "1") or a percentage in [0, 100] ("12.5%"). */
export const ZSB_RATIO_RE = /^(?:0?\.\d{1,6}|[01](?:\.\d{1,6})?|\d{1,3}(?:\.\d{1,4})?%)$/;

/**
 * Parse a ratio given as a decimal string ("0.15"), a percentage ("15%") or basis points ({ basisPoints: 1500 })
 * into an exact fraction; null when malformed or outside 0–1.
 */
export function parseZsbRatio(input: string | { basisPoints: number }): TExactRatio | null {
  if (typeof input !== 'string') {
    const bp = input.basisPoints;
    return Number.isInteger(bp) && bp >= 0 && bp <= 10_000 ? { numerator: bp, scale: 4 } : null;
  }
  const s = input.trim();
  if (!ZSB_RATIO_RE.test(s)) return null;
  const percent = s.endsWith('%');
  const [whole = '', frac = ''] = (percent ? s.slice(0, -1) : s).split('.');
  const scale = frac.length + (percent ? 2 : 0);
  const numerator = Number(`${whole}${frac}`);
  if (numerator > 10 ** scale) return null; // above 1 (100 %)
  return { numerator, scale };
}

/** The ratio as a plain decimal string without trailing zeros: { 1500, 4 } → "0.15". */
export function formatZsbRatio(r: TExactRatio): string {
  const digits = String(r.numerator).padStart(r.scale + 1, '0');
  const whole = digits.slice(0, digits.length - r.scale);
  const frac = digits.slice(digits.length - r.scale).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

export type TZsbQuota = { base: number; ratio: string; quota: number };

/**
 * quota = ⌈ratio × base⌉ in exact integer arithmetic. Throws RangeError on a negative or fractional base or a
 * malformed ratio: callers validate input with `ZSB_RATIO_RE` first, so this is a programming error.
 */
export function computeZsbQuota(input: { base: number; ratio: string | { basisPoints: number } }): TZsbQuota {
  const { base } = input;
  if (!Number.isSafeInteger(base) || base < 0)
    throw new RangeError(`base must be a whole number ≥ 0: ${base}`);
  const r = parseZsbRatio(input.ratio);
  if (!r) throw new RangeError(`ratio must be a decimal between 0 and 1: ${JSON.stringify(input.ratio)}`);
  // BigInt: exact whatever the base; ceil(a / b) = floor((a + b − 1) / b) for a ≥ 0
  const den = 10n ** BigInt(r.scale);
  const quota = Number((BigInt(base) * BigInt(r.numerator) + den - 1n) / den);
  return { base, ratio: formatZsbRatio(r), quota };
}

/** One line of the per-province 专升本 report. */
export type TZsbReportRow = {
  provinceCode: string;
  cohort: number;
  /** local 高职(专科) target graduates */
  base: number;
  ratio: string;
  quota: number;
  applicants: number;
  admitted: number;
  /** admitted / quota, 4 decimals; null when the quota is 0 */
  fillRate: number | null;
  /** places not (yet) filled */
  remaining: number;
};

/** A report row from a province's plan and its counts; fill rate is rounded to 4 decimals from integers. */
export function buildZsbReportRow(input: {
  provinceCode: string;
  cohort: number;
  base: number;
  ratio: string | { basisPoints: number };
  applicants: number;
  admitted: number;
}): TZsbReportRow {
  const q = computeZsbQuota(input);
  return {
    provinceCode: input.provinceCode,
    cohort: input.cohort,
    ...q,
    applicants: input.applicants,
    admitted: input.admitted,
    fillRate: q.quota === 0 ? null : Math.round((input.admitted * 10_000) / q.quota) / 10_000,
    remaining: Math.max(q.quota - input.admitted, 0),
  };
}

/** The total line of a report: sums, with the fill rate of the sums (ratio "" as provinces may differ). */
export function totalZsbReport(rows: readonly TZsbReportRow[], cohort: number): TZsbReportRow {
  const sum = (k: 'base' | 'quota' | 'applicants' | 'admitted' | 'remaining') =>
    rows.reduce((s, r) => s + r[k], 0);
  const quota = sum('quota');
  const admitted = sum('admitted');
  return {
    provinceCode: '',
    cohort,
    base: sum('base'),
    ratio: '',
    quota,
    applicants: sum('applicants'),
    admitted,
    fillRate: quota === 0 ? null : Math.round((admitted * 10_000) / quota) / 10_000,
    remaining: sum('remaining'),
  };
}
