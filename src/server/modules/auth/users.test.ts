import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditEvent, userSession } from '../../db/schema/index.ts';
import { buildOrg, buildUser, loginAs, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let admin: string;
let university: TOrgRow;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  const system = await buildOrg(deps, { kind: 'system' });
  const a = await buildUser(deps, system, ['system_admin']);
  admin = await loginAs(app, a.username);
  university = await buildOrg(deps, { kind: 'university', regionCode: '520100', code: `U-T${Date.now()}` });
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, payload });

async function auditFor(id: string, action: string) {
  return deps.database.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.entityId, id), eq(auditEvent.action, action)));
}

describe('account administration', () => {
  it('creates an account that must change its password, audited', async () => {
    const body = {
      username: 'new_counselor',
      displayName: '新辅导员',
      orgCode: university.code,
      roles: ['counselor'],
      password: 'Initial-2020',
    };
    const res = await call('POST', '/api/users', admin, body);
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    const cookie = await loginAs(app, 'new_counselor', 'Initial-2020');
    const me = (await call('GET', '/api/auth/me', cookie)).json();
    expect(me).toMatchObject({ username: 'new_counselor', mustChangePassword: true, roles: ['counselor'] });
    expect(await auditFor(id, 'user.create')).toHaveLength(1);
    expect((await call('POST', '/api/users', admin, body)).statusCode).toBe(409);
  });

  it('refuses roles that do not fit the org kind and unknown orgs, naming the problem', async () => {
    const misfit = await call('POST', '/api/users', admin, {
      username: 'bad_role',
      displayName: 'x',
      orgCode: university.code,
      roles: ['county_hrss'],
      password: 'Initial-2020',
    });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.json().error.message).toContain('county_hrss');
    const noOrg = await call('POST', '/api/users', admin, {
      username: 'no_org',
      displayName: 'x',
      orgCode: 'NOPE',
      roles: ['counselor'],
      password: 'Initial-2020',
    });
    expect(noOrg.json().error.message).toContain('NOPE');
  });

  it('lists with text, role and locked filters', async () => {
    const locked = await buildUser(deps, university, ['helper'], {
      displayName: '锁定的帮扶人',
      lockedUntil: new Date(deps.clock.now().getTime() + 600_000),
    });
    const byText = (await call('GET', `/api/users?q=${encodeURIComponent('锁定的')}`, admin)).json();
    expect(byText.items.map((u: { id: string }) => u.id)).toEqual([locked.id]);
    const byRole = (await call('GET', '/api/users?role=helper', admin)).json();
    expect(byRole.items.every((u: { roles: string[] }) => u.roles.includes('helper'))).toBe(true);
    const lockedOnly = (await call('GET', '/api/users?status=locked', admin)).json();
    expect(lockedOnly.items.map((u: { id: string }) => u.id)).toEqual([locked.id]);
    expect(lockedOnly.items[0].lockedUntil).not.toBeNull();
  });

  it('unlocks a locked account so it can sign in again', async () => {
    const u = await buildUser(deps, university, ['counselor'], {
      lockedUntil: new Date(deps.clock.now().getTime() + 600_000),
    });
    const before = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'Test-pass-2020' },
    });
    expect(before.statusCode).toBe(423);
    expect((await call('POST', `/api/users/${u.id}/unlock`, admin)).statusCode).toBe(204);
    await loginAs(app, u.username);
    expect(await auditFor(u.id, 'user.unlock')).toHaveLength(1);
  });

  it('resets a password: old one stops working, sessions close, change is required', async () => {
    const u = await buildUser(deps, university, ['counselor']);
    const session = await loginAs(app, u.username);
    expect(
      (await call('POST', `/api/users/${u.id}/reset-password`, admin, { password: 'Temp-pass-1' }))
        .statusCode,
    ).toBe(204);
    expect((await call('GET', '/api/auth/me', session)).statusCode).toBe(401);
    const fresh = await loginAs(app, u.username, 'Temp-pass-1');
    expect((await call('GET', '/api/auth/me', fresh)).json().mustChangePassword).toBe(true);
    expect(
      (await call('POST', `/api/users/${u.id}/reset-password`, admin, { password: 'short' })).statusCode,
    ).toBe(400);
  });

  it('deactivates an account: its sessions end and it cannot sign in; before/after audited', async () => {
    const u = await buildUser(deps, university, ['counselor']);
    const cookie = await loginAs(app, u.username);
    const me = () => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect((await me()).statusCode).toBe(200); // the session is now remembered for a few seconds
    expect((await call('PATCH', `/api/users/${u.id}`, admin, { active: false })).statusCode).toBe(204);
    expect((await me()).statusCode).toBe(401); // at once, not when the memory runs out
    expect(
      await deps.database.db.select().from(userSession).where(eq(userSession.userId, u.id)),
    ).toHaveLength(0);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'Test-pass-2020' },
    });
    expect(login.statusCode).toBe(401);
    const [row] = await auditFor(u.id, 'user.update');
    expect(row).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it('changes roles only to ones that fit the org, and 404s unknown ids', async () => {
    const u = await buildUser(deps, university, ['counselor']);
    expect(
      (await call('PATCH', `/api/users/${u.id}`, admin, { roles: ['counselor', 'helper'] })).statusCode,
    ).toBe(204);
    expect((await call('PATCH', `/api/users/${u.id}`, admin, { roles: ['ministry'] })).statusCode).toBe(400);
    expect((await call('PATCH', `/api/users/${u.id}`, admin, {})).statusCode).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call('POST', `/api/users/${missing}/unlock`, admin)).statusCode).toBe(404);
  });

  it('sorts by username, last login or creation, either way', async () => {
    const names = async (sort: string) =>
      (
        (await call('GET', `/api/users?sort=${sort}&pageSize=200`, admin)).json().items as {
          username: string;
        }[]
      ).map((u) => u.username);
    const asc = await names('username');
    expect(asc).toEqual([...asc].sort());
    expect(await names('-username')).toEqual([...asc].reverse());
    const byLogin = (await call('GET', '/api/users?sort=-lastLoginAt&pageSize=200', admin)).json().items as {
      lastLoginAt: string | null;
    }[];
    const seen = byLogin.map((u) => u.lastLoginAt).filter((v): v is string => v !== null);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(byLogin.at(-1)?.lastLoginAt).toBeNull(); // never signed in: last
    expect((await call('GET', '/api/users?sort=password', admin)).statusCode).toBe(400);
  });

  it('will not let an admin remove their own system admin role', async () => {
    const me = (await call('GET', '/api/auth/me', admin)).json();
    const res = await call('PATCH', `/api/users/${me.id}`, admin, { roles: ['helper'] });
    expect(res.statusCode).toBe(400);
  });

  it('refuses every account route to users without users.manage', async () => {
    // university admins manage their own staff now (issue 22, staff.test.ts); a counselor manages nobody
    const uniAdmin = await loginAs(app, (await buildUser(deps, university, ['counselor'])).username);
    const target = await buildUser(deps, university, ['counselor']);
    const attempts = [
      call('GET', '/api/users', uniAdmin),
      call('POST', '/api/users', uniAdmin, {
        username: 'x_y',
        displayName: 'x',
        orgCode: university.code,
        roles: ['counselor'],
        password: 'Initial-2020',
      }),
      call('PATCH', `/api/users/${target.id}`, uniAdmin, { active: false }),
      call('POST', `/api/users/${target.id}/unlock`, uniAdmin),
      call('POST', `/api/users/${target.id}/reset-password`, uniAdmin, { password: 'Temp-pass-1' }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode).toBe(403);
  });
});
