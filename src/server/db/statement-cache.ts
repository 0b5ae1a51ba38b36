import type { TDbOrTx } from './client.ts';

/** A drizzle prepared query: its SQL text is built once, the placeholders are bound on every execute. */
export type TReusable<T> = { execute(placeholders?: Record<string, unknown>): Promise<T> };

/**
 * The name to give drizzle's `prepare()`: none of our own. The pg client names hot statements by a hash of
 * their text, within a per-connection cap (preparing-client.ts); PGlite has no named statements.
 */
export const BY_TEXT = '';

/** Distinct statement shapes kept per database handle (least recently used dropped first). */
const MAX_PER_DB = 2_000;
const perDb = new WeakMap<object, Map<string, TReusable<unknown>>>();

/**
 * The statement for `key`, built by `build` the first time and reused after: drizzle turns the same query
 * tree into the same SQL text on every call, and for the hot ledger reads that was the largest cost the
 * server had of its own (docs/benchmarks.md, caseload). `build` must depend on nothing but what `key` holds
 * (JSON-serialised) — everything else goes in as `sql.placeholder(…)` values at execute time — so one key
 * can never yield another statement. Per handle: a transaction gets its own (short-lived) set.
 */
export function reuseStatement<T>(
  db: TDbOrTx,
  key: readonly unknown[],
  build: () => TReusable<T>,
): TReusable<T> {
  let cache = perDb.get(db);
  if (!cache) {
    cache = new Map();
    perDb.set(db, cache);
  }
  const k = JSON.stringify(key);
  const hit = cache.get(k) as TReusable<T> | undefined;
  if (hit) {
    cache.delete(k); // re-insert: Map order is the recency order
    cache.set(k, hit);
    return hit;
  }
  const built = build();
  cache.set(k, built);
  if (cache.size > MAX_PER_DB) cache.delete(cache.keys().next().value!);
  return built;
}

/** How many statements are kept for this handle (tests). */
export function reusedStatementCount(db: TDbOrTx): number {
  return perDb.get(db)?.size ?? 0;
}
