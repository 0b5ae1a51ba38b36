import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildOpportunityWorld } from '../opportunities/opportunities-test-world.ts';

/*
 * The push funnel from real steps: counselors push posts, graduates view and apply, the employer moves the
 * applications on (one to hired, one rejected after an interview). Counts per post, staff member, graduate and
 * university, the total, a date filter, and a staff member of another university seeing none of it.
 */

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;
const ids: Record<string, string> = {};

type TRow = {
  key: string;
  label: string;
  pushed: number;
  viewed: number;
  applied: number;
  interview: number;
  offer: number;
  hired: number;
};

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  const acme = await w.addEmployer('acme');
  w.cookies.set('counselor', await loginAs(app, w.ledger.counselor.username));
  w.cookies.set('admin', await loginAs(app, w.ledger.admin.username));
  const other = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  w.cookies.set(
    'outsider',
    await loginAs(app, (await buildUser(deps, other, ['university_admin'])).username),
  );
  const [a, b] = await Promise.all(
    ['开发岗', '测试岗'].map((title) =>
      w.insertPost({ ownerOrgId: acme.org.id, employerOrgId: acme.org.id, title, majorPrefixes: ['0809'] }),
    ),
  );
  ids.a = a!.id;
  ids.b = b!.id;
  const li = await w.addGraduate('li');
  const wang = await w.addGraduate('wang');
  for (const g of [li, wang])
    for (const post of [ids.a, ids.b]) {
      const res = await w.post('counselor', `/api/cases/${g.caseId}/push`, {
        opportunityId: post,
        channels: ['in_app'],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  // li: views and applies to both; hired at a, rejected after an interview at b. wang: views a only.
  const view = async (who: string, post: string) => {
    const mine = (await w.get(who, '/api/me/pushes')).json() as { id: string; post: { id: string } }[];
    const res = await w.post(who, `/api/me/pushes/${mine.find((m) => m.post.id === post)!.id}/view`);
    expect(res.statusCode, res.body).toBe(200);
  };
  await view('li', ids.a);
  await view('li', ids.b);
  await view('wang', ids.a);
  const move = async (id: string, status: string) => {
    const row = await deps.database.db.query.application.findFirst({ where: (t, { eq }) => eq(t.id, id) });
    const res = await w.post('acme', `/api/employer/applications/${id}/status`, {
      status,
      version: row!.version,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  for (const [post, steps] of [
    [ids.a, ['interview', 'offer', 'hired']],
    [ids.b, ['interview', 'rejected']],
  ] as const) {
    const res = await w.post('li', '/api/me/applications', { opportunityId: post, source: 'push' });
    expect(res.statusCode, res.body).toBe(201);
    for (const s of steps) await move(res.json().id, s);
  }
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const funnel = async (as: string, query: string) => {
  const res = await w.get(as, `/api/matching/funnel?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: TRow[]; total: Omit<TRow, 'key' | 'label'>; groups: number };
};
const counts = (r: TRow | Omit<TRow, 'key' | 'label'>) => [
  r.pushed,
  r.viewed,
  r.applied,
  r.interview,
  r.offer,
  r.hired,
];

describe('push funnel', () => {
  it('counts each pushed post through viewed, applied, interview, offer and hired', async () => {
    const byPost = await funnel('counselor', 'groupBy=post');
    const row = (id: string) => byPost.rows.find((r) => r.key === id)!;
    expect(counts(row(ids.a!))).toEqual([2, 2, 1, 1, 1, 1]);
    // rejected after the interview: the interview it reached still counts
    expect(counts(row(ids.b!))).toEqual([2, 1, 1, 1, 0, 0]);
    expect(row(ids.a!).label).toBe('开发岗');
    expect(counts(byPost.total)).toEqual([4, 3, 2, 2, 1, 1]);
  });

  it('groups by graduate, staff member and university', async () => {
    const byGraduate = await funnel('admin', 'groupBy=graduate');
    expect(byGraduate.groups).toBe(2);
    expect(byGraduate.rows.map(counts).sort((x, y) => y[2]! - x[2]!)).toEqual([
      [2, 2, 2, 2, 1, 1],
      [2, 1, 0, 0, 0, 0],
    ]);
    const byStaff = await funnel('admin', 'groupBy=staff');
    expect(byStaff.rows).toHaveLength(1);
    expect(byStaff.rows[0]).toMatchObject({ key: w.ledger.counselor.id, label: '杨老师', pushed: 4 });
    const byUniversity = await funnel('admin', 'groupBy=university');
    expect(byUniversity.rows[0]).toMatchObject({ key: w.ledger.uni.id, pushed: 4, hired: 1 });
  });

  it('filters by the day pushed (China dates) and shows nothing outside the scope', async () => {
    expect((await funnel('admin', 'groupBy=post&from=2020-07-15&to=2020-07-15')).total.pushed).toBe(4);
    expect((await funnel('admin', 'groupBy=post&from=2020-07-16')).total.pushed).toBe(0);
    expect((await funnel('outsider', 'groupBy=post')).total.pushed).toBe(0);
    expect((await w.get('acme', '/api/matching/funnel')).statusCode).toBe(403);
  });
});
