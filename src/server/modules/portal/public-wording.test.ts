import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeWordsIn } from '../../../domain/public-wording.ts';
import { buildApp } from '../../app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';

/*
 * Every API route a graduate or an employer can call answers without a word about poverty (贫困, 建档立卡,
 * 帮扶 … and their English equivalents). The routes come from the OpenAPI document, so a route added later is
 * scanned too; the data is the demo's, where graduate_demo is a registered-poor graduate of a focus county with
 * pushes and applications, and employer_demo has posts with applicants.
 */

let deps: TTestDeps;
let app: FastifyInstance;
const cookie: Record<string, string> = {};

beforeAll(async () => {
  deps = await createTestDeps();
  await seedDemo(deps, { onlyIfEmpty: false, size: 200 });
  app = await buildApp(deps);
  await app.ready();
  for (const user of ['graduate_demo', 'employer_demo'])
    cookie[user] = await loginAs(app, user, DEMO_PASSWORD);
}, 180_000);
afterAll(async () => {
  await app.close();
  await deps.close();
});

/** The GET routes of the API, as OpenAPI paths (`/api/me/opportunities/{id}`); the API docs themselves aside. */
function getRoutes(): string[] {
  const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths)
    .filter(([path, ops]) => 'get' in ops && path.startsWith('/api/') && !path.startsWith('/api/docs'))
    .map(([path]) => path);
}

/** Every `id` in a JSON body: the candidates for the path parameters of the detail routes. */
function idsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && (k === 'id' || k.endsWith('Id'))) into.add(v);
      else idsIn(v, into);
    }
  }
  return into;
}

/** Calls every GET route as the user: plain ones first, then each detail route with the ids they returned. */
async function scanAs(user: string) {
  const answered: string[] = [];
  const findings: string[] = [];
  const ids = new Set<string>();
  const get = async (route: string, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: cookie[user]! } });
    if (res.statusCode !== 200) return false;
    answered.push(route);
    const words = programmeWordsIn(res.body);
    for (const word of words) {
      const at = res.body.toLowerCase().indexOf(word);
      findings.push(`${url}: ${word} in “${res.body.slice(Math.max(0, at - 40), at + 40)}”`);
    }
    if (res.headers['content-type']?.toString().includes('json')) idsIn(res.json(), ids);
    return true;
  };
  const routes = getRoutes();
  for (const route of routes.filter((r) => !r.includes('{'))) await get(route, route);
  for (const route of routes.filter((r) => r.includes('{'))) {
    for (const id of ids) {
      if (await get(route, route.replace(/\{[^}]+\}/g, encodeURIComponent(id)))) break;
    }
  }
  return { answered: [...new Set(answered)], findings };
}

describe('what a graduate and an employer read from the API', () => {
  it('graduate_demo: no route it may call says poverty, in Chinese or English', async () => {
    const { answered, findings } = await scanAs('graduate_demo');
    expect(answered).toEqual(
      expect.arrayContaining([
        '/api/auth/me',
        '/api/me/case',
        '/api/me/opportunities',
        '/api/me/opportunities/{id}',
        '/api/notifications',
      ]),
    );
    expect(findings).toEqual([]);
  }, 120_000);

  it('employer_demo: no route it may call says poverty, and the programme reference lists refuse it', async () => {
    const { answered, findings } = await scanAs('employer_demo');
    expect(answered).toEqual(
      expect.arrayContaining([
        '/api/auth/me',
        '/api/employer/opportunities',
        '/api/employer/opportunities/{id}',
      ]),
    );
    expect(answered).toContain('/api/reference/regions');
    expect(answered).toContain('/api/reference/majors');
    for (const listRoute of [
      '/api/reference/focus-lists',
      '/api/reference/code-tables',
      '/api/reference/support-pairs',
    ]) {
      expect(answered).not.toContain(listRoute);
    }
    expect(findings).toEqual([]);
  }, 120_000);
});
