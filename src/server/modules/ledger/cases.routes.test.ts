import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../domain/ledger/rules.ts';
import { buildApp } from '../../app.ts';
import { auditEvent, caseEvent, ledgerCase } from '../../db/schema/index.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildLedgerWorld } from './ledger-test-world.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildLedgerWorld>>;
const cookie: Record<string, string> = {};

type TInject = { method?: 'GET' | 'POST' | 'PUT'; url: string; as: string; payload?: unknown };
const call = ({ method = 'GET', url, as, payload }: TInject) =>
  app.inject({ method, url, headers: { cookie: cookie[as]! }, payload: payload as object | undefined });

const NEEDS = {
  regions: ['520000'],
  returnHome: true,
  partnerProvinces: false,
  industries: ['I'],
  postKinds: ['enterprise'],
  salaryFloor: 3000,
  constraints: '',
  services: ['guidance'],
};

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  world = await buildLedgerWorld(deps);
  const other = await buildLedgerWorld(deps, { className: '计科2002班' });
  const county = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526' });
  const countyUser = await buildUser(deps, county, ['county_hrss']);
  const gradOrg = await buildOrg(deps, { kind: 'university' });
  const gradUser = await buildUser(deps, gradOrg, ['graduate']);
  const employer = await buildUser(deps, await buildOrg(deps, { kind: 'employer' }), ['employer']);
  const ministry = await buildUser(deps, await buildOrg(deps, { kind: 'ministry' }), ['ministry']);
  for (const [key, u] of Object.entries({
    counselor: world.counselor,
    admin: world.admin,
    helper: world.helper,
    otherCounselor: other.counselor,
    otherAdmin: other.admin,
    county: countyUser,
    graduate: gradUser,
    employer,
    ministry,
  })) {
    cookie[key] = await loginAs(app, u.username);
  }
  // a second counselor of the same class, to edit concurrently
  const colleague = await buildUser(deps, world.college, ['counselor']);
  await deps.database.db.execute(
    sql`insert into counselor_class (user_id, college_id, class_name) values (${colleague.id}, ${world.college.id}, ${world.className})`,
  );
  cookie.colleague = await loginAs(app, colleague.username);
  await other.addCase();
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

