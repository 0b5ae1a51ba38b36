import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditEvent, orgUnit } from '../../db/schema/index.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildOpportunityWorld } from './opportunities-test-world.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;
let acme: Awaited<ReturnType<typeof w.addEmployer>>;
let rival: Awaited<ReturnType<typeof w.addEmployer>>;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  acme = await w.addEmployer('acme');
  rival = await w.addEmployer('rival');
  await w.addEmployer('waiting', { status: 'pending' });
  await w.signIn('gzHrss', await buildOrg(deps, { kind: 'province_hrss', regionCode: '520000' }), [
    'province_hrss',
  ]);
  await w.signIn('bare', await buildOrg(deps, { kind: 'employer', regionCode: '520100' }), ['employer']);
  w.cookies.set('counselor', await loginAs(app, w.ledger.counselor.username));
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const URL = '/api/employer/profile';

async function own(as: string) {
  const res = await w.get(as, URL);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().employer as Record<string, unknown> & { revision: string; name: string };
}

/** What the edit form sends: every editable field, the identity as shown, and the revision it was read at. */
function edit(current: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return {
    creditCode: current.creditCode,
    name: current.name,
    regionCode: current.regionCode,
    industry: current.industry,
    natureCode: current.natureCode,
    size: current.size,
    contactName: current.contactName,
    contactPhone: current.contactPhone,
    revision: current.revision,
    ...overrides,
  };
}

async function lastUpdateAudit(orgId: string) {
  const [row] = await deps.database.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, 'employer.update'), eq(auditEvent.entityId, orgId)))
    .orderBy(desc(auditEvent.id))
    .limit(1);
  return row;
}

