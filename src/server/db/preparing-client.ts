import { createHash } from 'node:crypto';
import pg from 'pg';

/** Statements longer than this are one-offs (bulk inserts with many rows); they are never named. */
const MAX_TEXT = 16_384;
/** A text is named once it has been seen this often in the process: hot queries, not one-off ones. */
const NAME_AFTER = 3;
/** Prepared statements live as long as the server session; cap them per connection. */
const MAX_NAMED_PER_CONNECTION = 400;
const SEEN_CAP = 10_000;

const seen = new Map<string, number>();
const names = new Map<string, string>();

function nameFor(text: string): string | null {
  const cached = names.get(text);
  if (cached) return cached;
  const n = (seen.get(text) ?? 0) + 1;
  if (seen.size >= SEEN_CAP) seen.clear();
  seen.set(text, n);
  if (n < NAME_AFTER) return null;
  const name = `bf_${createHash('sha1').update(text).digest('base64url')}`;
  if (names.size >= SEEN_CAP) names.clear();
  names.set(text, name);
  return name;
}

type TQueryConfig = { text?: unknown; name?: unknown; values?: unknown };

/** Only statements with parameters: they use the extended protocol anyway, and cannot hold several commands. */
function hasValues(config: TQueryConfig, values: unknown): boolean {
  const v = Array.isArray(values) ? values : config.values;
  return Array.isArray(v) && v.length > 0;
}

/**
 * A pg client that turns the app's repeated statements into named prepared statements, so PostgreSQL parses
 * each once per connection and can reuse its plan: the caseload list spent ≈0.8 ms of its ≈2.6 ms of server
 * CPU planning the same statement again on every request (docs/benchmarks.md, caseload). Names are a hash of
 * the text, so one name always means one text; only texts seen repeatedly are named, at most
 * MAX_NAMED_PER_CONNECTION per connection. Values stay parameters, so nothing is ever interpolated. An empty
 * name (drizzle's `prepare(BY_TEXT)`, statement-cache.ts) counts as none.
 */
export class PreparingClient extends pg.Client {
  #named = 0;

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is a heavily overloaded signature
  override query(config: any, values?: any, callback?: any): any {
    if (
      config &&
      typeof config === 'object' &&
      typeof (config as TQueryConfig).text === 'string' &&
      !(config as TQueryConfig).name &&
      typeof config.submit !== 'function' &&
      hasValues(config, values) &&
      this.#named < MAX_NAMED_PER_CONNECTION
    ) {
      const text = (config as { text: string }).text;
      const name = text.length <= MAX_TEXT ? nameFor(text) : null;
      if (name) {
        const parsed = (this as unknown as { connection: { parsedStatements: Record<string, string> } })
          .connection.parsedStatements;
        if (parsed[name] === undefined) this.#named++;
        config = { ...config, name };
      }
    }
    return super.query(config, values, callback);
  }
}
