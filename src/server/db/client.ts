import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { PreparingClient } from './preparing-client.ts';
import * as schema from './schema/index.ts';

export type TSchema = typeof schema;
export type TDb = PgDatabase<PgQueryResultHKT, TSchema>;
export type TTx = PgTransaction<PgQueryResultHKT, TSchema, ExtractTablesWithRelations<TSchema>>;
/** Repos accept either the database or an open transaction. */
export type TDbOrTx = TDb | TTx;

export type TDatabase = {
  db: TDb;
  driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Real PostgreSQL through a pool. */
export function openPostgres(url: string, poolSize = 10): TDatabase {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient });
  // an idle client losing its connection (server restart, admin kill) must not crash the process:
  // the pool drops it and opens a new one on the next query
  pool.on('error', (err) => process.emitWarning(`PostgreSQL idle client error: ${err.message}`));
  const db = drizzlePg(pool, { schema });
  return {
    db: db as unknown as TDb,
    driver: 'postgres',
    migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => pool.end(),
  };
}

/**
 * Embedded PGlite: `dataDir` on disk, or in memory when undefined. The caller must hold the data-dir lock
 * (db/lock.ts): PGlite itself does not lock its folder and a second process would silently lose writes.
 */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<TDatabase> {
  const client = await PGlite.create({
    dataDir,
    loadDataDir,
    // initdb's 128 MB shared_buffers cost ≈140 MB RSS in the WASM heap; 32 MB keeps the server under its
    // 400 MB budget (docs/benchmarks.md). Passed per start, so the data dir's postgresql.conf is untouched.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as TDb,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  };
}
