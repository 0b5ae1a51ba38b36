import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TConfig } from '../config.ts';
import { loadReferenceData } from '../modules/orgs/reference.loader.ts';
import { openPglite, openPostgres, type TDatabase } from './client.ts';
import { acquireDataDirLock } from './lock.ts';

/**
 * Open the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR under our lock),
 * apply migrations and refresh reference data. `close()` also releases the lock.
 */
export async function openDatabase(config: TConfig, purpose: string): Promise<TDatabase> {
  let database: TDatabase;
  if (config.databaseUrl) {
    database = openPostgres(config.databaseUrl, config.databasePoolSize);
  } else {
    const release = acquireDataDirLock(config.dataDir, purpose);
    try {
      const pgDir = path.join(config.dataDir, 'pglite');
      if (!existsSync(path.join(pgDir, 'PG_VERSION'))) initPgliteInChildProcess(pgDir);
      const opened = await openPglite(pgDir);
      database = { ...opened, close: () => opened.close().finally(release) };
    } catch (err) {
      release();
      throw err;
    }
  }
  try {
    await database.migrate();
    await loadReferenceData(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/**
 * First start: run PGlite's initdb in a short-lived child process. Done in-process it leaves ≈500 MB of WASM
 * heap behind for the life of the server (docs/benchmarks.md).
 */
function initPgliteInChildProcess(pgDir: string) {
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const code = `const { PGlite } = await import(${JSON.stringify(pglite)});
    const db = await PGlite.create({ dataDir: ${JSON.stringify(pgDir)} }); await db.close();`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Could not initialise the embedded database in ${pgDir}`);
}
