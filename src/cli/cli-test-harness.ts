import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabaseName } from '../server/test/global-setup.ts';

const root = path.resolve(import.meta.dirname, '../..');

export type TCliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs `bangfu` as a separate process, as a user would, against embedded PGlite in a temporary DATA_DIR or a
 * fresh PostgreSQL database (from the test template) when TEST_DATABASE_URL is set. Call `prepare()` in
 * beforeAll (it returns the environment, e.g. to seed through openDatabase) and `cleanup()` in afterAll.
 */
export function createCliHarness(name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `bangfu-cli-${name}-`));
  let env: NodeJS.ProcessEnv = {};
  let dropDatabase = async () => {};

  async function prepare(): Promise<NodeJS.ProcessEnv> {
    const { DATABASE_URL: _ignored, ...base } = process.env;
    const template = inject('pgTemplate');
    if (!template) {
      env = { ...base, DATA_DIR: path.join(dir, 'data'), NODE_ENV: 'test' };
      return env;
    }
    const url = process.env.TEST_DATABASE_URL!;
    // the global teardown drops bangfu_t_<pid>_* left behind by a crashed run
    const db = `bangfu_t_${template.replace('bangfu_tpl_', '')}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${db} template ${template}`);
    await admin.end();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${db} with (force)`);
      await c.end();
    };
    env = {
      ...base,
      DATABASE_URL: withDatabaseName(url, db),
      BANGFU_SECRET_KEY: randomBytes(32).toString('hex'),
      NODE_ENV: 'test',
    };
    return env;
  }

  function run(...args: string[]): Promise<TCliResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/bangfu.mjs', ...args], { cwd: root, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  async function cleanup() {
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  }

  return { dir, prepare, run, cleanup };
}
