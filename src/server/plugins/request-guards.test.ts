import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { buildOrg, buildUser, loginAs, TEST_PASSWORD } from '../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../test/test-deps.ts';
import { isAllowedOrigin } from './origin-check.ts';

/*
 * Requests: state-changing requests only from the server's own pages (or configured origins), no caching of
 * API answers, HSTS and a Secure session cookie only behind a TLS proxy (TRUST_PROXY).
 */

const ID = '00000000-0000-4000-8000-000000000000';
const EVIL = 'https://evil.example';

let deps: TTestDeps;
let app: FastifyInstance;
/** the same database behind a TLS proxy, with one partner site allowed */
let proxied: FastifyInstance;
let admin: string;
let adminName: string;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  proxied = await buildApp({
    ...deps,
    config: { ...deps.config, trustProxy: true, allowedOrigins: ['https://portal.example.edu.cn'] },
  });
  const org = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  adminName = (await buildUser(deps, org, ['university_admin'])).username;
  admin = await loginAs(app, adminName);
});
afterAll(async () => {
  await app.close();
  await proxied.close();
  await deps.close();
});

describe('origin check on state-changing requests', () => {
  it('refuses body-less writes from a foreign Origin with 403 cross_origin, before any route logic', async () => {
    for (const url of [
      `/api/imports/${ID}/commit`,
      `/api/imports/${ID}/revert`,
      `/api/users/${ID}/unlock`,
      '/api/notifications/read-all',
      `/api/cases/${ID}/self-account`,
      '/api/auth/logout',
    ]) {
      const res = await app.inject({ method: 'POST', url, headers: { cookie: admin, origin: EVIL } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code, url).toBe('cross_origin');
    }
    // the session survived the refused sign-out
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: admin } })).statusCode).toBe(200);
  });

  it('refuses a sign-in posted from another site (login CSRF) and a `null` origin', async () => {
    for (const origin of [EVIL, 'null']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin },
        payload: { username: adminName, password: TEST_PASSWORD },
      });
      expect(res.statusCode, origin).toBe(403);
    }
  });

  it('refuses a cross-site Sec-Fetch-Site when the Origin header is missing', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/notifications/read-all',
        headers: { cookie: admin, 'sec-fetch-site': site },
      });
      expect(res.statusCode, site).toBe(403);
    }
  });

  it("accepts the server's own origin, same-origin fetches, and clients that send neither header", async () => {
    const post = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/notifications/read-all',
        headers: { cookie: admin, ...headers },
      });
    expect((await post({ origin: 'http://bangfu.local:3000', host: 'bangfu.local:3000' })).statusCode).toBe(
      200,
    );
    expect((await post({ origin: 'http://localhost', host: 'localhost:80' })).statusCode).toBe(200);
    expect((await post({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await post({})).statusCode).toBe(200);
  });

  it('lets reads through from anywhere: GET changes nothing', async () => {
    const res = await app.inject({ url: '/api/notifications', headers: { cookie: admin, origin: EVIL } });
    expect(res.statusCode).toBe(200);
  });

  it('behind the proxy: the https origin and configured origins pass, the http one does not', async () => {
    const cookie = await loginAs(proxied, adminName);
    const post = (origin: string) =>
      proxied.inject({
        method: 'POST',
        url: '/api/notifications/read-all',
        headers: { cookie, origin, host: 'bangfu.example.edu.cn', 'x-forwarded-proto': 'https' },
      });
    expect((await post('https://bangfu.example.edu.cn')).statusCode).toBe(200);
    expect((await post('https://portal.example.edu.cn')).statusCode).toBe(200);
    expect((await post('http://bangfu.example.edu.cn')).statusCode).toBe(403);
    expect((await post(EVIL)).statusCode).toBe(403);
  });
});

describe('isAllowedOrigin', () => {
  const config = { allowedOrigins: [], trustProxy: false };
  const req = { method: 'POST', host: 'bangfu.example:3000', protocol: 'http', fetchSite: undefined };
  it('compares host and port; without TRUST_PROXY not the scheme, which a TLS proxy hides', () => {
    expect(isAllowedOrigin({ ...req, origin: 'https://bangfu.example:3000' }, config)).toBe(true);
    expect(isAllowedOrigin({ ...req, origin: 'http://bangfu.example:3001' }, config)).toBe(false);
    expect(isAllowedOrigin({ ...req, origin: 'http://sub.bangfu.example:3000' }, config)).toBe(false);
    expect(isAllowedOrigin({ ...req, origin: 'not a url' }, config)).toBe(false);
    expect(isAllowedOrigin({ ...req, method: 'DELETE', origin: EVIL }, config)).toBe(false);
    expect(isAllowedOrigin({ ...req, method: 'HEAD', origin: EVIL }, config)).toBe(true);
  });
});

describe('caching', () => {
  it('answers every API request with Cache-Control: no-store, errors included', async () => {
    for (const [url, cookie] of [
      ['/api/auth/me', admin],
      ['/api/notifications', admin],
      ['/api/auth/me', ''],
      ['/api/health', ''],
      ['/api/nothing-here', ''],
    ] as const) {
      const res = await app.inject({ url, headers: cookie ? { cookie } : {} });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const write = await app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { cookie: admin },
    });
    expect(write.headers['cache-control']).toBe('no-store');
  });

  it('sends downloads with no-store too', async () => {
    const res = await app.inject({ url: '/api/imports/templates/roster', headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('HSTS and the session cookie', () => {
  const signIn = (server: FastifyInstance) =>
    server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: adminName, password: TEST_PASSWORD },
    });

  it('over plain HTTP: no HSTS, no upgrade-insecure-requests, and a session cookie without Secure', async () => {
    const res = await signIn(app);
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const sid = res.cookies.find((c) => c.name === 'bangfu_sid')!;
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(sid.secure).toBeFalsy();
  });

  it('behind the TLS proxy (TRUST_PROXY): HSTS on every answer and a Secure session cookie', async () => {
    const res = await signIn(proxied);
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
    expect(res.cookies.find((c) => c.name === 'bangfu_sid')).toMatchObject({ secure: true, httpOnly: true });
    const health = await proxied.inject({ url: '/api/health' });
    expect(health.headers['strict-transport-security']).toBe('max-age=15552000');
    expect(health.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
