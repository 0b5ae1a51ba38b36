import { createReadStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { systemClock, type TDeps } from '../src/server/context.ts';
import { createCrypto } from '../src/server/crypto.ts';
import { openPglite, openPostgres, type TDatabase } from '../src/server/db/client.ts';
import { findActingUser } from '../src/server/modules/auth/acting-user.ts';
import { buildCtx } from '../src/server/modules/auth/auth.service.ts';
import { commitBatch } from '../src/server/modules/imports/import-commit.service.ts';
import { stageImport } from '../src/server/modules/imports/import-stage.service.ts';
import { loadReferenceData } from '../src/server/modules/orgs/reference.loader.ts';
import { seedDemo } from '../src/server/seed/demo.ts';
import { CapturingSmsProvider } from '../src/server/sms/capturing-provider.ts';
import { measureFloor } from './import-floor.ts';

/** The roster's 12 columns as text: what a raw COPY of the same file needs, with no validation at all. */
const BARE = `create table bench_raw (c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text,
  c10 text, c11 text, c12 text)`;

async function open(
  engine: 'postgres' | 'pglite',
  pgBase: string,
): Promise<{ database: TDatabase; done: () => Promise<void> }> {
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: `${pgBase}/postgres` });
    await admin.connect();
    await admin.query('drop database if exists bangfu_bench_import with (force)');
    await admin.query('create database bangfu_bench_import');
    await admin.end();
    const database = openPostgres(`${pgBase}/bangfu_bench_import`);
    return { database, done: () => database.close() };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-bench-pglite-'));
  const database = await openPglite(dir);
  return {
    database,
    done: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Import the file as 贵州大学's admin, then COPY it raw into a bare table, on one engine. */
export async function runEngine(engine: 'postgres' | 'pglite', file: string, pgBase: string) {
  const { database, done } = await open(engine, pgBase);
  await database.migrate();
  await loadReferenceData(database.db);
  const deps = {
    config: { dataDir: tmpdir() },
    database,
    crypto: createCrypto('bench-secret-0123456789abcdefghijklmnop'),
    clock: systemClock,
    sms: new CapturingSmsProvider(),
  } as unknown as TDeps;
  await seedDemo(deps, { onlyIfEmpty: true, size: 0 });
  const ctx = buildCtx((await findActingUser(database.db, 'gzu_admin'))!.user, null, null);
  let t = performance.now();
  const batch = await stageImport(deps, ctx, {
    kind: 'roster',
    filePath: file,
    fileName: 'roster.csv',
    cohort: 2020,
    maxBytes: 2 ** 40,
  });
  const stageS = (performance.now() - t) / 1000;
  t = performance.now();
  await commitBatch(deps, ctx, batch.id);
  const commitS = (performance.now() - t) / 1000;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  await database.db.execute(BARE);
  t = performance.now();
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (engine === 'pglite') {
    await (client as PGlite).query(`copy bench_raw from '/dev/blob' with (format csv)`, [], {
      blob: await openAsBlob(file),
    });
  } else {
    const conn = await (client as pg.Pool).connect();
    await pipeline(
      createReadStream(file),
      conn.query(copyFrom('copy bench_raw from stdin with (format csv)')),
    );
    conn.release();
  }
  const copyS = (performance.now() - t) / 1000;
  const floor = await measureFloor(file, deps.crypto);
  await done();
  return {
    rows: batch.counts.total,
    importS: stageS + commitS,
    stageS,
    commitS,
    copyS,
    parseS: floor.parseS,
    floorS: floor.floorS,
    peakRssMb,
    counts: batch.counts,
  };
}
