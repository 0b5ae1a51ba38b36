import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { acquireDataDirLock } from '../server/db/lock.ts';
import { openDatabase } from '../server/db/open.ts';
import { appUser, auditEvent, orgUnit } from '../server/db/schema/index.ts';
import { verifyPassword } from '../server/modules/auth/password.ts';
import { createCliHarness } from './cli-test-harness.ts';

/*
 * `bangfu init` end to end as a separate process on an empty database (embedded PGlite in a temporary
 * DATA_DIR, or a fresh PostgreSQL database when TEST_DATABASE_URL is set), as a new deployment runs it.
 */

const cli = createCliHarness('init');
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  env = await cli.prepare();
}, 120_000);
afterAll(async () => {
  await cli.cleanup();
});

async function readBack() {
  const database = await openDatabase(loadConfig(env), 'init.command.test');
  try {
    const db = database.db;
    const orgs = await db.select().from(orgUnit).where(eq(orgUnit.kind, 'system'));
    const users = await db.select().from(appUser);
    const audits = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'platform.init')));
    return { orgs, users, audits };
  } finally {
    await database.close();
  }
}

describe('bangfu init', () => {
  it('refuses bad input with exit code 2 and creates nothing', async () => {
    const res = await cli.run('init', '--username', 'A B', '--password', 'short');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('username');
    expect((await readBack()).users).toHaveLength(0);
  }, 120_000);

  it('honours the embedded database lock while another process holds it', async () => {
    if (env.DATABASE_URL) return; // PostgreSQL has no folder lock; nothing to hold
    const release = acquireDataDirLock(env.DATA_DIR!, 'a running server');
    try {
      const res = await cli.run('init');
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('a running server');
    } finally {
      release();
    }
  }, 120_000);

  it('creates the platform org and a system admin with a printed temporary password to change', async () => {
    const res = await cli.run('init', '--username', 'root', '--name', '平台管理员');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const password = /Temporary password: (\S+)/.exec(res.stdout)?.[1];
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{16}$/);

    const { orgs, users, audits } = await readBack();
    expect(orgs).toMatchObject([{ code: 'SYSTEM', kind: 'system', active: true }]);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      username: 'root',
      displayName: '平台管理员',
      roles: ['system_admin'],
      orgId: orgs[0]!.id,
      mustChangePassword: true,
    });
    expect(await verifyPassword(users[0]!.passwordHash, password!)).toBe(true);
    expect(audits).toMatchObject([
      {
        actorUsername: 'bangfu init',
        entityId: users[0]!.id,
        after: { username: 'root', orgCode: 'SYSTEM' },
      },
    ]);
  }, 120_000);

  it('refuses a second run with exit code 3 and changes nothing', async () => {
    const res = await cli.run('init', '--username', 'second', '--password', 'Another-pass-2020');
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('Already initialised: system admin root exists');
    const { orgs, users, audits } = await readBack();
    expect([orgs.length, users.length, audits.length]).toEqual([1, 1, 1]);
  }, 120_000);
});
