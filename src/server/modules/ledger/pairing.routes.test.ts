import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { counselorClass } from '../../db/schema/index.ts';
import { loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildPairingUniversity } from './pairing-test-world.ts';

/*
 * The pairing routes end to end: who may call them, that they stay inside the admin's university, and what a
 * pairing gives the helper — their paired graduates and those graduates' cases, and nothing after reassignment.
 */
let deps: TTestDeps;
let app: FastifyInstance;
let u: Awaited<ReturnType<typeof buildPairingUniversity>>;
const cookie: Record<'admin' | 'helper' | 'helper2' | 'counselor' | 'otherAdmin', string> = {
  admin: '',
  helper: '',
  helper2: '',
  counselor: '',
  otherAdmin: '',
};
let helperId = '';
let helper2Id = '';
let cases: { caseId: string; graduate: { id: string } }[] = [];

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  u = await buildPairingUniversity(deps);
  const helper = await u.helper(u.c1, '张书记');
  const helper2 = await u.helper(u.uni, '王校长');
  helperId = helper.id;
  helper2Id = helper2.id;
  const counselor = await u.user(u.c1, ['counselor'], '杨老师');
  await deps.database.db
    .insert(counselorClass)
    .values({ userId: counselor.id, collegeId: u.c1.id, className: '2001班' });
  cases = [await u.addCase(u.c1), await u.addCase(u.c1), await u.addCase(u.c1)];
  const other = await buildPairingUniversity(deps, '530100');
  cookie.admin = await loginAs(app, u.admin.username);
  cookie.helper = await loginAs(app, helper.username);
  cookie.helper2 = await loginAs(app, helper2.username);
  cookie.counselor = await loginAs(app, counselor.username);
  cookie.otherAdmin = await loginAs(app, other.admin.username);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const call = (who: keyof typeof cookie, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: cookie[who] }, ...(payload ? { payload } : {}) });

const graduateIdsSeenBy = async (who: keyof typeof cookie) => {
  const res = await call(who, 'GET', '/api/graduates?pageSize=200');
  expect(res.statusCode).toBe(200);
  return (res.json().items as { id: string }[]).map((g) => g.id).sort();
};

