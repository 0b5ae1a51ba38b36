import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client.ts';
import { loadReferenceData } from '../modules/orgs/reference.loader.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string | null;
    pgTemplate: string | null;
  }
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Build the migrated, reference-loaded template once per run: PGlite's initdb takes ≈1.6 s, loading a dump ≈0.5 s,
 * so every test file starts from the dump; on PostgreSQL `CREATE DATABASE … TEMPLATE` does the same.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `bangfu_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const db = openPostgres(withDatabaseName(url, template), 2);
    await db.migrate();
    await loadReferenceData(db.db);
    await db.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteDumpPath', null);
    return async () => {
      // only this run's databases: another run may share the server
      const leftovers = await admin.query(
        `select datname from pg_database where datname like 'bangfu_t_${process.pid}_%'`,
      );
      for (const r of leftovers.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-test-'));
  const db = await openPglite(undefined);
  await db.migrate();
  await loadReferenceData(db.db);
  const client = (db.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await db.close();
  const dumpPath = path.join(dir, 'template.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpPath', dumpPath);
  project.provide('pgTemplate', null);
  return () => rmSync(dir, { recursive: true, force: true });
}
