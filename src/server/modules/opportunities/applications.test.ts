import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditEvent, caseEvent, ledgerCase, opportunity } from '../../db/schema/index.ts';
import { buildOrg, loginAs, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildOpportunityWorld } from './opportunities-test-world.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;
let acme: Awaited<ReturnType<typeof w.addEmployer>>;
let weining: TOrgRow;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  acme = await w.addEmployer('acme', { name: '黔程数字科技有限公司' });
  await w.addEmployer('rival');
  weining = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526', name: '威宁县人社局' });
  await w.signIn('weining', weining, ['county_hrss']);
  await w.signIn('otherCounty', await buildOrg(deps, { kind: 'county_hrss', regionCode: '520525' }), [
    'county_hrss',
  ]);
  w.cookies.set('counselor', await loginAs(app, w.ledger.counselor.username));
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const apply = (as: string, opportunityId: string) =>
  w.post(as, '/api/me/applications', { opportunityId, source: 'zone' });

async function applied(as: string, opportunityId: string) {
  const res = await apply(as, opportunityId);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string };
}

const acmePost = (overrides: Partial<typeof opportunity.$inferInsert> = {}) =>
  w.insertPost({
    ownerOrgId: acme.org.id,
    employerOrgId: acme.org.id,
    title: '软件开发工程师',
    ...overrides,
  });

async function eventsOf(caseId: string) {
  return deps.database.db.select().from(caseEvent).where(eq(caseEvent.caseId, caseId)).orderBy(caseEvent.id);
}

