import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { appUser, auditEvent, userSession } from '../../db/schema/index.ts';
import { buildOrg, buildUser, TEST_PASSWORD, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { SESSION_CACHE_MS } from './session-cache.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let deps: TTestDeps;
let app: FastifyInstance;
let org: TOrgRow;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  org = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

// Each test signs in from its own address, so the per-IP limiter only bites where a test wants it to.
let ipSeq = 0;
const nextIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

function login(username: string, password: string, remoteAddress: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
}

async function sessionCookie(username: string, password: string, ip: string): Promise<string> {
  const res = await login(username, password, ip);
  expect(res.statusCode, res.body).toBe(200);
  return `bangfu_sid=${res.cookies.find((c) => c.name === 'bangfu_sid')!.value}`;
}

const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

async function auditFor(userId: string, action: string) {
  return deps.database.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.entityId, userId), eq(auditEvent.action, action)));
}

async function sessionsOf(userId: string) {
  return deps.database.db.select().from(userSession).where(eq(userSession.userId, userId));
}

describe('POST /api/auth/login', () => {
  it('signs in with an httpOnly, SameSite=Lax session cookie and returns who the user is', async () => {
    const user = await buildUser(deps, org, ['counselor'], { displayName: '王老师' });
    const res = await login(user.username, TEST_PASSWORD, nextIp());
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'bangfu_sid');
    expect(cookie).toBeDefined();
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toEqual({
      id: user.id,
      username: user.username,
      displayName: '王老师',
      roles: ['counselor'],
      permissions: [
        'reference.read',
        'orgs.read',
        'graduates.read',
        'graduates.reveal',
        'cases.read',
        'cases.write',
        'opportunities.read',
        'matching.push',
      ],
      org: { id: org.id, name: org.name, kind: 'university', regionCode: '520100' },
      mustChangePassword: false,
    });

    const who = await me(`bangfu_sid=${cookie!.value}`);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toEqual(res.json());
    const [signIn] = await auditFor(user.id, 'auth.login');
    expect(signIn).toMatchObject({ actorUserId: user.id, actorUsername: user.username, orgId: org.id });
  });

  it('keeps only a hash of the session token in the database', async () => {
    const user = await buildUser(deps, org, ['helper']);
    const cookie = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    const token = cookie.split('=')[1]!;
    const [row] = await sessionsOf(user.id);
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password with 401 invalid_credentials', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const res = await login(user.username, 'Wrong-pass-1', nextIp());
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    expect(res.cookies.find((c) => c.name === 'bangfu_sid')).toBeUndefined();
  });

  it('answers an unknown username exactly like a wrong password (no user enumeration)', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const wrong = await login(user.username, 'Wrong-pass-1', nextIp());
    const unknown = await login('no_such_user_xyz', 'Wrong-pass-1', nextIp());
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json()).toEqual(wrong.json());
    const rows = await deps.database.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.actorUsername, 'no_such_user_xyz'), eq(auditEvent.action, 'auth.login_failed')),
      );
    expect(rows).toHaveLength(1);
  });

  it('rejects a missing field with 400 validation_error naming the field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'someone' },
      remoteAddress: nextIp(),
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_error');
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['password'] })]));
  });

  it('refuses an inactive user even with the right password', async () => {
    const user = await buildUser(deps, org, ['counselor'], { active: false });
    const res = await login(user.username, TEST_PASSWORD, nextIp());
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });

  it('ends the sessions of a user deactivated by another process within the session memory (5 s)', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const cookie = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    expect((await me(cookie)).statusCode).toBe(200);
    // another server process deactivates the account: this process only learns it from the database
    await deps.database.db.update(appUser).set({ active: false }).where(eq(appUser.id, user.id));
    const realNow = performance.now.bind(performance);
    const later = vi.spyOn(performance, 'now').mockImplementation(() => realNow() + SESSION_CACHE_MS + 1);
    try {
      expect((await me(cookie)).statusCode).toBe(401);
    } finally {
      later.mockRestore();
    }
  });

  it('signing out ends the session at once, even one used a moment ago', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const cookie = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBeLessThan(300);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('account lockout', () => {
  it('locks for 15 minutes after 5 wrong passwords, audits it, and unlocks afterwards', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const ip = nextIp();
    for (let i = 1; i <= 4; i++) {
      const res = await login(user.username, `Wrong-pass-${i}`, ip);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const fifth = await login(user.username, 'Wrong-pass-5', ip);
    expect(fifth.statusCode).toBe(423);
    const lockedUntil = new Date(deps.clock.now().getTime() + 15 * MINUTE).toISOString();
    expect(fifth.json().error).toMatchObject({ code: 'account_locked', details: { lockedUntil } });

    const whileLocked = await login(user.username, TEST_PASSWORD, ip);
    expect(whileLocked.statusCode).toBe(423);
    expect(whileLocked.json().error).toMatchObject({ code: 'account_locked', details: { lockedUntil } });

    deps.clock.advance(14 * MINUTE);
    expect((await login(user.username, TEST_PASSWORD, nextIp())).statusCode).toBe(423);

    deps.clock.advance(MINUTE + 1000);
    expect((await login(user.username, TEST_PASSWORD, nextIp())).statusCode).toBe(200);

    expect(await auditFor(user.id, 'auth.login_failed')).toHaveLength(5);
    const locked = await auditFor(user.id, 'auth.locked');
    expect(locked).toHaveLength(1);
    expect(locked[0]!.after).toEqual({ lockedUntil });
    // every attempt while locked is on the record too (the right password included), with the account's org
    const refused = await auditFor(user.id, 'auth.login_locked');
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({
      actorUsername: user.username,
      orgId: org.id,
      after: { method: 'password', lockedUntil },
    });
  });

  it("shows failed sign-ins and the lockout to the auditors of the account's org", async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const admin = await buildUser(deps, org, ['university_admin']);
    const elsewhere = await buildUser(deps, await buildOrg(deps, { kind: 'university' }), [
      'university_admin',
    ]);
    const ip = nextIp();
    for (let i = 0; i < 5; i++) await login(user.username, 'Wrong-pass-1', ip);
    const trail = async (viewer: string) => {
      const cookie = await sessionCookie(viewer, TEST_PASSWORD, nextIp());
      const res = await app.inject({
        method: 'GET',
        url: `/api/audit?actor=${user.username}`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      return (res.json().items as { action: string }[]).map((e) => e.action);
    };
    expect(await trail(admin.username)).toEqual(
      [...Array(5).fill('auth.login_failed'), 'auth.locked'].reverse(),
    );
    expect(await trail(elsewhere.username)).toEqual([]);
  });

  it('resets the failure count after a successful sign-in', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const ip = nextIp();
    for (let i = 0; i < 3; i++) expect((await login(user.username, 'Wrong-pass-1', ip)).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    // without the reset, the second of these would be the fifth failure and lock the account
    for (let i = 0; i < 4; i++) expect((await login(user.username, 'Wrong-pass-1', ip)).statusCode).toBe(401);
    const [row] = await deps.database.db.select().from(appUser).where(eq(appUser.id, user.id));
    expect(row!.failedLogins).toBe(4);
    expect(row!.lockedUntil).toBeNull();
    expect((await login(user.username, 'Wrong-pass-1', ip)).statusCode).toBe(423);
  });
});

describe('per-IP rate limit', () => {
  it('refuses the 21st attempt within 5 minutes from one address, not from others', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const sprayer = nextIp();
    // spraying many accounts: none gets locked, but the address does
    for (let i = 0; i < 20; i++) {
      const res = await login(`ghost_${i}`, 'Wrong-pass-1', sprayer);
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await login(user.username, TEST_PASSWORD, sprayer);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.cookies.find((c) => c.name === 'bangfu_sid')).toBeUndefined();

    expect((await login(user.username, TEST_PASSWORD, nextIp())).statusCode).toBe(200);

    deps.clock.advance(5 * MINUTE);
    expect((await login(user.username, TEST_PASSWORD, sprayer)).statusCode).toBe(200);
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: 204, the cookie stops working, and it is audited', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const cookie = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'bangfu_sid');
    expect(cleared?.value).toBe('');

    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
    expect(await sessionsOf(user.id)).toHaveLength(0);
    const audit = await auditFor(user.id, 'auth.logout');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(user.id);
  });

  it('without a session answers 204 and records nothing', async () => {
    const before = await deps.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'auth.logout'));
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(204);
    const after = await deps.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'auth.logout'));
    expect(after).toHaveLength(before.length);
  });
});

