import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openPostgres } from '../src/server/db/client.ts';
import { toCsvLines } from '../src/server/db/copy.ts';
import { loadReferenceData } from '../src/server/modules/orgs/reference.loader.ts';

/*
 * What the PostgreSQL benchmarks (caseload, matching) share for loading generated data: their own database,
 * migrated with reference data as the app loads it; COPY of generated rows; secondary indexes dropped before
 * the COPYs and built again after.
 */

/** Drop and create the bench database `name`, then migrate it and load the reference data as the app does. */
export async function freshBenchDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = openPostgres(withDatabase(adminUrl, name));
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  try {
    await database.migrate();
    await loadReferenceData(database.db);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { database, pool, db: database.db };
}

/**
 * The secondary indexes of `tables` as the migrations made them (constraint indexes stay): dropped before the
 * COPYs and built again after (`buildIndexes`), which is far quicker than maintaining them row by row.
 */
export async function dropSecondaryIndexes(pool: pg.Pool, tables: readonly string[]): Promise<string[]> {
  const { rows } = await pool.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i join pg_class t on t.oid = i.indrelid
     where t.relname = any($1) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const r of rows) await pool.query(`drop index ${r.name}`);
  return rows.map((r) => r.def);
}

/** Build the index definitions two at a time: the machine has two cores. */
export async function buildIndexes(pool: pg.Pool, defs: readonly string[]): Promise<void> {
  const pending = [...defs];
  await Promise.all(
    [0, 1].map(async () => {
      for (let def = pending.shift(); def; def = pending.shift()) await pool.query(def);
    }),
  );
}

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