async function move(as: string, base: string, id: string, status: string) {
  const current = await deps.database.db.query.application.findFirst({ where: (t, { eq }) => eq(t.id, id) });
  const res = await w.post(as, `${base}/${id}/status`, { status, version: current!.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('applying', () => {
  it('records the application on the case and counts the applicant; a second application is refused', async () => {
    const g = await w.addGraduate('g1');
    const post = await acmePost();
    const mine = await applied('g1', post.id);
    expect(mine).toMatchObject({
      status: 'applied',
      source: 'zone',
      opportunity: { title: '软件开发工程师' },
    });
    const again = await apply('g1', post.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('already_applied');
    const events = await eventsOf(g.caseId);
    expect(events.at(-1)).toMatchObject({
      kind: 'progress',
      data: { kind: 'application', employer: '黔程数字科技有限公司', applicationId: mine.id, bySelf: true },
    });
    const [row] = await deps.database.db.select().from(opportunity).where(eq(opportunity.id, post.id));
    expect(row!.applicantCount).toBe(1);
    const page = (await w.get('g1', `/api/me/opportunities/${post.id}`)).json();
    expect(page.myApplication).toMatchObject({ id: mine.id, status: 'applied' });
    expect((await w.get('g1', '/api/me/applications')).json().map((a: { id: string }) => a.id)).toEqual([
      mine.id,
    ]);
  });

  it('refuses an ineligible graduate with each failing rule explaining itself', async () => {
    await w.addGraduate('older', { birthDate: '1988-03-01', level: '专科', majorCode: '410101' });
    const post = await w.insertPost({
      ownerOrgId: weining.id,
      kind: 'tegang',
      title: '特岗教师',
      regionCodes: ['520526'],
      minLevel: '本科',
      eligibilityRules: [
        { kind: 'max_age', years: 30, referenceDate: '2020-08-31' },
        { kind: 'teacher_certificate', preferred: true },
      ],
    });
    const res = await apply('older', post.id);
    expect(res.statusCode).toBe(409);
    const details = res.json().error.details;
    expect(details.reason).toBe('not_eligible');
    expect(details.verdicts.map((v: { rule: string }) => v.rule).sort()).toEqual(['max_age', 'min_level']);
    const age = details.verdicts.find((v: { rule: string }) => v.rule === 'max_age');
    expect(age.reasonZh).toContain('32岁');
    expect(age.reasonZh).toContain('30岁');
    expect(res.json().error.message).toContain('不符合报名条件');
  });

  it('refuses closed, expired and full posts, and a user without a graduate record', async () => {
    await w.addGraduate('g2');
    const cases: [Partial<typeof opportunity.$inferInsert>, string][] = [
      [{ status: 'closed' }, 'not_open'],
      [{ deadline: '2020-07-14' }, 'deadline_passed'],
      [{ quota: 1, quotaUsed: 1 }, 'quota_full'],
    ];
    for (const [overrides, reason] of cases) {
      const res = await apply('g2', (await acmePost(overrides)).id);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe(reason);
    }
    expect((await apply('g2', (await acmePost({ status: 'draft' })).id)).statusCode).toBe(404);
    await w.signIn('noRecord', w.ledger.uni, ['graduate']);
    const none = await apply('noRecord', (await acmePost()).id);
    expect(none.json().error.details.reason).toBe('no_record');
  });
});

describe('the employer’s applicants', () => {
  it('shows applicants of its own posts only, masked, without any flag', async () => {
    const g = await w.addGraduate('g3', { isRegisteredPoor: true, difficultyCode: '2' });
    await w.addGraduate('bystander');
    const post = await acmePost();
    await applied('g3', post.id);
    const res = await w.get('acme', `/api/employer/opportunities/${post.id}/applications`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(Object.keys(body.items[0]).sort()).toEqual(
      [
        'appliedAt',
        'cohort',
        'gender',
        'id',
        'level',
        'majorName',
        'name',
        'opportunityId',
        'phoneMasked',
        'status',
        'universityName',
        'updatedAt',
        'version',
      ].sort(),
    );
    expect(body.items[0]).toMatchObject({ name: g.graduate.name, phoneMasked: '138****5678', level: '本科' });
    expect(res.body).not.toMatch(/target|poor|focus|difficult|source|case|idNumber|zone|13812345678/i);
    expect(res.body).not.toContain(g.graduate.idNumber);
    expect((await w.get('rival', `/api/employer/opportunities/${post.id}/applications`)).statusCode).toBe(
      404,
    );
    expect((await w.get('weining', `/api/opportunities/${post.id}/applications`)).statusCode).toBe(404);
  });
});

describe('moving applicants on', () => {
  it('an employer’s hire sets the case destination (10, its nature code) and records each step', async () => {
    const g = await w.addGraduate('g4');
    const post = await acmePost({ regionCodes: ['520102'] });
    const { id } = await applied('g4', post.id);
    const base = '/api/employer/applications';
    expect(
      (await w.post('rival', `${base}/${id}/status`, { status: 'interview', version: 1 })).statusCode,
    ).toBe(404);
    expect((await move('acme', base, id, 'interview')).status).toBe('interview');
    await move('acme', base, id, 'offer');
    const hired = await move('acme', base, id, 'hired');
    expect(hired.status).toBe('hired');
    const [c] = await deps.database.db.select().from(ledgerCase).where(eq(ledgerCase.id, g.caseId));
    expect(c).toMatchObject({ destinationCode: '10', status: 'placed' });
    expect(c!.destination).toMatchObject({
      employer: '黔程数字科技有限公司',
      natureCode: '39',
      regionCode: '520102',
      date: '2020-07-15',
    });
    const kinds = (await eventsOf(g.caseId)).map(
      (e) => `${e.kind}:${(e.data as { kind?: string }).kind ?? ''}`,
    );
    expect(kinds.slice(-5)).toEqual([
      'progress:application',
      'progress:interview',
      'progress:offer',
      'destination:',
      'status:',
    ]);
    const destination = (await eventsOf(g.caseId)).find((e) => e.kind === 'destination');
    expect(destination!.data).toMatchObject({ code: '10', applicationId: id, opportunityId: post.id });
    const audits = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'application.status'), eq(auditEvent.entityId, id)));
    expect(audits).toHaveLength(3);
    const final = await w.post('acme', `${base}/${id}/status`, { status: 'interview', version: 4 });
    expect(final.statusCode).toBe(409);
    expect(final.json().error.details.reason).toBe('invalid_transition');
    const stale = await w.post('acme', `${base}/${id}/status`, { status: 'rejected', version: 1 });
    expect(stale.json().error.details.reason).toBe('version_conflict');
  });

  it('a department’s 特岗 hire records destination 50; others cannot move its applicants', async () => {
    const g = await w.addGraduate('g5');
    const post = await w.insertPost({
      ownerOrgId: weining.id,
      kind: 'tegang',
      title: '特岗教师',
      regionCodes: ['520526'],
    });
    const { id } = await applied('g5', post.id);
    const base = '/api/applications';
    expect(
      (await w.post('counselor', `${base}/${id}/status`, { status: 'offer', version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await w.post('otherCounty', `${base}/${id}/status`, { status: 'offer', version: 1 })).statusCode,
    ).toBe(404);
    await move('weining', base, id, 'offer');
    await move('weining', base, id, 'hired');
    const [c] = await deps.database.db.select().from(ledgerCase).where(eq(ledgerCase.id, g.caseId));
    expect(c).toMatchObject({ destinationCode: '50', status: 'placed' });
    expect(c!.destination).toMatchObject({
      employer: '威宁县人社局',
      natureCode: null,
      regionCode: '520526',
    });
  });

  it('an offer takes a place: none left → refused; a withdrawn offer frees it', async () => {
    await w.addGraduate('g6');
    await w.addGraduate('g7');
    const post = await acmePost({ quota: 1 });
    const first = await applied('g6', post.id);
    const second = await applied('g7', post.id);
    const base = '/api/employer/applications';
    await move('acme', base, first.id, 'offer');
    const full = await w.post('acme', `${base}/${second.id}/status`, { status: 'offer', version: 1 });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.details.reason).toBe('quota_full');
    const withdrawn = await w.post('g6', `/api/me/applications/${first.id}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    await move('acme', base, second.id, 'offer');
    const [row] = await deps.database.db.select().from(opportunity).where(eq(opportunity.id, post.id));
    expect(row).toMatchObject({ quotaUsed: 1, applicantCount: 1 });
    // someone else's application cannot be withdrawn
    expect((await w.post('g6', `/api/me/applications/${second.id}/withdraw`)).statusCode).toBe(404);
  });
});
