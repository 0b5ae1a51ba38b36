import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { createCrypto } from '../server/crypto.ts';
import { openDatabase } from '../server/db/open.ts';
import { buildLedgerWorld } from '../server/modules/ledger/ledger-test-world.ts';
import { CapturingSmsProvider } from '../server/sms/capturing-provider.ts';
import { buildOpportunity } from '../server/test/factories.ts';
import { TestClock } from '../server/test/test-deps.ts';
import { createCliHarness } from './cli-test-harness.ts';

/*
 * `bangfu matching run` and `bangfu matching dispatch` as a separate process against embedded PGlite in a
 * temporary DATA_DIR (or a fresh PostgreSQL database when TEST_DATABASE_URL is set): two open cases and posts
 * open until the end of the year, whatever today is.
 */

const cli = createCliHarness('matching');

beforeAll(async () => {
  const env = await cli.prepare();
  const config = loadConfig(env);
  const database = await openDatabase(config, 'matching.command.test seed');
  try {
    const deps = {
      config,
      database,
      crypto: createCrypto(config.secretKey),
      clock: new TestClock(new Date()),
      sms: new CapturingSmsProvider(),
      close: async () => {},
    };
    const world = await buildLedgerWorld(deps);
    await world.addCase({ level: '本科', majorCode: '080901' });
    await world.addCase({ level: '本科', majorCode: '080901' });
    for (const title of ['开发岗', '测试岗'])
      await buildOpportunity(deps, { ownerOrgId: world.uni.id, title, deadline: '2099-12-31' });
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  await cli.cleanup();
});

describe('bangfu matching', () => {
  it('run recomputes every open case and reports as JSON', async () => {
    const r = await cli.run('matching', 'run', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cases: 2, posts: 2, recommendations: 4, workers: 0 });
    const again = await cli.run('matching', 'run');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('2 open cases × 2 open posts → 4 stored');
  }, 60_000);

  it('dispatch sends an empty outbox, and --workers is checked before the database opens', async () => {
    const r = await cli.run('matching', 'dispatch', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ promoted: 0, sent: 0, failed: 0 });
    const bad = await cli.run('matching', 'run', '--workers', 'many');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--workers');
  }, 60_000);
});
