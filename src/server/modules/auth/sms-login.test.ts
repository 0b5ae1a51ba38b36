import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { appUser, auditEvent, smsCode, userSession } from '../../db/schema/index.ts';
import { buildOrg, buildUser, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { SMS_DAILY_MAX } from './sms-login.service.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

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

// each test uses its own numbers and its own address, so limits only bite where a test wants them to
let seq = 0;
const nextPhone = () => `1370000${String(++seq).padStart(4, '0')}`;
const nextIp = () => `10.1.0.${++seq % 250}`;

/** A graduate account whose mobile is `phone` (as self-account activation links it). */
function buildGraduateUser(phone: string, overrides: Partial<typeof appUser.$inferInsert> = {}) {
  return buildUser(deps, org, ['graduate'], { phoneHash: deps.crypto.keyedHash(phone), ...overrides });
}

function requestCode(phone: string, ip: string) {
  return app.inject({ method: 'POST', url: '/api/auth/sms/request', payload: { phone }, remoteAddress: ip });
}

function verify(phone: string, code: string, ip: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sms/verify',
    payload: { phone, code },
    remoteAddress: ip,
  });
}

/** Request a code for an existing account and read it from the captured message. */
async function codeFor(phone: string, ip: string): Promise<string> {
  const res = await requestCode(phone, ip);
  expect(res.statusCode, res.body).toBe(202);
  const code = deps.sms.lastCodeTo(phone);
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function auditActions(action: string, userId?: string) {
  const where = userId
    ? and(eq(auditEvent.action, action), eq(auditEvent.entityId, userId))
    : eq(auditEvent.action, action);
  return deps.database.db.select().from(auditEvent).where(where);
}

describe('POST /api/auth/sms/request', () => {
  it('sends a 6-digit code to a graduate account and stores only its hash', async () => {
    const phone = nextPhone();
    const user = await buildGraduateUser(phone);
    const res = await requestCode(
      `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
      nextIp(),
    );
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ cooldownSeconds: 60, expiresInSeconds: 300 });

    const sms = deps.sms.lastTo(phone);
    expect(sms?.text).toMatch(/^您的验证码是 \d{6}，5 分钟内有效/);
    const code = deps.sms.lastCodeTo(phone)!;
    const rows = await deps.database.db
      .select()
      .from(smsCode)
      .where(eq(smsCode.phoneHash, deps.crypto.keyedHash(phone)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(phone);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(5 * MINUTE);
    const [audit] = await auditActions('auth.sms_requested', user.id);
    expect(audit?.after).toEqual({ phone: `${phone.slice(0, 3)}****${phone.slice(7)}`, account: true });
  });

  it('answers an unknown, a deactivated and a staff number exactly like a graduate number, sending nothing', async () => {
    const known = nextPhone();
    await buildGraduateUser(known);
    const inactive = nextPhone();
    await buildGraduateUser(inactive, { active: false });
    const staff = nextPhone();
    await buildUser(deps, org, ['counselor'], { phoneHash: deps.crypto.keyedHash(staff) });
    const unknown = nextPhone();
    const sentBefore = deps.sms.sent.length;

    const answers = [];
    for (const phone of [known, inactive, staff, unknown]) {
      const res = await requestCode(phone, nextIp());
      answers.push({ status: res.statusCode, body: res.body });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(deps.sms.sent.slice(sentBefore).map((m) => m.phone)).toEqual([known]);

    // the resend limit bites the same way for numbers without an account
    const again = [];
    for (const phone of [known, unknown]) {
      const res = await requestCode(phone, nextIp());
      again.push({ status: res.statusCode, code: res.json().error.code });
    }
    expect(again).toEqual([
      { status: 429, code: 'rate_limited' },
      { status: 429, code: 'rate_limited' },
    ]);
  });

  it('allows one code per number per minute and ten per day', async () => {
    const phone = nextPhone();
    await buildGraduateUser(phone);
    const ip = nextIp();
    expect((await requestCode(phone, ip)).statusCode).toBe(202);
    deps.clock.advance(30 * SECOND);
    const tooSoon = await requestCode(phone, ip);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().error.details).toEqual({ retryAfterSeconds: 30 });
    deps.clock.advance(30 * SECOND);
    for (let i = 1; i < SMS_DAILY_MAX; i++) {
      expect((await requestCode(phone, ip)).statusCode, `code ${i + 1}`).toBe(202);
      deps.clock.advance(MINUTE);
    }
    const eleventh = await requestCode(phone, ip);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('rate_limited');
    expect(
      (await auditActions('auth.sms_refused')).some((a) => (a.after as { limit?: string }).limit === 'daily'),
    ).toBe(true);

    deps.clock.advance(24 * 60 * MINUTE);
    expect((await requestCode(phone, ip)).statusCode).toBe(202);
  });

  it('refuses a malformed number with 400', async () => {
    const res = await requestCode('12345', nextIp());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_error');
  });
});

describe('POST /api/auth/sms/verify', () => {
  it('signs in like a password login: session cookie, /me, last login, audited with the method', async () => {
    const phone = nextPhone();
    const user = await buildGraduateUser(phone, { displayName: '吴同学', failedLogins: 3 });
    const ip = nextIp();
    const code = await codeFor(phone, ip);

    const res = await verify(phone, code, ip);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: user.id,
      username: user.username,
      displayName: '吴同学',
      roles: ['graduate'],
      permissions: ['self.portal'],
    });
    const cookie = res.cookies.find((c) => c.name === 'bangfu_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `bangfu_sid=${cookie!.value}` },
    });
    expect(me.json().id).toBe(user.id);

    const sessions = await deps.database.db.select().from(userSession).where(eq(userSession.userId, user.id));
    expect(sessions).toHaveLength(1);
    const [after] = await deps.database.db.select().from(appUser).where(eq(appUser.id, user.id));
    expect(after!.lastLoginAt).toEqual(deps.clock.now());
    expect(after!.failedLogins).toBe(0);
    const [signIn] = await auditActions('auth.login', user.id);
    expect(signIn).toMatchObject({ actorUserId: user.id, after: { method: 'sms' } });

    // a code signs in once
    const again = await verify(phone, code, ip);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.details).toEqual({ reason: 'used' });
  });

  it('burns the code after five wrong attempts, counting down and auditing each', async () => {
    const phone = nextPhone();
    const user = await buildGraduateUser(phone);
    const ip = nextIp();
    const code = await codeFor(phone, ip);
    for (let left = 4; left >= 0; left--) {
      const res = await verify(phone, wrongCode(code), ip);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        code: 'invalid_credentials',
        details: { reason: 'wrong_code', attemptsLeft: left },
      });
    }
    const burned = await verify(phone, code, ip);
    expect(burned.statusCode).toBe(401);
    expect(burned.json().error.details).toEqual({ reason: 'too_many_attempts' });
    const failures = await auditActions('auth.sms_login_failed', user.id);
    expect(failures.map((f) => (f.after as { reason: string }).reason)).toEqual([
      ...Array(5).fill('wrong_code'),
      'too_many_attempts',
    ]);
    expect(await auditActions('auth.login', user.id)).toHaveLength(0);
  });

  it('refuses an expired code and a code replaced by a newer one', async () => {
    const phone = nextPhone();
    await buildGraduateUser(phone);
    const ip = nextIp();
    const first = await codeFor(phone, ip);
    deps.clock.advance(5 * MINUTE + SECOND);
    const expired = await verify(phone, first, ip);
    expect(expired.json().error.details).toEqual({ reason: 'expired' });

    const second = await codeFor(phone, ip);
    deps.clock.advance(MINUTE + SECOND);
    const third = await codeFor(phone, ip);
    if (second !== third) {
      const old = await verify(phone, second, ip);
      expect(old.statusCode).toBe(401);
      expect(old.json().error.details.reason).toBe('wrong_code');
    }
    expect((await verify(phone, third, ip)).statusCode).toBe(200);
  });

  it('gives a number without an account the same refusal as a wrong code, and no session', async () => {
    const ip = nextIp();
    const unknown = nextPhone();
    expect((await requestCode(unknown, ip)).statusCode).toBe(202);
    const res = await verify(unknown, '123456', ip);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'invalid_credentials',
      details: { reason: 'wrong_code' },
    });
    const never = await verify(nextPhone(), '123456', ip);
    expect(never.json().error.details).toEqual({ reason: 'no_code' });
  });

  it('keeps a locked account locked', async () => {
    const phone = nextPhone();
    await buildGraduateUser(phone, { lockedUntil: new Date(deps.clock.now().getTime() + 10 * MINUTE) });
    const ip = nextIp();
    const res = await verify(phone, await codeFor(phone, ip), ip);
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('account_locked');
    const audited = await deps.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'auth.login_locked'));
    expect(audited.map((a) => a.after)).toContainEqual(expect.objectContaining({ method: 'sms' }));
  });
});