async function listIds(as: string, query = '') {
  const res = await call({ url: `/api/cases?pageSize=200${query}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((i) => i.id);
}

describe('who sees which case files', () => {
  it('a counselor sees their own classes, a helper only paired graduates, the admin the university', async () => {
    const a = await world.addCase();
    const b = await world.addCase();
    await world.pair(b.graduate.id);
    expect(await listIds('counselor')).toEqual(expect.arrayContaining([a.caseId, b.caseId]));
    expect(await listIds('otherCounselor')).not.toContain(a.caseId);
    expect(await listIds('helper')).toEqual([b.caseId]);
    expect(await listIds('admin')).toEqual(expect.arrayContaining([a.caseId, b.caseId]));
    expect(await listIds('otherAdmin')).not.toContain(a.caseId);
    expect(await listIds('ministry')).toEqual(expect.arrayContaining([a.caseId, b.caseId]));
    // a case outside scope answers 404, not 403: nothing confirms it exists
    expect((await call({ url: `/api/cases/${a.caseId}`, as: 'otherCounselor' })).statusCode).toBe(404);
    expect((await call({ url: `/api/cases/${a.caseId}`, as: 'helper' })).statusCode).toBe(404);
  });

  it('a county HRSS bureau sees no case of its county before handover; graduates and employers get 403', async () => {
    await world.addCase({ domicileCountyCode: '520526' });
    expect(await listIds('county')).toEqual([]);
    expect((await call({ url: '/api/cases', as: 'graduate' })).statusCode).toBe(403);
    expect((await call({ url: '/api/cases', as: 'employer' })).statusCode).toBe(403);
  });

  it('after handover the bureau sees and edits the case, the university only reads it', async () => {
    const c = await world.addCase({ domicileCountyCode: '520526' });
    const county = await deps.database.db.query.appUser.findFirst({
      where: (t, { sql: s }) => s`${t.roles} @> array['county_hrss']::text[]`,
    });
    await deps.database.db
      .update(ledgerCase)
      .set({ stage: 'handed_over', holderOrgId: county!.orgId, handedOverAt: deps.clock.now() })
      .where(eq(ledgerCase.id, c.caseId));
    expect(await listIds('county')).toEqual([c.caseId]);
    const page = (await call({ url: `/api/cases/${c.caseId}`, as: 'counselor' })).json();
    expect(page.writeDenial).toBe('handed_over');
    const m = { item: 'career_guidance', date: '2020-07-15', note: '' };
    const refused = await call({
      method: 'POST',
      url: `/api/cases/${c.caseId}/measures`,
      as: 'counselor',
      payload: m,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.reason).toBe('handed_over');
    const ok = await call({
      method: 'POST',
      url: `/api/cases/${c.caseId}/measures`,
      as: 'county',
      payload: m,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().writeDenial).toBeNull();
  });
});

describe('the worklist', () => {
  it('puts the most overdue case first and moves it down once followed up', async () => {
    const { caseId: old } = await world.addCase({ name: '早开案' });
    const { caseId: fresh } = await world.addCase({ name: '新开案' });
    // opened 20 days ago and never contacted: its 14-day follow-up is 6 days overdue
    const twentyDaysAgo = new Date(deps.clock.now().getTime() - 20 * DAY_MS);
    await deps.database.db.update(ledgerCase).set({ openedAt: twentyDaysAgo }).where(eq(ledgerCase.id, old));
    const before = await call({ url: '/api/cases?pageSize=200', as: 'counselor' });
    const items = before.json().items as { id: string; due: { rule: string; overdue: boolean }[] }[];
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(old)).toBeLessThan(ids.indexOf(fresh));
    expect(items.find((i) => i.id === old)!.due.some((d) => d.rule === 'follow_up' && d.overdue)).toBe(true);

    const today = new Date(deps.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await call({
      method: 'POST',
      url: `/api/cases/${old}/follow-ups`,
      as: 'counselor',
      payload: { date: today, method: 'phone', content: '电话了解求职情况', nextDue: null },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().due.find((d: { rule: string }) => d.rule === 'follow_up').overdue).toBe(false);
    const after = (await call({ url: '/api/cases?pageSize=200', as: 'counselor' })).json().items as {
      id: string;
      due: { rule: string; overdue: boolean }[];
    }[];
    expect(after.find((i) => i.id === old)!.due.find((d) => d.rule === 'follow_up')!.overdue).toBe(false);
    const summary = (await call({ url: '/api/cases/summary', as: 'counselor' })).json();
    expect(summary.total).toBe(after.length);
  });

  it('filters overdue and unpaired cases and counts them in the summary', async () => {
    const summary = (await call({ url: '/api/cases/summary', as: 'counselor' })).json();
    const overdue = await listIds('counselor', '&overdue=true');
    const unpaired = await listIds('counselor', '&unpaired=true');
    expect(summary.overdue).toBe(overdue.length);
    expect(summary.unpaired).toBe(unpaired.length);
    expect(unpaired.length).toBeGreaterThan(0);
  });
});

describe('editing a case', () => {
  it('records needs, clears 就业需求清, and refuses a stale version with both values', async () => {
    const { caseId } = await world.addCase();
    const page = (await call({ url: `/api/cases/${caseId}`, as: 'counselor' })).json();
    expect(page.siqing.needs).toMatchObject({ ok: false, reason: 'needs_missing' });
    const first = await call({
      method: 'PUT',
      url: `/api/cases/${caseId}/needs`,
      as: 'counselor',
      payload: { version: page.version, intention: 'employment', needs: NEEDS, confirmed: true },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().siqing.needs.ok).toBe(true);
    expect(first.json().version).toBe(page.version + 1);
    // the colleague still has the page as it was before and saves something else
    const second = await call({
      method: 'PUT',
      url: `/api/cases/${caseId}/needs`,
      as: 'colleague',
      payload: { version: page.version, intention: 'further_study', needs: NEEDS, confirmed: true },
    });
    expect(second.statusCode).toBe(409);
    const details = second.json().error.details;
    expect(details).toMatchObject({
      reason: 'version_conflict',
      currentVersion: page.version + 1,
      yours: { intention: 'further_study' },
      theirs: { intention: 'employment' },
      updatedBy: '杨老师',
    });
    const stored = (await call({ url: `/api/cases/${caseId}`, as: 'counselor' })).json();
    expect(stored.intention).toBe('employment');
    const audits = await deps.database.db.select().from(auditEvent).where(eq(auditEvent.entityId, caseId));
    // the page reads around the edit are audited too (case.view); the refused edit wrote nothing
    expect(audits.map((a) => a.action).filter((a) => a !== 'case.view')).toEqual(['case.needs']);
  });

  it('keeps psychological-support notes from helpers and refuses them from helpers', async () => {
    const { caseId, graduate } = await world.addCase();
    await world.pair(graduate.id);
    const note = {
      date: '2020-07-15',
      method: 'in_person',
      content: '情绪低落，约定每周谈心',
      private: true,
    };
    const res = await call({
      method: 'POST',
      url: `/api/cases/${caseId}/follow-ups`,
      as: 'counselor',
      payload: note,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().events[0]).toMatchObject({ kind: 'follow_up', private: true });
    const helperView = (await call({ url: `/api/cases/${caseId}`, as: 'helper' })).json();
    expect(helperView.events.some((e: { private: boolean }) => e.private)).toBe(false);
    const timeline = (await call({ url: `/api/cases/${caseId}/events`, as: 'helper' })).json();
    expect(timeline.total).toBe(0);
    const byHelper = await call({
      method: 'POST',
      url: `/api/cases/${caseId}/follow-ups`,
      as: 'helper',
      payload: note,
    });
    expect(byHelper.statusCode).toBe(403);
    const [audit] = await deps.database.db
      .select()
      .from(auditEvent)
      .where(sql`${auditEvent.entityId} = ${caseId} and ${auditEvent.action} = 'case.follow_up'`);
    expect(JSON.stringify(audit!.after)).not.toContain('情绪低落');
  });

  it('logs measures, refusing dates in the future', async () => {
    const { caseId } = await world.addCase();
    const future = await call({
      method: 'POST',
      url: `/api/cases/${caseId}/measures`,
      as: 'counselor',
      payload: { item: 'special_fair', date: '2099-01-01' },
    });
    expect(future.statusCode).toBe(400);
    const ok = await call({
      method: 'POST',
      url: `/api/cases/${caseId}/measures`,
      as: 'counselor',
      payload: { item: 'special_fair', date: '2020-07-10', note: '参加52县专场招聘会' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().siqing.measures.ok).toBe(true);
    expect(ok.json().events[0]).toMatchObject({
      kind: 'measure',
      data: { item: 'special_fair', group: 'recruitment' },
    });
  });

  it('a destination with an employed code places the graduate; status history comes from events', async () => {
    const { caseId } = await world.addCase();
    const v = (await call({ url: `/api/cases/${caseId}`, as: 'counselor' })).json().version;
    const res = await call({
      method: 'PUT',
      url: `/api/cases/${caseId}/destination`,
      as: 'counselor',
      payload: {
        version: v,
        code: '10',
        employer: '贵州黔程数字科技有限公司',
        natureCode: '39',
        regionCode: '520100',
        date: '2020-07-14',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'placed', due: [], destination: { code: '10' } });
    expect(res.json().siqing.progress).toMatchObject({ ok: true, reason: 'placed' });
    const kinds = res.json().events.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(0, 2).sort()).toEqual(['destination', 'status']);
    const seeking = await call({
      method: 'PUT',
      url: `/api/cases/${caseId}/status`,
      as: 'counselor',
      payload: { version: res.json().version, status: 'seeking' },
    });
    expect(seeking.statusCode).toBe(400);
  });

  it('reveals a full ID number only with the permission and a reason, and audits it', async () => {
    const { caseId, graduate } = await world.addCase();
    await world.pair(graduate.id);
    const body = { field: 'idNumber', reason: '核对学籍信息' };
    expect(
      (await call({ method: 'POST', url: `/api/cases/${caseId}/reveal`, as: 'helper', payload: body }))
        .statusCode,
    ).toBe(403);
    const res = await call({
      method: 'POST',
      url: `/api/cases/${caseId}/reveal`,
      as: 'counselor',
      payload: body,
    });
    expect(res.json()).toEqual({ value: graduate.idNumber });
    const page = (await call({ url: `/api/cases/${caseId}`, as: 'counselor' })).json();
    expect(page.graduate.idNumberMasked).not.toBe(graduate.idNumber);
    expect(page.graduate.phoneMasked).toBe('138****5678');
    const [audit] = await deps.database.db
      .select()
      .from(auditEvent)
      .where(sql`${auditEvent.entityId} = ${graduate.id} and ${auditEvent.action} = 'graduate.reveal_id'`);
    expect(audit).toMatchObject({ reason: '核对学籍信息' });
  });

  it('accepts a PDF as evidence and refuses a file that only claims to be one', async () => {
    const { caseId } = await world.addCase();
    const upload = (name: string, content: Buffer) => {
      const boundary = '----bangfu';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/files`,
        headers: { cookie: cookie.counselor!, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const ok = await upload('offer.pdf', Buffer.from('%PDF-1.4\n%demo offer letter\n'));
    expect(ok.statusCode, ok.body).toBe(201);
    const fake = await upload('offer.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(fake.statusCode).toBe(400);
    const file = await call({ url: `/api/cases/${caseId}/files/${ok.json().id}`, as: 'counselor' });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body.startsWith('%PDF')).toBe(true);
    expect(
      (await call({ url: `/api/cases/${caseId}/files/${ok.json().id}`, as: 'otherCounselor' })).statusCode,
    ).toBe(404);
  });

  it('the timeline cannot be rewritten', async () => {
    const { caseId } = await world.addCase();
    await call({
      method: 'POST',
      url: `/api/cases/${caseId}/measures`,
      as: 'counselor',
      payload: { item: 'post_push', date: '2020-07-15' },
    });
    await expect(
      deps.database.db.update(caseEvent).set({ kind: 'note' }).where(eq(caseEvent.caseId, caseId)),
    ).rejects.toThrow();
    await expect(deps.database.db.delete(caseEvent).where(eq(caseEvent.caseId, caseId))).rejects.toThrow();
  });
});

