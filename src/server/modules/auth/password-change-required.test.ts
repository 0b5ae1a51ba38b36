import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildOrg, buildUser, loginAs, TEST_PASSWORD, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';

/*
 * A user signed in with a temporary password (created by an administrator, reset, or a re-issued self-service
 * account) reaches nothing but me, sign-out and the password change until they have chosen their own password.
 */

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

const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, payload });

describe('a user who must change their password', () => {
  it('gets 403 password_change_required from every other route, reads and writes alike', async () => {
    const user = await buildUser(deps, org, ['university_admin'], { mustChangePassword: true });
    const cookie = await loginAs(app, user.username);
    for (const [method, url] of [
      ['GET', '/api/notifications'],
      ['GET', '/api/orgs/tree'],
      ['GET', '/api/audit'],
      ['POST', '/api/notifications/read-all'],
      ['POST', `/api/users/${user.id}/unlock`],
    ] as const) {
      const res = await call(cookie, method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code, `${method} ${url}`).toBe('password_change_required');
    }
  });

  it('still reaches me (which says so), the password change, and sign-out', async () => {
    const user = await buildUser(deps, org, ['counselor'], { mustChangePassword: true });
    const cookie = await loginAs(app, user.username);
    const me = await call(cookie, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
    expect((await call(cookie, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await call(cookie, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('reaches everything its roles allow once the password is changed, in the same session', async () => {
    const user = await buildUser(deps, org, ['counselor'], { mustChangePassword: true });
    const cookie = await loginAs(app, user.username);
    expect((await call(cookie, 'GET', '/api/notifications')).statusCode).toBe(403);
    const change = await call(cookie, 'POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Own-choice-2020',
    });
    expect(change.statusCode).toBe(204);
    expect((await call(cookie, 'GET', '/api/notifications')).statusCode).toBe(200);
    expect((await call(cookie, 'POST', '/api/notifications/read-all')).statusCode).toBe(200);
  });

  it('does not touch users without a pending change', async () => {
    const user = await buildUser(deps, org, ['counselor']);
    const cookie = await loginAs(app, user.username);
    expect((await call(cookie, 'GET', '/api/notifications')).statusCode).toBe(200);
  });
});
