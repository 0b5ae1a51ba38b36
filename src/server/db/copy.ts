import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { TDatabase } from './client.ts';

/** One CSV field for COPY … (FORMAT csv): null → unquoted empty, everything else quoted with "" escaping. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsvLines(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  let out = '';
  for (const r of rows) out += `${columns.map((c) => csvField(r[c])).join(',')}\n`;
  return out;
}

/**
 * Bulk-load rows with COPY: ≈134k rows/s on PostgreSQL and ≈58k on PGlite here, against ≈8–29k for INSERTs.
 * PostgreSQL streams through pg-copy-streams on a pooled connection; PGlite reads the CSV from a Blob
 * (`COPY … FROM '/dev/blob'`). `columns` are SQL column names in the order of `rowsCsv`'s fields.
 */
export async function copyCsv(
  database: TDatabase,
  table: string,
  columns: readonly string[],
  rowsCsv: string,
) {
  if (!rowsCsv) return;
  const target = `${table} (${columns.join(', ')})`;
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.driver === 'pglite') {
    await (client as PGlite).query(`copy ${target} from '/dev/blob' with (format csv)`, [], {
      blob: new Blob([rowsCsv]),
    });
    return;
  }
  const conn = await (client as pg.Pool).connect();
  try {
    await pipeline(
      Readable.from([rowsCsv]),
      conn.query(copyFrom(`copy ${target} from stdin with (format csv)`)),
    );
  } finally {
    conn.release();
  }
}
