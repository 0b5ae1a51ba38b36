import { describe, expect, it } from 'vitest';
import { hiredRate, readFunnelSearch, stageBars, writeFunnelSearch } from './funnel-model.ts';

describe('stageBars', () => {
  it('gives each stage its share of the pushes and of the stage before', () => {
    const bars = stageBars({ pushed: 200, viewed: 150, applied: 60, interview: 30, offer: 12, hired: 9 });
    expect(bars.map((b) => [b.stage, b.count, b.ofPushed, b.ofPrevious])).toEqual([
      ['pushed', 200, 100, null],
      ['viewed', 150, 75, 75],
      ['applied', 60, 30, 40],
      ['interview', 30, 15, 50],
      ['offer', 12, 6, 40],
      ['hired', 9, 4.5, 75],
    ]);
  });

  it('never divides by zero', () => {
    const bars = stageBars({ pushed: 0, viewed: 0, applied: 0, interview: 0, offer: 0, hired: 0 });
    expect(bars.every((b) => b.ofPushed === 0 && (b.ofPrevious ?? 0) === 0)).toBe(true);
    expect(hiredRate({ pushed: 0, viewed: 0, applied: 0, interview: 0, offer: 0, hired: 0 })).toBe(0);
  });
});

describe('funnel search in the URL', () => {
  it('round-trips a search and keeps defaults out of the address', () => {
    const s = {
      groupBy: 'staff' as const,
      page: 2,
      pageSize: 50,
      from: '2020-07-01',
      to: '2020-07-31',
      cohort: 2020,
    };
    expect(readFunnelSearch(writeFunnelSearch(s))).toEqual(s);
    expect(writeFunnelSearch(readFunnelSearch(new URLSearchParams())).toString()).toBe('');
  });

  it('drops malformed values instead of sending them', () => {
    const s = readFunnelSearch(new URLSearchParams('groupBy=county&page=-3&pageSize=7&from=July&cohort=20x'));
    expect(s).toEqual({
      groupBy: 'university',
      page: 1,
      pageSize: 20,
      from: undefined,
      to: undefined,
      cohort: undefined,
    });
  });
});
