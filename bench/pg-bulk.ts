import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { toCsvLines } from '../src/server/db/copy.ts';

/*
 * What the PostgreSQL benchmarks (caseload, matching) share for loading generated data: the URL of their own
 * database, and COPY of generated rows.
 */

/** The same server URL pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** COPY generated rows into `table`, 2,000 rows per chunk, with the foreign-key triggers off. */
export async function copyRows(
  pool: pg.Pool,
  table: string,
  columns: readonly string[],
  rows: Record<string, unknown>[],
) {
  if (rows.length === 0) return;
  const conn = await pool.connect();
  try {
    // the generator's rows are consistent: skip the per-row foreign-key triggers (superuser only)
    await conn.query('set session_replication_role = replica');
    function* chunks() {
      for (let i = 0; i < rows.length; i += 2000) yield toCsvLines(rows.slice(i, i + 2000), columns);
    }
    await pipeline(
      Readable.from(chunks()),
      conn.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`)),
    );
  } finally {
    await conn.query('reset session_replication_role').catch(() => {});
    conn.release();
  }
}
