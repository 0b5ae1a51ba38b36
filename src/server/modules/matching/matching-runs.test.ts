import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { ledgerCase, matchingRun, recommendation } from '../../db/schema/index.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildOpportunityWorld } from '../opportunities/opportunities-test-world.ts';

/*
 * Batch runs in the background: a university admin's run covers the open cases of their scope and leaves other
 * universities' stored rows alone; what it stores is what the case page ranks (so the page finds nothing to
 * update); one run at a time; progress and outcome on the run row.
 */

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;
let open: string[];
let paused: string;
let elsewhere: string;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  const acme = await w.addEmployer('acme');
  w.cookies.set('admin', await loginAs(app, w.ledger.admin.username));
  for (const [title, regionCodes] of [
    ['开发岗', ['520100']],
    ['运维岗', ['520526']],
    ['深圳岗', ['440300']],
  ] as const)
    await w.insertPost({
      ownerOrgId: acme.org.id,
      employerOrgId: acme.org.id,
      title,
      regionCodes: [...regionCodes],
    });
  open = [(await w.addGraduate('a')).caseId, (await w.addGraduate('b')).caseId];
  paused = (await w.addGraduate('c')).caseId;
  await deps.database.db.update(ledgerCase).set({ status: 'paused' }).where(eq(ledgerCase.id, paused));
  // a case of another university, with a stored row the run must not touch
  const otherUni = await buildOrg(deps, { kind: 'university', regionCode: '530100' });
  const { caseId } = await w.ledger.addCase({ universityId: otherUni.id, universityProvinceCode: '530000' });
  elsewhere = caseId;
  await deps.database.db.insert(recommendation).values({
    caseId: elsewhere,
    opportunityId: (await w.insertPost({ ownerOrgId: acme.org.id })).id,
    score: 1,
    rank: 1,
    breakdown: [0, 0, 0, 0, 0, 0, 0, 1],
    computedAt: deps.clock.now(),
  });
  const counselorOnly = await buildUser(deps, w.ledger.college, ['counselor']);
  w.cookies.set('counselor2', await loginAs(app, counselorOnly.username));
  // a second admin of the same university, and the admin of another university (both may push)
  w.cookies.set(
    'admin2',
    await loginAs(app, (await buildUser(deps, w.ledger.uni, ['university_admin'])).username),
  );
  w.cookies.set(
    'otherAdmin',
    await loginAs(app, (await buildUser(deps, otherUni, ['university_admin'])).username),
  );
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

describe('batch runs', () => {
  it('recompute the open cases of the scope in the background, with progress on the run', async () => {
    const res = await w.post('admin', '/api/matching/runs');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'running' });
    await app.matchingJobs.drain();
    const run = (await w.get('admin', `/api/matching/runs/${res.json().id}`)).json();
    expect(run).toMatchObject({ status: 'done', total: 2, processed: 2, posts: 4, error: null });
    expect((await w.get('admin', '/api/matching/runs/latest')).json().id).toBe(run.id);

    const stored = await deps.database.db
      .select()
      .from(recommendation)
      .where(inArray(recommendation.caseId, [...open, paused, elsewhere]));
    const casesWith = new Set(stored.map((r) => r.caseId));
    expect([...casesWith].sort()).toEqual([...open, elsewhere].sort());
    expect(stored.filter((r) => r.caseId === elsewhere)).toHaveLength(1);
    // ranks 1…n per case, breakdown adds up to the score
    for (const id of open) {
      const rows = stored.filter((r) => r.caseId === id).sort((x, y) => x.rank - y.rank);
      expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
      for (const r of rows) expect(r.breakdown.reduce((a, b) => a + b, 0)).toBe(r.score);
    }
    // the case page ranks the same: nothing to update
    const page = (await w.get('admin', `/api/cases/${open[0]}/recommendations`)).json();
    expect(page.recomputed).toBe(false);
  });

  it('refuse a second run while one is in progress, and need the push permission', async () => {
    const [row] = await deps.database.db
      .insert(matchingRun)
      .values({ scope: [], startedAt: deps.clock.now() })
      .returning();
    const res = await w.post('admin', '/api/matching/runs');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('run_in_progress');
    await deps.database.db.update(matchingRun).set({ status: 'done' }).where(eq(matchingRun.id, row!.id));
    expect((await w.post('acme', '/api/matching/runs')).statusCode).toBe(403);
    expect((await w.get('acme', `/api/matching/runs/${row!.id}`)).statusCode).toBe(403);
  });

  it('show a run only to its starter and to users of the same scope; 404 to anyone else', async () => {
    await app.matchingJobs.drain();
    const started = await w.post('admin', '/api/matching/runs');
    expect(started.statusCode, started.body).toBe(202);
    await app.matchingJobs.drain();
    const url = `/api/matching/runs/${started.json().id}`;
    expect((await w.get('admin', url)).statusCode).toBe(200);
    expect((await w.get('admin2', url)).statusCode).toBe(200); // same university: the same cases
    for (const who of ['otherAdmin', 'counselor2']) {
      const res = await w.get(who, url);
      expect(res.statusCode, who).toBe(404);
      expect(res.body, who).not.toContain('total');
    }
    // a CLI run (everything) is nobody's but the 'all' scope's
    const [cli] = await deps.database.db
      .insert(matchingRun)
      .values({ scope: [{ kind: 'all' }], startedAt: deps.clock.now(), status: 'done' })
      .returning();
    expect((await w.get('admin', `/api/matching/runs/${cli!.id}`)).statusCode).toBe(404);
  });
});