describe('an employer edits its own profile', () => {
  it('updates contact, region, industry, nature and size; stays approved, tags untouched; audited', async () => {
    const before = await own('acme');
    expect(before).toMatchObject({ status: 'approved', tags: ['alumni'] });
    const res = await w.put(
      'acme',
      URL,
      edit(before, {
        contactName: '李主管',
        contactPhone: '0851-86661234',
        regionCode: '520526',
        industry: 'C',
        natureCode: '31',
        size: 'medium',
        // tags are the reviewer's word: an employer's attempt is dropped
        tags: [],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json().employer;
    expect(after).toMatchObject({
      contactName: '李主管',
      contactPhone: '0851-86661234',
      regionCode: '520526',
      regionName: expect.stringContaining('威宁'),
      industry: 'C',
      natureCode: '31',
      size: 'medium',
      status: 'approved',
      tags: ['alumni'],
      creditCode: acme.creditCode,
      name: before.name,
    });
    expect(after.revision).not.toBe(before.revision);
    expect(await own('acme')).toEqual(after);
    // the org row moves with the profile
    const [org] = await deps.database.db.select().from(orgUnit).where(eq(orgUnit.id, acme.org.id));
    expect(org?.regionCode).toBe('520526');

    const audit = await lastUpdateAudit(acme.org.id);
    expect(audit).toMatchObject({ entityType: 'org_unit', actorUsername: acme.user.username });
    expect(audit?.before).toMatchObject({ contactName: '王经理', regionCode: '520100', size: 'small' });
    expect(audit?.after).toMatchObject({ contactName: '李主管', regionCode: '520526', size: 'medium' });
    expect(audit?.after).not.toHaveProperty('tags');

    // an approved employer still posts after the edit
    const post = await w.get('acme', '/api/employer/opportunities');
    expect(post.statusCode).toBe(200);
  });

  it('sends an approved employer that moves to another province back to review there', async () => {
    const mover = await w.addEmployer('mover');
    const before = await own('mover');
    expect(before).toMatchObject({ status: 'approved', regionCode: '520100' });
    const res = await w.put('mover', URL, edit(before, { regionCode: '330100' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().employer).toMatchObject({ regionCode: '330100', status: 'pending' });
    const audit = await lastUpdateAudit(mover.org.id);
    expect(audit?.before).toMatchObject({ regionCode: '520100', status: 'approved' });
    expect(audit?.after).toMatchObject({ regionCode: '330100', status: 'pending' });
  });

  it('refuses a change of the credit code or the legal name, saying whom to ask', async () => {
    const current = await own('acme');
    const other = rival.creditCode;
    const code = await w.put('acme', URL, edit(current, { creditCode: other, contactName: '换人' }));
    expect(code.statusCode).toBe(403);
    expect(code.json().error.details).toMatchObject({ field: 'creditCode', reason: 'identity_locked' });
    expect(code.json().error.message).toContain('联系审核本单位的管理员');
    const name = await w.put('acme', URL, edit(current, { name: '改名科技有限公司' }));
    expect(name.statusCode).toBe(403);
    expect(name.json().error.details).toMatchObject({ field: 'name', reason: 'identity_locked' });
    expect(await own('acme')).toEqual(current);
    // the identity echoed as shown (even typed in lower case) or left out is fine
    const echoed = await w.put(
      'acme',
      URL,
      edit(current, { creditCode: acme.creditCode.toLowerCase(), contactPhone: '13900001111' }),
    );
    expect(echoed.statusCode, echoed.body).toBe(200);
    const { creditCode: _c, name: _n, ...withoutIdentity } = edit(echoed.json().employer);
    const omitted = await w.put('acme', URL, { ...withoutIdentity, contactPhone: '13900002222' });
    expect(omitted.statusCode, omitted.body).toBe(200);
    expect(omitted.json().employer).toMatchObject({ creditCode: acme.creditCode, name: current.name });
  });

  it('refuses an edit made on a stale revision (a colleague saved first)', async () => {
    const read = await own('acme');
    const first = await w.put('acme', URL, edit(read, { contactName: '先保存' }));
    expect(first.statusCode, first.body).toBe(200);
    const second = await w.put('acme', URL, edit(read, { contactName: '后保存' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details).toMatchObject({
      reason: 'version_conflict',
      currentRevision: first.json().employer.revision,
    });
    expect((await own('acme')).contactName).toBe('先保存');
  });

  it('reaches its own profile only: another employer’s edit leaves it alone', async () => {
    const mine = await own('acme');
    const theirs = await own('rival');
    expect(theirs.creditCode).toBe(rival.creditCode);
    // the route takes no id; whatever a body names, an employer edits its own org
    const res = await w.put('rival', URL, {
      ...edit(theirs, { contactName: '对手联系人' }),
      orgId: acme.org.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().employer).toMatchObject({ orgId: rival.org.id, contactName: '对手联系人' });
    expect(await own('acme')).toEqual(mine);
    // acme's revision means nothing for rival's profile
    const crossed = await w.put('rival', URL, edit(theirs, { revision: mine.revision }));
    expect(crossed.statusCode).toBe(409);
    // the reviewers see the edit
    const reviewed = (await w.get('gzHrss', `/api/employers/${rival.org.id}`)).json();
    expect(reviewed).toMatchObject({ contactName: '对手联系人', status: 'approved' });
  });

  it('a pending employer may correct its profile and stays pending; codes are checked', async () => {
    const current = await own('waiting');
    const res = await w.put('waiting', URL, edit(current, { contactName: '补充联系人' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().employer).toMatchObject({ status: 'pending', contactName: '补充联系人' });
    const latest = res.json().employer;
    const region = await w.put('waiting', URL, edit(latest, { regionCode: '529999' }));
    expect(region.statusCode).toBe(400);
    expect(region.json().error.details.field).toBe('regionCode');
    const nature = await w.put('waiting', URL, edit(latest, { natureCode: '98' }));
    expect(nature.json().error.details.field).toBe('natureCode');
    const phone = await w.put('waiting', URL, edit(latest, { contactPhone: '12345' }));
    expect(phone.statusCode).toBe(400);
  });

  it('is the employers’ own: staff without employer.portal are refused, a missing profile is not found', async () => {
    const body = edit(await own('acme'));
    for (const as of ['counselor', 'gzHrss']) {
      expect((await w.get(as, URL)).statusCode, as).toBe(403);
      const res = await w.put(as, URL, body);
      expect(res.statusCode, as).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await w.put('anon', URL, body)).statusCode).toBe(401);
    const bare = await w.put('bare', URL, body);
    expect(bare.statusCode).toBe(404);
    expect(bare.json().error.details.reason).toBe('no_profile');
  });
});
