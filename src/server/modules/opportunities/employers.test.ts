import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../domain/opportunities/credit-code.ts';
import { buildApp } from '../../app.ts';
import { auditEvent } from '../../db/schema/index.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildOpportunityWorld, postBody } from './opportunities-test-world.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  await w.signIn('gzHrss', await buildOrg(deps, { kind: 'province_hrss', regionCode: '520000' }), [
    'province_hrss',
  ]);
  await w.signIn('ynHrss', await buildOrg(deps, { kind: 'province_hrss', regionCode: '530000' }), [
    'province_hrss',
  ]);
  await w.signIn('weining', await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526' }), [
    'county_hrss',
  ]);
  w.cookies.set('uniAdmin', await loginAs(app, w.ledger.admin.username));
  w.cookies.set('counselor', await loginAs(app, w.ledger.counselor.username));
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

let n = 0;
function registration(overrides: Record<string, unknown> = {}) {
  n++;
  return {
    creditCode: makeCreditCode('520100', 100 + n),
    name: `贵州测试科技有限公司${n}`,
    regionCode: '520100',
    industry: 'I',
    natureCode: '39',
    size: 'small',
    tags: ['alumni'],
    contactName: '王经理',
    contactPhone: '13800001234',
    username: `hr_${n}_${Date.now() % 100000}`,
    displayName: '王经理',
    password: 'Employer-2020',
    ...overrides,
  };
}

describe('employer registration', () => {
  it('names exactly what is wrong with a credit code', async () => {
    const good = makeCreditCode('520100', 42);
    const typo = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const res = await w.post('anon', '/api/employers/register', registration({ creditCode: typo }));
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.details).toMatchObject({ field: 'creditCode', reason: 'check_char' });
    expect(err.message).toContain(`应为“${good[17]}”`);
    const short = await w.post(
      'anon',
      '/api/employers/register',
      registration({ creditCode: '91520100MA6' }),
    );
    expect(short.json().error.details.reason).toBe('length');
    expect(short.json().error.message).toContain('当前为11位');
  });

  it('creates a pending employer whose account can sign in but not post yet; a code registers once', async () => {
    const body = registration();
    const res = await w.post('anon', '/api/employers/register', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending' });
    const { username } = res.json();
    expect(username).toMatch(new RegExp(`^${body.username}\\.\\d{4}$`));
    const cookie = await loginAs(app, username, body.password);
    w.cookies.set('newcomer', cookie);
    const own = (await w.get('newcomer', '/api/employer/profile')).json();
    expect(own.employer).toMatchObject({ status: 'pending', creditCode: body.creditCode, tags: ['alumni'] });
    const post = await w.post('newcomer', '/api/employer/opportunities', postBody());
    expect(post.statusCode).toBe(403);
    expect(post.json().error.details.reason).toBe('employer_pending');
    const again = await w.post(
      'anon',
      '/api/employers/register',
      registration({ creditCode: body.creditCode }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.field).toBe('creditCode');
    const [audit] = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'employer.register'), eq(auditEvent.entityId, res.json().orgId)));
    expect(audit?.actorUsername).toBe(username);
    expect(JSON.stringify(audit?.after)).not.toContain(body.password);
  });

  it('answers the same whether or not the chosen username exists (no probing for staff accounts)', async () => {
    const staff = w.ledger.counselor.username; // an existing account
    const taken = await w.post('anon', '/api/employers/register', registration({ username: staff }));
    const fresh = await w.post('anon', '/api/employers/register', registration({ username: 'nobody_here' }));
    expect([taken.statusCode, fresh.statusCode]).toEqual([201, 201]);
    const shape = (r: typeof taken) => ({
      ...r.json(),
      orgId: 'x',
      username: r.json().username.slice(0, -5),
    });
    expect(shape(taken)).toEqual({ orgId: 'x', username: staff, status: 'pending' });
    expect(shape(fresh)).toEqual({ orgId: 'x', username: 'nobody_here', status: 'pending' });
    expect(taken.json().username).not.toBe(staff);
    // the staff account is untouched: its own password still signs in
    expect(await loginAs(app, staff)).toContain('bangfu_sid=');
  });

  it('refuses unknown regions and nature codes with the field named', async () => {
    const region = await w.post('anon', '/api/employers/register', registration({ regionCode: '529999' }));
    expect(region.json().error.details.field).toBe('regionCode');
    const nature = await w.post('anon', '/api/employers/register', registration({ natureCode: '98' }));
    expect(nature.json().error.details.field).toBe('natureCode');
  });
});

describe('employer review', () => {
  it('reviewers see employers of their area only; outside it an employer is not found', async () => {
    const body = registration();
    const { orgId } = (await w.post('anon', '/api/employers/register', body)).json();
    const ids = async (as: string) =>
      (
        (await w.get(as, '/api/employers?status=pending&pageSize=200')).json().items as { orgId: string }[]
      ).map((e) => e.orgId);
    expect(await ids('gzHrss')).toContain(orgId);
    expect(await ids('uniAdmin')).toContain(orgId); // a university in 贵阳 reviews employers of 贵州
    expect(await ids('ynHrss')).not.toContain(orgId);
    expect(await ids('weining')).not.toContain(orgId); // 贵阳 is not 威宁
    expect((await w.get('ynHrss', `/api/employers/${orgId}`)).statusCode).toBe(404);
    const review = await w.post('ynHrss', `/api/employers/${orgId}/review`, { decision: 'approve' });
    expect(review.statusCode).toBe(404);
    expect((await w.get('counselor', '/api/employers')).statusCode).toBe(403);
  });

  it('rejecting needs a reason; approval confirms the tags, is audited and lets the employer post', async () => {
    const body = registration();
    const { orgId, username } = (await w.post('anon', '/api/employers/register', body)).json();
    const bare = await w.post('gzHrss', `/api/employers/${orgId}/review`, { decision: 'reject' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details.field).toBe('note');
    const ok = await w.post('gzHrss', `/api/employers/${orgId}/review`, {
      decision: 'approve',
      note: '材料齐全',
      tags: ['alumni', 'east_west_partner'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', tags: ['alumni', 'east_west_partner'] });
    expect(ok.json().reviewedByName).toBe('gzHrss');
    const [audit] = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'employer.approve'), eq(auditEvent.entityId, orgId)));
    expect(audit?.before).toMatchObject({ status: 'pending' });
    w.cookies.set('approved', await loginAs(app, username, body.password));
    const post = await w.post('approved', '/api/employer/opportunities', postBody());
    expect(post.statusCode, post.body).toBe(201);
    expect(post.json()).toMatchObject({ status: 'draft', employer: { id: orgId }, owner: { id: orgId } });
  });
});