describe('pairing routes', () => {
  it('refuse counselors and helpers (403)', async () => {
    for (const who of ['counselor', 'helper'] as const) {
      expect((await call(who, 'GET', '/api/pairing/coverage')).statusCode).toBe(403);
      expect((await call(who, 'GET', '/api/pairing/unpaired')).statusCode).toBe(403);
      expect((await call(who, 'GET', '/api/pairing/helpers')).statusCode).toBe(403);
      expect((await call(who, 'GET', '/api/pairing/paired')).statusCode).toBe(403);
      expect((await call(who, 'POST', '/api/pairing/suggest', {})).statusCode).toBe(403);
      const res = await call(who, 'POST', '/api/pairing/assign', {
        pairs: [{ caseId: cases[0]!.caseId, helperUserId: helperId }],
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });

  it('keep an admin of another university out of this one', async () => {
    const assign = await call('otherAdmin', 'POST', '/api/pairing/assign', {
      pairs: [{ caseId: cases[0]!.caseId, helperUserId: helperId }],
    });
    // the helper is not theirs (403) …
    expect(assign.statusCode).toBe(403);
    expect(assign.json().error.details.reason).toBe('helper_not_eligible');
    // … and the case is not theirs either: their coverage and suggestion never show it
    expect((await call('otherAdmin', 'GET', '/api/pairing/coverage')).json().cases).toBe(0);
    const suggest = await call('otherAdmin', 'POST', '/api/pairing/suggest', { caseIds: [cases[0]!.caseId] });
    expect(suggest.json()).toMatchObject({ items: [], skipped: 1 });
    expect((await call('otherAdmin', 'GET', `/api/cases/${cases[0]!.caseId}/pairings`)).statusCode).toBe(404);
  });

  it('validate the body (400)', async () => {
    expect((await call('admin', 'POST', '/api/pairing/assign', { pairs: [] })).statusCode).toBe(400);
    const bad = await call('admin', 'POST', '/api/pairing/assign', {
      pairs: [{ caseId: 'not-a-uuid', helperUserId: helperId }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('pair through suggestion and assignment; the helper then sees exactly their graduates, until reassigned', async () => {
    expect(await graduateIdsSeenBy('helper')).toEqual([]);
    const before = (await call('admin', 'GET', '/api/pairing/unpaired')).json();
    expect(before.total).toBe(3);

    const suggestion = (
      await call('admin', 'POST', '/api/pairing/suggest', { caseIds: cases.map((c) => c.caseId) })
    ).json() as { items: { caseId: string; helperUserId: string; reason: string }[] };
    expect(suggestion.items).toHaveLength(3);
    // the leader without a graduate gets one first; the college's cadre the rest under the cap (2 of 3)
    expect(suggestion.items.filter((i) => i.reason === 'leader_first').map((i) => i.helperUserId)).toEqual([
      helper2Id,
    ]);
    const assigned = await call('admin', 'POST', '/api/pairing/assign', {
      pairs: suggestion.items.map((i) => ({ caseId: i.caseId, helperUserId: i.helperUserId })),
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toEqual({ assigned: 3, reassigned: 0, unchanged: 0 });

    const mine = suggestion.items.filter((i) => i.helperUserId === helperId).map((i) => i.caseId);
    const graduateOf = new Map(cases.map((c) => [c.caseId, c.graduate.id]));
    expect(await graduateIdsSeenBy('helper')).toEqual(mine.map((id) => graduateOf.get(id)).sort());
    const caseId = mine[0]!;
    expect((await call('helper', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
    const history = await call('helper', 'GET', `/api/cases/${caseId}/pairings`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toMatchObject([
      { helperName: '张书记', current: true, assignedByName: '就业中心' },
    ]);

    const coverage = (await call('admin', 'GET', '/api/pairing/coverage')).json();
    expect(coverage).toMatchObject({ cases: 3, paired: 3, unpaired: 0, leadersWithoutGraduate: [] });
    expect(coverage.colleges).toEqual([
      { collegeId: u.c1.id, collegeName: '计算机学院', cases: 3, paired: 3, unpaired: 0 },
    ]);
    const helpers = (await call('admin', 'GET', '/api/pairing/helpers')).json().items;
    expect(
      helpers.map((h: { name: string; load: number; isLeader: boolean }) => [h.name, h.load, h.isLeader]),
    ).toEqual([
      ['王校长', 1, true],
      ['张书记', 2, false],
    ]);

    const paired = (await call('admin', 'GET', `/api/pairing/paired?helperUserId=${helperId}`)).json();
    expect(paired.items.map((p: { caseId: string }) => p.caseId).sort()).toEqual([...mine].sort());

    const moved = await call('admin', 'POST', '/api/pairing/assign', {
      pairs: [{ caseId, helperUserId: helper2Id }],
      reason: '工作调整',
    });
    expect(moved.json()).toEqual({ assigned: 0, reassigned: 1, unchanged: 0 });
    expect(await graduateIdsSeenBy('helper')).not.toContain(graduateOf.get(caseId));
    expect(await graduateIdsSeenBy('helper')).toHaveLength(mine.length - 1);
    expect(await graduateIdsSeenBy('helper2')).toContain(graduateOf.get(caseId));
    expect((await call('helper', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await call('helper', 'GET', `/api/cases/${caseId}/pairings`)).statusCode).toBe(404);

    // the counselor of the class and the admin read the whole history on the case page
    for (const who of ['counselor', 'admin'] as const) {
      const res = await call(who, 'GET', `/api/cases/${caseId}/pairings`);
      expect(res.statusCode).toBe(200);
      expect(
        res
          .json()
          .items.map((p: { helperName: string; endReason: string | null }) => [p.helperName, p.endReason]),
      ).toEqual([
        ['王校长', null],
        ['张书记', '工作调整'],
      ]);
    }
  });
});
