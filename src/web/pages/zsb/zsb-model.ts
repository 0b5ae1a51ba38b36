import { computeZsbQuota, parseZsbRatio, type TExactRatio } from '../../../domain/opportunities/zsb-quota.ts';

/*
 * The ratio box of the 专升本 plan: what the user typed ("0.1", "12.5%") as the basis points the API stores, and
 * the quota preview the domain's exact arithmetic gives for the province's base.
 */

export type TRatioInput =
  | { ok: true; ratioBp: number; ratio: TExactRatio }
  | { ok: false; reason: 'empty' | 'invalid' | 'zero' | 'too_precise' };

/** Parse the ratio box: a decimal in (0, 1] or a percentage in (0, 100 %], to 0.01 % (one basis point). */
export function readRatioInput(raw: string): TRatioInput {
  const s = raw.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  const ratio = parseZsbRatio(s);
  if (!ratio) return { ok: false, reason: 'invalid' };
  if (ratio.numerator === 0) return { ok: false, reason: 'zero' };
  if (ratio.scale > 4) {
    // 0.12345 has five decimals; trailing zeros (0.10000) are only notation
    const extra = 10 ** (ratio.scale - 4);
    if (ratio.numerator % extra !== 0) return { ok: false, reason: 'too_precise' };
    return { ok: true, ratioBp: ratio.numerator / extra, ratio };
  }
  return { ok: true, ratioBp: ratio.numerator * 10 ** (4 - ratio.scale), ratio };
}

/** base × ratio as an exact decimal string without trailing zeros (31 × 0.1 → "3.1"). */
export function exactProduct(base: number, r: TExactRatio): string {
  const digits = (BigInt(base) * BigInt(r.numerator)).toString().padStart(r.scale + 1, '0');
  if (r.scale === 0) return digits;
  const whole = digits.slice(0, digits.length - r.scale);
  const frac = digits.slice(digits.length - r.scale).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/** The preview of a typed ratio for a base: the exact product and the quota it rounds up to. */
export function previewQuota(
  base: number,
  raw: string,
): { exact: string; quota: number; ratioBp: number } | null {
  const input = readRatioInput(raw);
  if (!input.ok) return null;
  const { quota } = computeZsbQuota({ base, ratio: { basisPoints: input.ratioBp } });
  return { exact: exactProduct(base, input.ratio), quota, ratioBp: input.ratioBp };
}

/** Basis points as a percentage text: 1000 → "10%", 1250 → "12.5%". */
export function percentOfBp(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** A fill rate (0–1, 4 decimals) as a whole-ish percentage for a progress bar. */
export function fillPercent(rate: number | null): number {
  return rate === null ? 0 : Math.round(rate * 1000) / 10;
}
