import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THandoverBatch, THandoverBatchDetail, THandoverPreview } from '../../../domain/api/handover.ts';
import { buildApp } from '../../app.ts';
import {
  appUser,
  auditEvent,
  caseEvent,
  caseHandover,
  ledgerCase,
  notification,
} from '../../db/schema/index.ts';
import { buildOrg, buildUser, ctxOf, loginAs, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { lockCaseForWrite } from './case-access.ts';
import { buildLedgerWorld } from './ledger-test-world.ts';

/*
 * One university (贵州, cohort 2020) with cases of every kind the handover must tell apart:
 *   a, b  seeking work, domicile 威宁 520526 (a bureau)      c  seeking (参军), domicile 镇雄 530627 (a bureau)
 *   d     seeking, domicile 昭觉 513431 (no county HRSS bureau): a problem, never handed over
 *   placed (destination 10)  paused  notNow (暂不就业)  none (无意愿)  noIntention   later (cohort 2021)
 * and a second university whose admin must not reach any of it.
 */
let deps: TTestDeps;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildLedgerWorld>>;
let other: Awaited<ReturnType<typeof buildLedgerWorld>>;
let weining: TOrgRow;
let zhenxiong: TOrgRow;
let weiningUser: { id: string; username: string };
let zhenxiongUser: { id: string; username: string };
const c: Record<string, string> = {};

const BEFORE = new Date('2020-06-20T02:00:00Z');
const AFTER = new Date('2020-07-15T02:00:00Z');

const cookies = new Map<string, string>();
async function as(user: { username: string }) {
  if (!cookies.has(user.username)) cookies.set(user.username, await loginAs(app, user.username));
  return { cookie: cookies.get(user.username)! };
}
/** Sessions have an idle timeout: moving the clock signs everyone in again. */
function setClock(at: Date) {
  deps.clock.set(at);
  cookies.clear();
}

async function addCase(
  key: string,
  county: string,
  fields: Partial<typeof ledgerCase.$inferInsert>,
  cohort = 2020,
) {
  const { caseId } = await world.addCase({ domicileCountyCode: county, cohort, name: `学生${key}` });
  await deps.database.db.update(ledgerCase).set(fields).where(eq(ledgerCase.id, caseId));
  c[key] = caseId;
}

async function preview(user: { username: string }, cohort = 2020) {
  return app.inject({
    method: 'POST',
    url: '/api/handovers/preview',
    headers: await as(user),
    payload: { cohort },
  });
}
async function commit(user: { username: string }, caseIds: string[], cohort = 2020) {
  return app.inject({
    method: 'POST',
    url: '/api/handovers',
    headers: await as(user),
    payload: { cohort, caseIds },
  });
}
async function caseRow(id: string) {
  const [row] = await deps.database.db.select().from(ledgerCase).where(eq(ledgerCase.id, id));
  return row!;
}

beforeAll(async () => {
  deps = await createTestDeps();
  setClock(BEFORE);
  app = await buildApp(deps);
  world = await buildLedgerWorld(deps);
  other = await buildLedgerWorld(deps);
  weining = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526', name: '威宁县人社局' });
  zhenxiong = await buildOrg(deps, { kind: 'county_hrss', regionCode: '530627', name: '镇雄县人社局' });
  weiningUser = await buildUser(deps, weining, ['county_hrss']);
  zhenxiongUser = await buildUser(deps, zhenxiong, ['county_hrss']);
  const seeking = { status: 'seeking' };
  await addCase('a', '520526', { ...seeking, intention: 'employment' });
  await addCase('b', '520526', { ...seeking, intention: 'grassroots' });
  await addCase('c', '530627', { ...seeking, intention: 'military' });
  await addCase('d', '513431', { ...seeking, intention: 'employment' });
  await addCase('placed', '520526', { status: 'placed', destinationCode: '10', intention: 'employment' });
  await addCase('paused', '520526', { status: 'paused', intention: 'employment' });
  await addCase('notNow', '520526', { ...seeking, intention: 'not_now' });
  await addCase('none', '530627', { ...seeking, intention: 'none' });
  await addCase('noIntention', '520526', { ...seeking, intention: null });
  await addCase('later', '520526', { ...seeking, intention: 'employment' }, 2021);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

describe('before the leaving date', () => {
  it('previews the cases but says not yet, with the leaving date', async () => {
    const res = await preview(world.admin);
    expect(res.statusCode).toBe(200);
    const body = res.json() as THandoverPreview;
    expect(body).toMatchObject({ cohort: 2020, notYet: true, leavingDate: '2020-06-30' });
    expect(body.cases.map((x) => x.caseId).sort()).toEqual([c.a, c.b, c.c].sort());
  });

  it('refuses a commit, naming the date, and changes nothing', async () => {
    const res = await commit(world.admin, [c.a!]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ reason: 'not_yet', leavingDate: '2020-06-30' });
    expect(res.json().error.message).toContain('2020-06-30');
    expect(await caseRow(c.a!)).toMatchObject({ stage: 'school', holderOrgId: world.uni.id });
    expect(await deps.database.db.select().from(caseHandover)).toEqual([]);
  });

  it('is still refused on the leaving day itself (China time)', async () => {
    setClock(new Date('2020-06-30T15:00:00Z')); // 23:00 in Beijing
    expect((await preview(world.admin)).json().notYet).toBe(true);
    expect((await commit(world.admin, [c.a!])).statusCode).toBe(409);
  });
});

describe('after the leaving date', () => {
  beforeAll(() => setClock(AFTER));

  it('previews only the cases that qualify, with their bureau, and counts the rest by reason', async () => {
    const body = (await preview(world.admin)).json() as THandoverPreview;
    expect(body.notYet).toBe(false);
    const cases = Object.fromEntries(body.cases.map((x) => [x.caseId, x]));
    expect(Object.keys(cases).sort()).toEqual([c.a, c.b, c.c].sort());
    expect(cases[c.a!]).toMatchObject({
      name: '学生a',
      countyCode: '520526',
      toOrgId: weining.id,
      toOrgName: '威宁县人社局',
    });
    expect(cases[c.a!]!.countyName).toContain('威宁');
    expect(cases[c.c!]).toMatchObject({ toOrgId: zhenxiong.id, intention: 'military' });
    expect(body.problems).toEqual([
      expect.objectContaining({ caseId: c.d, problem: 'no_bureau', countyCode: '513431', toOrgId: null }),
    ]);
    expect(body.byCounty).toEqual([
      expect.objectContaining({ orgId: weining.id, countyCode: '520526', count: 2 }),
      expect.objectContaining({ orgId: zhenxiong.id, countyCode: '530627', count: 1 }),
    ]);
    expect(body.excluded).toEqual({
      handed_over: 0,
      placed: 1,
      paused_closed: 1,
      no_intention: 1,
      not_seeking: 2,
    });
  });

  it('gives a county HRSS user no cases before handover, not even of their own county', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/cases', headers: await as(weiningUser) });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(0);
    const one = await app.inject({ method: 'GET', url: `/api/cases/${c.a}`, headers: await as(weiningUser) });
    expect(one.statusCode).toBe(404);
  });

  it('does not let another university preview or commit our cases', async () => {
    const theirs = (await preview(other.admin)).json() as THandoverPreview;
    expect(theirs.cases).toEqual([]);
    expect(theirs.problems).toEqual([]);
    const res = await commit(other.admin, [c.a!, c.b!]);
    expect(res.statusCode).toBe(409);
    // not even our graduates' names leak
    expect(res.json().error.details.cases).toEqual([
      { caseId: [c.a, c.b].sort()[0], name: null, reason: 'not_found' },
      { caseId: [c.a, c.b].sort()[1], name: null, reason: 'not_found' },
    ]);
    expect((await caseRow(c.a!)).stage).toBe('school');
  });

  it('refuses roles without the permission', async () => {
    expect((await preview(world.counselor)).statusCode).toBe(403);
    expect((await commit(weiningUser, [c.a!])).statusCode).toBe(403);
  });

  it('refuses the whole batch when a picked case does not qualify, naming it', async () => {
    const res = await commit(world.admin, [c.a!, c.placed!, c.d!, c.later!]);
    expect(res.statusCode).toBe(409);
    const refused = res.json().error.details.cases as { caseId: string; name: string; reason: string }[];
    expect(Object.fromEntries(refused.map((r) => [r.caseId, [r.name, r.reason]]))).toEqual({
      [c.placed!]: ['学生placed', 'placed'],
      [c.d!]: ['学生d', 'no_bureau'],
      [c.later!]: ['学生later', 'other_cohort'],
    });
    expect((await caseRow(c.a!)).stage).toBe('school');
  });

  let batch: THandoverBatch;
  it('hands the cases over: holder, stage, events, one audit record, notifications', async () => {
    const before = await caseRow(c.a!);
    const res = await commit(world.admin, [c.a!, c.b!, c.c!]);
    expect(res.statusCode).toBe(200);
    batch = res.json();
    expect(batch).toMatchObject({
      cohort: 2020,
      caseCount: 3,
      createdByName: '赵老师',
      universityName: world.uni.name,
    });
    expect(batch.byCounty.map((x) => [x.orgId, x.count])).toEqual([
      [weining.id, 2],
      [zhenxiong.id, 1],
    ]);

    const a = await caseRow(c.a!);
    expect(a).toMatchObject({ stage: 'handed_over', holderOrgId: weining.id, version: before.version + 1 });
    expect(a.handedOverAt).toEqual(AFTER);
    expect((await caseRow(c.c!)).holderOrgId).toBe(zhenxiong.id);
    expect(await caseRow(c.d!)).toMatchObject({ stage: 'school', holderOrgId: world.uni.id });

    const handovers = await deps.database.db
      .select()
      .from(caseHandover)
      .where(eq(caseHandover.batchId, batch.id));
    expect(handovers).toHaveLength(3);
    expect(handovers.find((h) => h.caseId === c.a)).toMatchObject({
      fromOrgId: world.uni.id,
      toOrgId: weining.id,
    });

    const events = await deps.database.db
      .select()
      .from(caseEvent)
      .where(and(eq(caseEvent.caseId, c.a!), eq(caseEvent.kind, 'handover')));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ toOrgId: weining.id, toOrgName: '威宁县人社局', batchId: batch.id });
    expect(events[0]!.actorName).toBe('赵老师');

    const audits = await deps.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'handover.commit'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityId: batch.id, actorUserId: world.admin.id });
    expect((audits[0]!.after as { caseCount: number }).caseCount).toBe(3);

    const notes = await deps.database.db.select().from(notification).where(eq(notification.kind, 'handover'));
    expect(notes.map((n) => [n.userId, n.dedupeKey]).sort()).toEqual(
      [
        [weiningUser.id, `handover:${batch.id}:${weiningUser.id}`],
        [zhenxiongUser.id, `handover:${batch.id}:${zhenxiongUser.id}`],
      ].sort(),
    );
    const toWeining = notes.find((n) => n.userId === weiningUser.id)!;
    expect(toWeining.title).toBe(`【移交】${world.uni.name}移交 2 名离校未就业毕业生`);
    // Chinese only: the web app renders other languages from the data (notification-text.ts)
    expect(toWeining.body).toBe('2020 届离校未就业毕业生 2 名，请在台账中接续服务。');
    expect(toWeining.data).toMatchObject({ batchId: batch.id, count: 2, cohort: 2020 });
  });

  it('lets the county HRSS user of that county see the case, and no other county', async () => {
    const mine = await app.inject({
      method: 'GET',
      url: `/api/cases/${c.a}`,
      headers: await as(weiningUser),
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      stage: 'handed_over',
      holderOrg: { id: weining.id },
      writeDenial: null,
    });
    const list = await app.inject({ method: 'GET', url: '/api/cases', headers: await as(weiningUser) });
    expect(
      list
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([c.a, c.b].sort());
    // the case is a graduate in the bureau's county: the registry shows them too
    const grads = await app.inject({ method: 'GET', url: '/api/graduates', headers: await as(weiningUser) });
    expect(grads.json().items.map((x: { name: string }) => x.name)).toContain('学生a');

    const notMine = await app.inject({
      method: 'GET',
      url: `/api/cases/${c.a}`,
      headers: await as(zhenxiongUser),
    });
    expect(notMine.statusCode).toBe(404);
    const theirs = await app.inject({ method: 'GET', url: '/api/cases', headers: await as(zhenxiongUser) });
    expect(theirs.json().items.map((x: { id: string }) => x.id)).toEqual([c.c]);
  });

  it('keeps read access for the university, but only the bureau may change the case', async () => {
    const seen = await app.inject({
      method: 'GET',
      url: `/api/cases/${c.a}`,
      headers: await as(world.admin),
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ stage: 'handed_over', writeDenial: 'handed_over' });

    const { db } = deps.database;
    for (const user of [world.admin, world.counselor]) {
      const ctx = await ctxOf(deps, user);
      await expect(db.transaction((tx) => lockCaseForWrite(tx, ctx, c.a!))).rejects.toMatchObject({
        code: 'forbidden',
        details: { reason: 'handed_over' },
      });
    }
    const bureauCtx = await ctxOf(deps, weiningUser);
    await expect(db.transaction((tx) => lockCaseForWrite(tx, bureauCtx, c.a!))).resolves.toMatchObject({
      id: c.a,
      holderOrgId: weining.id,
    });

    const followUp = { date: '2020-07-15', method: 'phone', content: '电话回访，了解求职意向' };
    const byAdmin = await app.inject({
      method: 'POST',
      url: `/api/cases/${c.a}/follow-ups`,
      headers: await as(world.admin),
      payload: followUp,
    });
    expect(byAdmin.statusCode).toBe(403);
    const byBureau = await app.inject({
      method: 'POST',
      url: `/api/cases/${c.a}/follow-ups`,
      headers: await as(weiningUser),
      payload: followUp,
    });
    expect(byBureau.statusCode).toBe(200);
  });

  it('lets the bureau name one of its own staff responsible: audited, on the timeline, on the case page', async () => {
    const colleague = await buildUser(deps, weining, ['county_hrss']);
    const put = async (user: { username: string }, caseId: string, userId: string | null) =>
      app.inject({
        method: 'PUT',
        url: `/api/cases/${caseId}/responsible`,
        headers: await as(user),
        payload: { userId },
      });
    const offered = await app.inject({
      method: 'GET',
      url: `/api/cases/${c.a}/responsible-candidates`,
      headers: await as(weiningUser),
    });
    expect(
      offered
        .json()
        .map((x: { userId: string }) => x.userId)
        .sort(),
    ).toEqual([weiningUser.id, colleague.id].sort());
    // not the university (read-only now), not another bureau's staff, not a case still at school
    expect((await put(world.admin, c.a!, weiningUser.id)).statusCode).toBe(403);
    expect((await put(weiningUser, c.a!, zhenxiongUser.id)).statusCode).toBe(400);
    expect((await put(weiningUser, c.a!, world.admin.id)).statusCode).toBe(400);
    const school = await world.addCase({ domicileCountyCode: '520526', name: '学生在校' });
    expect((await put(world.admin, school.caseId, world.admin.id)).statusCode).toBe(409);

    const named = await put(weiningUser, c.a!, colleague.id);
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json().responsible).toEqual({ userId: colleague.id, name: colleague.displayName });
    // the university sees who is responsible now
    const seen = await app.inject({
      method: 'GET',
      url: `/api/cases/${c.a}`,
      headers: await as(world.admin),
    });
    expect(seen.json().responsible).toMatchObject({ userId: colleague.id });
    const { db } = deps.database;
    const events = await db
      .select()
      .from(caseEvent)
      .where(and(eq(caseEvent.caseId, c.a!), eq(caseEvent.kind, 'responsible')));
    expect(events.map((e) => e.data)).toEqual([{ name: colleague.displayName, previousName: null }]);
    const audits = await db.select().from(auditEvent).where(eq(auditEvent.action, 'case.responsible'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityId: c.a, actorUserId: weiningUser.id });
    // a disabled colleague cannot be named
    await db.update(appUser).set({ active: false }).where(eq(appUser.id, colleague.id));
    expect((await put(weiningUser, c.b!, colleague.id)).statusCode).toBe(400);
  });

  it('never flags a handed-over case as kept by no counselor: the bureau keeps it', async () => {
    const headers = await as(weiningUser);
    const list = await app.inject({ method: 'GET', url: '/api/cases', headers });
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.json().items.every((i: { noCounselor?: boolean }) => i.noCounselor === false)).toBe(true);
    const summary = await app.inject({ method: 'GET', url: '/api/cases/summary', headers });
    expect(summary.json().noCounselor).toBe(0);
  });

  it('refuses to hand over a case twice', async () => {
    const res = await commit(world.admin, [c.a!]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.cases).toEqual([{ caseId: c.a, name: '学生a', reason: 'handed_over' }]);
    const again = (await preview(world.admin)).json() as THandoverPreview;
    expect(again.cases).toEqual([]);
    expect(again.excluded.handed_over).toBe(3);
    expect(await deps.database.db.select().from(caseHandover)).toHaveLength(3);
  });

  it('lists the university’s batches and shows one with its cases as they are now', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/handovers', headers: await as(world.admin) });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id: batch.id, caseCount: 3, createdByName: '赵老师' }],
    });
    expect(list.json().items[0].byCounty).toEqual(batch.byCounty);

    const one = await app.inject({
      method: 'GET',
      url: `/api/handovers/${batch.id}`,
      headers: await as(world.admin),
    });
    expect(one.statusCode).toBe(200);
    const detail = one.json() as THandoverBatchDetail;
    expect(detail.cases.map((x) => x.caseId).sort()).toEqual([c.a, c.b, c.c].sort());
    expect(detail.cases.find((x) => x.caseId === c.c)).toMatchObject({
      name: '学生c',
      toOrgName: '镇雄县人社局',
      status: 'seeking',
      stage: 'handed_over',
    });
  });

  it('hides the batches from another university', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/handovers', headers: await as(other.admin) });
    expect(list.json()).toMatchObject({ total: 0, items: [] });
    const one = await app.inject({
      method: 'GET',
      url: `/api/handovers/${batch.id}`,
      headers: await as(other.admin),
    });
    expect(one.statusCode).toBe(404);
  });

  it('lets only one of two admins handing over the same case at once succeed', async () => {
    await addCase('race', '520526', { status: 'seeking', intention: 'employment' });
    const secondAdmin = await buildUser(deps, world.uni, ['university_admin']);
    const [first, second] = await Promise.all([
      commit(world.admin, [c.race!]),
      commit(secondAdmin, [c.race!]),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().error.details.cases).toEqual([
      { caseId: c.race, name: '学生race', reason: 'handed_over' },
    ]);
    const rows = await deps.database.db.select().from(caseHandover).where(eq(caseHandover.caseId, c.race!));
    expect(rows).toHaveLength(1);
    expect(await caseRow(c.race!)).toMatchObject({ stage: 'handed_over', holderOrgId: weining.id });
  });
});
