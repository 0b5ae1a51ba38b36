import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildOrg, buildUser, loginAs, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let gzEdu: TOrgRow;
let gzu: TOrgRow;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  const system = await buildOrg(deps, { kind: 'system' });
  gzEdu = await buildOrg(deps, { kind: 'province_education', regionCode: '520000' });
  gzu = await buildOrg(deps, { kind: 'university', regionCode: '520100', parentId: gzEdu.id });
  const as = async (org: TOrgRow, role: Parameters<typeof buildUser>[2][number]) =>
    loginAs(app, (await buildUser(deps, org, [role])).username);
  cookies.admin = await as(system, 'system_admin');
  cookies.gzEdu = await as(gzEdu, 'province_education');
  cookies.gzuAdmin = await as(gzu, 'university_admin');
  cookies.counselor = await as(gzu, 'counselor');
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const send = (method: 'POST' | 'PATCH', url: string, who: string, payload: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie: cookies[who]! } });

describe('org tree routes', () => {
  it('creates, edits, moves and deactivates a college through HTTP; the tree shows it, then not', async () => {
    const created = await send('POST', '/api/orgs', 'gzuAdmin', {
      code: 'C-HTTP-1',
      name: '测试学院',
      kind: 'college',
      parentId: gzu.id,
    });
    expect(created.statusCode).toBe(201);
    const college = created.json();
    expect(college).toMatchObject({ code: 'C-HTTP-1', regionCode: '520100', parentId: gzu.id, active: true });

    const edited = await send('PATCH', `/api/orgs/${college.id}`, 'gzuAdmin', { name: '改名学院' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().name).toBe('改名学院');

    const tree = await app.inject({
      method: 'GET',
      url: '/api/orgs/tree',
      headers: { cookie: cookies.admin! },
    });
    expect(JSON.stringify(tree.json())).toContain('改名学院');

    const uni2 = (
      await send('POST', '/api/orgs', 'gzEdu', {
        code: 'U-HTTP-2',
        name: '第二大学',
        kind: 'university',
        parentId: gzEdu.id,
        regionCode: '520300',
        moeCode: '10663',
        schoolIdCode: '4152010663',
      })
    ).json();
    const moved = await send('POST', `/api/orgs/${college.id}/move`, 'gzEdu', { parentId: uni2.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(uni2.id);

    const off = await send('POST', `/api/orgs/${college.id}/deactivate`, 'gzEdu', { reason: '撤并' });
    expect(off.statusCode).toBe(200);
    const after = await app.inject({
      method: 'GET',
      url: '/api/orgs/tree',
      headers: { cookie: cookies.admin! },
    });
    expect(JSON.stringify(after.json())).not.toContain('改名学院');
  });

  it('answers 403 without orgs.manage, 403 outside the scope, 400 on a bad body, 409 on a blocker', async () => {
    const body = { code: 'C-HTTP-X', name: '学院', kind: 'college', parentId: gzu.id };
    const counselor = await send('POST', '/api/orgs', 'counselor', body);
    expect(counselor.statusCode).toBe(403);
    expect(counselor.json().error.code).toBe('forbidden');

    const other = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
    const outside = await send('POST', '/api/orgs', 'gzuAdmin', { ...body, parentId: other.id });
    expect(outside.statusCode).toBe(403);

    const bad = await send('POST', '/api/orgs', 'admin', { ...body, kind: 'employer' });
    expect(bad.statusCode).toBe(400);
    const badCode = await send('POST', '/api/orgs', 'admin', { ...body, code: '空 格' });
    expect(badCode.statusCode).toBe(400);
    const wrongRegion = await send('POST', '/api/orgs', 'admin', {
      code: 'H-HTTP',
      name: '人社局',
      kind: 'county_hrss',
      regionCode: '520100',
    });
    expect(wrongRegion.statusCode).toBe(400);
    expect(wrongRegion.json().error.details).toEqual({ problems: ['region_level'] });

    const blocked = await send('POST', `/api/orgs/${gzu.id}/deactivate`, 'gzEdu', {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.details.blockers).toMatchObject({ activeUsers: 2 });
    expect(blocked.json().error.message).toContain('2 个有效账户');
  });

  it('searches the official list of institutions by name or code', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/reference/universities?q=${encodeURIComponent('贵州师范')}`,
      headers: { cookie: cookies.gzEdu! },
    });
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { name: string; moeCode: string; regionCode: string }[];
    expect(rows[0]).toMatchObject({ name: '贵州师范大学', moeCode: '10663', regionCode: '520100' });
    const byCode = await app.inject({
      method: 'GET',
      url: '/api/reference/universities?q=4152010663',
      headers: { cookie: cookies.gzEdu! },
    });
    expect(byCode.json()[0]).toMatchObject({ name: '贵州师范大学', orgCode: 'U-HTTP-2' });
  });
});
