import type { TSiqingRow } from '../../../domain/api/ledger.ts';

/** The four 四清 flags and "all four", in the order the report shows them. */
export const SIQING_COLUMNS = ['profile', 'needs', 'measures', 'progress', 'allFour'] as const;
export type TSiqingColumn = (typeof SIQING_COLUMNS)[number];

/** part of whole in % with one decimal; 0 when there is nothing to divide. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/** The sum over all units: the headline of the report. */
export function totalRow(rows: readonly TSiqingRow[]): Omit<TSiqingRow, 'code' | 'name'> {
  const sum = { total: 0, profile: 0, needs: 0, measures: 0, progress: 0, allFour: 0 };
  for (const r of rows) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += r[k];
  return sum;
}

/**
 * The smallest unit the "lowest first" ranking compares: a unit of one or two cases is at 0 % or 100 % by chance,
 * so without a floor the list is all one-case units. The page says so; the table below still lists every unit.
 */
export const MIN_RANKED_CASES = 10;

/**
 * Units of at least `minCases` cases by their all-four rate, worst first (ties: bigger units first), to show where
 * help is needed.
 */
export function laggingUnits(
  rows: readonly TSiqingRow[],
  limit: number,
  minCases = MIN_RANKED_CASES,
): TSiqingRow[] {
  return [...rows]
    .filter((r) => r.total > 0 && r.total >= minCases)
    .sort((a, b) => rate(a.allFour, a.total) - rate(b.allFour, b.total) || b.total - a.total)
    .slice(0, limit);
}

/** A traffic-light tone for a rate: below 60 % needs attention, 90 % and above is good. */
export function rateTone(percent: number): 'bad' | 'fair' | 'good' {
  return percent >= 90 ? 'good' : percent >= 60 ? 'fair' : 'bad';
}
