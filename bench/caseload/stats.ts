/** The p-th percentile (nearest rank) of sorted latencies. */
export const pct = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;

/** Two decimals, as the tables print them. */
export const round = (x: number) => Math.round(x * 100) / 100;
