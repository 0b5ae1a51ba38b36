import { describe, expect, it } from 'vitest';
import { percentOf, stackBars } from './stacked-bars.ts';

const c = (name: string, total: number, target: number) => ({ code: name, name, total, target });

describe('stackBars', () => {
  it('sorts by total and scales to the biggest bar', () => {
    const { bars, rest } = stackBars([c('云南', 50, 10), c('贵州', 200, 150), c('四川', 100, 0)], 10);
    expect(bars.map((b) => b.name)).toEqual(['贵州', '四川', '云南']);
    expect(bars[0]).toMatchObject({ targetWidth: 75, otherWidth: 25 });
    expect(bars[1]).toMatchObject({ targetWidth: 0, otherWidth: 50 });
    expect(bars[2]).toMatchObject({ targetWidth: 5, otherWidth: 20 });
    expect(rest).toBe(0);
  });

  it('keeps the biggest and counts the rest', () => {
    const { bars, rest } = stackBars([c('a', 1, 0), c('b', 3, 0), c('c', 2, 0)], 2);
    expect(bars.map((b) => b.name)).toEqual(['b', 'c']);
    expect(rest).toBe(1);
  });

  it('survives empty and all-zero input, and a target above the total', () => {
    expect(stackBars([], 5)).toEqual({ bars: [], rest: 0 });
    expect(stackBars([c('a', 0, 0)], 5).bars[0]).toMatchObject({ targetWidth: 0, otherWidth: 0 });
    expect(stackBars([c('a', 4, 9)], 5).bars[0]).toMatchObject({ targetWidth: 100, otherWidth: 0 });
  });
});

describe('percentOf', () => {
  it('rounds to one decimal and never divides by zero', () => {
    expect(percentOf(1234, 5000)).toBe(24.7);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(5, 0)).toBe(0);
  });
});