describe('bulk actions and 四清 per unit', () => {
  it('logs one measure for many, skipping cases the user may not change', async () => {
    const a = await world.addCase();
    const b = await world.addCase();
    const foreign = (await listIds('otherCounselor'))[0]!;
    const res = await call({
      method: 'POST',
      url: '/api/cases/bulk/measures',
      as: 'counselor',
      payload: {
        caseIds: [a.caseId, b.caseId, foreign],
        item: 'special_fair',
        date: '2020-07-15',
        note: '校园专场',
      },
    });
    expect(res.json()).toEqual({ updated: 2, skipped: 1 });
    const events = await deps.database.db.select().from(caseEvent).where(eq(caseEvent.caseId, foreign));
    expect(events).toEqual([]);
    const status = await call({
      method: 'POST',
      url: '/api/cases/bulk/status',
      as: 'counselor',
      payload: { caseIds: [a.caseId, b.caseId], status: 'paused', note: '暂缓就业' },
    });
    expect(status.json()).toEqual({ updated: 2, skipped: 0 });
  });

  it('counts clear flags per university, in scope only', async () => {
    const rows = (await call({ url: '/api/ledger/siqing?groupBy=university', as: 'admin' })).json();
    expect(rows).toHaveLength(1);
    const total = (await call({ url: '/api/cases/summary', as: 'admin' })).json().total;
    expect(rows[0]).toMatchObject({ code: world.uni.id, total });
    expect(rows[0].measures).toBeGreaterThan(0);
    expect(rows[0].allFour).toBeLessThanOrEqual(Math.min(rows[0].profile, rows[0].needs));
  });

  it('only the ministry changes the service-level rules', async () => {
    const rules = (await call({ url: '/api/ledger/rules', as: 'counselor' })).json();
    expect(rules.followUpEveryDays).toBe(14);
    const put = (as: string) =>
      call({ method: 'PUT', url: '/api/ledger/rules', as, payload: { ...rules, followUpEveryDays: 7 } });
    expect((await put('admin')).statusCode).toBe(403);
    expect((await put('ministry')).json().followUpEveryDays).toBe(7);
    await put('ministry').then(() =>
      call({ method: 'PUT', url: '/api/ledger/rules', as: 'ministry', payload: rules }),
    );
  });
});
