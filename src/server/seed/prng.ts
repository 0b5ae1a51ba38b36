/**
 * A small seeded PRNG (mulberry32) and the draws the demo generators need. Deterministic: the same seed gives
 * the same sequence on every platform, so a seed names a data set.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of `items`, with probability proportional to `weight(item)`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weight(item);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1] as T;
  }
}

/** A table of `[value, weight]` pairs, drawn from with `drawFrom`. */
export type TWeighted<T> = readonly (readonly [T, number])[];

export function drawFrom<T>(rng: Prng, table: TWeighted<T>): T {
  return rng.weighted(table, (e) => e[1])[0];
}

/**
 * Split `total` into integer parts proportional to `weights` (largest remainder), so the parts always add up to
 * the total exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left--;
  }
  return parts;
}

/** `'王:71 李:70 …'` → `[['王', 71], ['李', 70], …]`: long weighted tables stay readable on a few lines. */
export function parseWeighted(spec: string): TWeighted<string> {
  return spec
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [value, weight] = entry.split(':');
      return [value!, Number(weight)] as const;
    });
}
