import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_LEDGER_RULES } from '../domain/ledger/rules.ts';
import { loadConfig } from '../server/config.ts';
import { createCrypto } from '../server/crypto.ts';
import { openDatabase } from '../server/db/open.ts';
import { buildLedgerWorld } from '../server/modules/ledger/ledger-test-world.ts';
import { CapturingSmsProvider } from '../server/sms/capturing-provider.ts';
import { TestClock } from '../server/test/test-deps.ts';
import { createCliHarness } from './cli-test-harness.ts';
import { parseAt } from './ledger.command.ts';

/*
 * `bangfu ledger tick` as a separate process against embedded PGlite in a temporary DATA_DIR, or a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set, holding one case whose pairing deadline has passed.
 */

const cli = createCliHarness('ledger');
const bangfu = cli.run;
const opened = new Date('2024-03-01T01:00:00Z');

beforeAll(async () => {
  const env = await cli.prepare();
  const config = loadConfig(env);
  const database = await openDatabase(config, 'ledger.command.test seed');
  try {
    const deps = {
      config,
      database,
      crypto: createCrypto(config.secretKey),
      clock: new TestClock(opened),
      sms: new CapturingSmsProvider(),
      close: async () => {},
    };
    const world = await buildLedgerWorld(deps);
    await world.addCase({ cohort: 2025 });
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  await cli.cleanup();
});

describe('bangfu ledger tick', () => {
  it('runs the clock as of --at, prints the counts as JSON, and a rerun changes nothing', async () => {
    const at = new Date(opened.getTime() + (DEFAULT_LEDGER_RULES.pairWithinDays + 1) * DAY_MS).toISOString();
    const first = await bangfu('ledger', 'tick', '--at', at, '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      at,
      cases: 1,
      opened: 1,
      resolved: 0,
      escalated: 0,
      notified: 1,
    });

    const again = await bangfu('ledger', 'tick', '--at', at);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('1 cases, 0 opened, 0 resolved, 0 escalated, 0 notified');
  }, 60_000);

  it('refuses an --at that is not a date-time with exit code 2, before opening the database', async () => {
    const r = await bangfu('ledger', 'tick', '--at', 'yesterday');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--at');
  }, 30_000);
});

describe('parseAt', () => {
  it('reads ISO date-times with an offset, and a bare date as midnight in China', () => {
    const now = new Date();
    expect(parseAt(undefined, now)).toBe(now);
    expect(parseAt('2020-07-15T09:00:00+08:00', now)?.toISOString()).toBe('2020-07-15T01:00:00.000Z');
    expect(parseAt('2020-07-15T01:00:00Z', now)?.toISOString()).toBe('2020-07-15T01:00:00.000Z');
    expect(parseAt('2020-07-15', now)?.toISOString()).toBe('2020-07-14T16:00:00.000Z');
    for (const bad of ['yesterday', '2020-07-15T09:00:00', '2020-13-01T00:00:00Z', '']) {
      expect(parseAt(bad, now), bad).toBeUndefined();
    }
  });
});
