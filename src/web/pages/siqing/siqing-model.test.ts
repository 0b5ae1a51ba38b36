import { describe, expect, it } from 'vitest';
import type { TSiqingRow } from '../../../domain/api/ledger.ts';
import { laggingUnits, MIN_RANKED_CASES, rate, rateTone, totalRow } from './siqing-model.ts';

const row = (code: string, total: number, allFour: number): TSiqingRow => ({
  code,
  name: `单位${code}`,
  total,
  profile: total,
  needs: allFour,
  measures: allFour,
  progress: allFour,
  allFour,
});

describe('siqing report', () => {
  it('gives rates with one decimal and 0 for an empty unit', () => {
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(0, 0)).toBe(0);
  });

  it('sums every unit into the headline', () => {
    expect(totalRow([row('a', 10, 4), row('b', 5, 5)])).toEqual({
      total: 15,
      profile: 15,
      needs: 9,
      measures: 9,
      progress: 9,
      allFour: 9,
    });
    expect(totalRow([]).total).toBe(0);
  });

  it('lists the lagging units first, bigger first on a tie, without empty units', () => {
    const units = laggingUnits([row('a', 10, 9), row('b', 4, 1), row('c', 8, 2), row('d', 0, 0)], 5, 1);
    expect(units.map((u) => u.code)).toEqual(['c', 'b', 'a']);
    expect(laggingUnits([row('a', 10, 9), row('b', 4, 1)], 1, 1).map((u) => u.code)).toEqual(['b']);
  });

  it('ranks only units of at least MIN_RANKED_CASES cases: one-case units do not crowd the list', () => {
    expect(MIN_RANKED_CASES).toBe(10);
    const tiny = Array.from({ length: 20 }, (_, i) => row(`t${i}`, 1, 0));
    const units = laggingUnits([...tiny, row('big', 40, 10), row('mid', 10, 5), row('nine', 9, 0)], 15);
    expect(units.map((u) => u.code)).toEqual(['big', 'mid']);
  });

  it('colours rates by threshold', () => {
    expect([rateTone(59.9), rateTone(60), rateTone(90)]).toEqual(['bad', 'fair', 'good']);
  });
});
