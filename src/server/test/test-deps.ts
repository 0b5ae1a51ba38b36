import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { TConfig } from '../config.ts';
import type { TClock, TDeps } from '../context.ts';
import { createCrypto } from '../crypto.ts';
import { openPglite, openPostgres, type TDatabase } from '../db/client.ts';
import { CapturingSmsProvider } from '../sms/capturing-provider.ts';
import { withDatabaseName } from './global-setup.ts';

/** A clock tests can set and move. */
export class TestClock implements TClock {
  constructor(private current = new Date('2020-07-15T09:00:00.000Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date) {
    this.current = new Date(date);
  }
}

export type TTestDeps = TDeps & { clock: TestClock; sms: CapturingSmsProvider; close(): Promise<void> };

export const TEST_SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A fresh database for one test file (PGlite from the template dump, or a new PostgreSQL database from the
 * template), migrated and with reference data, plus deps with a controllable clock. Call close() in afterAll.
 */
export async function createTestDeps(): Promise<TTestDeps> {
  const template = inject('pgTemplate');
  let database: TDatabase;
  let drop: () => Promise<void> = async () => {};
  if (template) {
    const url = process.env.TEST_DATABASE_URL!;
    // bangfu_tpl_<pid> → bangfu_t_<pid>_<random>: global teardown drops its own run's leftovers only
    const name = `bangfu_t_${template.replace('bangfu_tpl_', '')}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    database = openPostgres(withDatabaseName(url, name), 4);
    drop = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dump = readFileSync(inject('pgliteDumpPath')!);
    database = await openPglite(undefined, new Blob([dump]));
  }
  const config: TConfig = {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    databasePoolSize: 10,
    dataDir: '/nonexistent',
    secretKey: TEST_SECRET,
    logLevel: 'silent',
    // one checkpoint file per test database, so verify holds each database against its own checkpoints
    auditCheckpointFile: path.join(tmpdir(), `bangfu-audit-${randomBytes(6).toString('hex')}.jsonl`),
    auditCheckpointMinutes: 0,
    revealDailyLimit: 20,
    smsProvider: 'console',
    ledgerTickMinutes: 0,
    pushDispatchMinutes: 0,
    allowedOrigins: [],
    trustProxy: false,
  };
  return {
    config,
    database,
    crypto: createCrypto(TEST_SECRET),
    clock: new TestClock(),
    sms: new CapturingSmsProvider(),
    async close() {
      await database.close();
      await drop();
      rmSync(config.auditCheckpointFile, { force: true });
    },
  };
}