describe('session expiry', () => {
  it('ends a session idle for more than 2 hours and deletes its row', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const cookie = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    deps.clock.advance(2 * HOUR - MINUTE);
    expect((await me(cookie)).statusCode).toBe(200);
    deps.clock.advance(2 * HOUR + 1000);
    const res = await me(cookie);
    expect(res.statusCode).toBe(401);
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it('keeps an active session alive past 2 hours but ends it at 12 hours regardless', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const cookie = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    let elapsed = 0;
    const step = async (ms: number) => {
      deps.clock.advance(ms);
      elapsed += ms;
      return (await me(cookie)).statusCode;
    };
    while (elapsed + 1.5 * HOUR < 12 * HOUR)
      expect(await step(1.5 * HOUR), `after ${elapsed / HOUR} h`).toBe(200);
    expect(elapsed).toBe(10.5 * HOUR);
    expect(await step(HOUR)).toBe(200);
    expect(await step(30 * MINUTE)).toBe(401);
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });
});

describe('POST /api/auth/password', () => {
  const change = (cookie: string, payload: object) =>
    app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload });

  it('refuses a wrong current password', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const cookie = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    const res = await change(cookie, { currentPassword: 'Not-mine-1', newPassword: 'Brand-new-2020' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_current_password');
    expect((await login(user.username, TEST_PASSWORD, nextIp())).statusCode).toBe(200);
  });

  it('locks the account after 5 wrong current passwords, ending its sessions (stolen-cookie guessing)', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const cookie = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    for (let i = 1; i <= 4; i++) {
      const res = await change(cookie, { currentPassword: `Guess-${i}-x`, newPassword: 'Brand-new-2020' });
      expect(res.json().error.code).toBe('invalid_current_password');
    }
    const fifth = await change(cookie, { currentPassword: 'Guess-5-x', newPassword: 'Brand-new-2020' });
    expect(fifth.statusCode).toBe(423);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, nextIp())).statusCode).toBe(423);
    expect(await auditFor(user.id, 'auth.password_change_failed')).toHaveLength(5);
  });

  it('refuses a weak new password with the rule it breaks', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const cookie = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    for (const [newPassword, rule] of [
      ['ab1', 'password_too_short'],
      ['onlyletters', 'password_needs_letter_and_digit'],
      ['1234567890', 'password_needs_letter_and_digit'],
    ] as const) {
      const res = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('validation_error');
      expect(error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: ['newPassword'], message: rule })]),
      );
    }
    expect((await login(user.username, TEST_PASSWORD, nextIp())).statusCode).toBe(200);
  });

  it('requires a session', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-2020' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('changes the password, closes the other sessions and keeps the current one', async () => {
    const user = await buildUser(deps, org, ['counselor'], { mustChangePassword: true });
    const current = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    const other = await sessionCookie(user.username, TEST_PASSWORD, nextIp());
    expect((await me(other)).statusCode).toBe(200);
    expect((await me(current)).json().mustChangePassword).toBe(true);

    const res = await change(current, { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-2020' });
    expect(res.statusCode).toBe(204);

    expect((await me(other)).statusCode).toBe(401);
    const still = await me(current);
    expect(still.statusCode).toBe(200);
    expect(still.json().mustChangePassword).toBe(false);
    expect(await sessionsOf(user.id)).toHaveLength(1);

    const old = await login(user.username, TEST_PASSWORD, nextIp());
    expect(old.statusCode).toBe(401);
    expect((await login(user.username, 'Brand-new-2020', nextIp())).statusCode).toBe(200);
    const audit = await auditFor(user.id, 'auth.password_changed');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain('Brand-new-2020');
  });
});
