export type TCount = { code: string; name: string; total: number; target: number };

export type TStackedBar = TCount & {
  /** widths in % of the longest bar */
  targetWidth: number;
  otherWidth: number;
};

/**
 * The largest `limit` groups, biggest total first (ties by target, then name), as bar widths relative to the
 * biggest; `rest` counts the groups left out.
 */
export function stackBars(counts: readonly TCount[], limit: number): { bars: TStackedBar[]; rest: number } {
  const sorted = [...counts].sort(
    (a, b) => b.total - a.total || b.target - a.target || a.name.localeCompare(b.name, 'zh-CN'),
  );
  const shown = sorted.slice(0, limit);
  const max = Math.max(1, ...shown.map((c) => c.total));
  const bars = shown.map((c) => {
    const target = Math.min(c.target, c.total);
    return {
      ...c,
      targetWidth: (target / max) * 100,
      otherWidth: ((c.total - target) / max) * 100,
    };
  });
  return { bars, rest: sorted.length - shown.length };
}

/** 1234 of 5000 → 24.7 (one decimal; 0 when there is nothing to divide). */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}
