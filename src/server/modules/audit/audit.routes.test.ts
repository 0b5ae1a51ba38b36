import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildOrg, buildUser, loginAs, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { anonymous, auditCtxOf, countAudit, record, uniq } from './audit-test-helpers.ts';

describe('GET /api/audit', () => {
  let deps: TTestDeps;
  let app: FastifyInstance;
  let university: TOrgRow;
  let college: TOrgRow;
  let otherUniversity: TOrgRow;
  let sysCookie: string;
  let uniCookie: string;
  let counselorCookie: string;
  let adminName: string;
  let counselorName: string;
  const prefix = `test.route.${uniq()}`;

  beforeAll(async () => {
    deps = await createTestDeps();
    app = await buildApp(deps);
    const system = await buildOrg(deps, { kind: 'system' });
    university = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
    college = await buildOrg(deps, { kind: 'college', parentId: university.id, regionCode: '520100' });
    otherUniversity = await buildOrg(deps, { kind: 'university', regionCode: '110100' });
    const sysAdmin = await buildUser(deps, system, ['system_admin']);
    const uniAdmin = await buildUser(deps, university, ['university_admin']);
    const counselor = await buildUser(deps, college, ['counselor']);
    const stranger = await buildUser(deps, otherUniversity, ['university_admin']);
    adminName = uniAdmin.username;
    counselorName = counselor.username;

    // events by actors of the university, its college, another university, and the system
    await record(
      deps,
      auditCtxOf(uniAdmin, university, university.id),
      `${prefix}.university`,
      {},
      new Date('2020-07-01T08:00:00Z'),
    );
    await record(
      deps,
      auditCtxOf(counselor, college, university.id),
      `${prefix}.college`,
      {},
      new Date('2020-07-10T08:00:00Z'),
    );
    await record(
      deps,
      auditCtxOf(counselor, college, university.id),
      `${prefix}.college`,
      {},
      new Date('2020-07-11T08:00:00Z'),
    );
    await record(
      deps,
      auditCtxOf(stranger, otherUniversity, otherUniversity.id),
      `${prefix}.other`,
      {},
      new Date('2020-07-12T08:00:00Z'),
    );
    await record(
      deps,
      anonymous,
      `${prefix}.system`,
      { actorUsername: 'cli' },
      new Date('2020-07-20T08:00:00Z'),
    );

    sysCookie = await loginAs(app, sysAdmin.username);
    uniCookie = await loginAs(app, uniAdmin.username);
    counselorCookie = await loginAs(app, counselor.username);
  });
  afterAll(async () => {
    await app.close();
    await deps.close();
  });

  const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const actions = (res: { json(): { items: { action: string }[] } }) => res.json().items.map((e) => e.action);

  it('shows a system admin every event, newest first, with the total', async () => {
    const res = await get(sysCookie, '/api/audit?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(await countAudit(deps.database.db));
    expect(body.items).toHaveLength(Math.min(body.total, 200));
    const ids = body.items.map((e: { id: string }) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const mine = await get(sysCookie, `/api/audit?action=${prefix}.`);
    expect(actions(mine).sort()).toEqual(
      [
        `${prefix}.college`,
        `${prefix}.college`,
        `${prefix}.other`,
        `${prefix}.system`,
        `${prefix}.university`,
      ].sort(),
    );
  });

  it('shows a university admin only events of their university and its colleges', async () => {
    const res = await get(uniCookie, `/api/audit?action=${prefix}.`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(actions(res)).toEqual([`${prefix}.college`, `${prefix}.college`, `${prefix}.university`]);

    const everything = (await get(uniCookie, '/api/audit?pageSize=200')).json();
    for (const e of everything.items as { action: string }[]) {
      expect(e.action).not.toBe(`${prefix}.other`);
      expect(e.action).not.toBe(`${prefix}.system`);
    }
  });

  it('filters by action family (trailing dot) or exact action, actor and date range', async () => {
    const byAction = await get(sysCookie, `/api/audit?action=${prefix}.college`);
    expect(actions(byAction)).toEqual([`${prefix}.college`, `${prefix}.college`]);

    const byActor = await get(sysCookie, `/api/audit?actor=${adminName}&action=${prefix}.`);
    expect(byActor.json().items).toHaveLength(1);
    expect(byActor.json().items[0]).toMatchObject({
      action: `${prefix}.university`,
      actorUsername: adminName,
    });

    const range = await get(
      sysCookie,
      `/api/audit?action=${prefix}.&from=2020-07-05T00:00:00Z&to=${encodeURIComponent('2020-07-11T16:00:00+08:00')}`,
    );
    expect(range.json().items.map((e: { at: string }) => e.at)).toEqual([
      '2020-07-11T08:00:00.000Z',
      '2020-07-10T08:00:00.000Z',
    ]);
    expect(
      range.json().items.every((e: { actorUsername: string }) => e.actorUsername === counselorName),
    ).toBe(true);

    const bad = await get(sysCookie, '/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_error');
  });

  it('pages with a stable total', async () => {
    const p1 = (await get(sysCookie, `/api/audit?action=${prefix}.&pageSize=2&page=1`)).json();
    const p2 = (await get(sysCookie, `/api/audit?action=${prefix}.&pageSize=2&page=2`)).json();
    const p3 = (await get(sysCookie, `/api/audit?action=${prefix}.&pageSize=2&page=3`)).json();
    expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([2, 2, 1]);
    expect(p1).toMatchObject({ page: 1, pageSize: 2 });
    const ids = [...p1.items, ...p2.items, ...p3.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('is forbidden without audit.read and needs a session', async () => {
    const res = await get(counselorCookie, '/api/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await get(counselorCookie, '/api/audit/verify')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });

  it('shows an export with the first 100 graduate ids and their count, not all of them', async () => {
    const graduateIds = Array.from({ length: 150 }, (_, i) => `g-${i}`);
    await record(deps, anonymous, `${prefix}.export`, { after: { rows: 150, graduateIds } });
    const res = await get(sysCookie, `/api/audit?action=${prefix}.export`);
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(item.after).toEqual({ rows: 150, graduateIds: graduateIds.slice(0, 100), graduateIdsTotal: 150 });
  });

  it('GET /api/audit/verify reports the chain intact and checkpoints it outside the database', async () => {
    const res = await get(sysCookie, '/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const checked = await countAudit(deps.database.db);
    expect(res.json()).toEqual({ ok: true, checked, checkpoints: 0, firstBroken: null });
    // the first verify left a checkpoint; the second holds the rows against it
    expect((await get(sysCookie, '/api/audit/verify')).json()).toMatchObject({ ok: true, checkpoints: 1 });
  });
});
