import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_LEDGER_RULES } from '../../../domain/ledger/rules.ts';
import { counselorClass, ledgerCase, notification, overdueItem } from '../../db/schema/index.ts';
import { buildOrg, buildUser, ctxOf } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { addFollowUp } from './cases-write.service.ts';
import { runLedgerTick, sendDailyDigest } from './escalation.service.ts';
import { escalationMessage } from './escalation-messages.ts';
import { setLedgerRules } from './ledger-rules.ts';
import { buildLedgerWorld } from './ledger-test-world.ts';

let deps: TTestDeps;
const MIN = 60_000;
const rules = DEFAULT_LEDGER_RULES;

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.close();
});

/*
 * Every test runs the clock over the whole database, later than the test before (a case file is only ever
 * looked at going forwards), and asserts on its own cases and users. Cases belong to the cohort after the
 * test's year, so the "reconfirm needs before leaving school" rule stays out of the way.
 */
let epoch = new Date('2021-09-01T01:00:00Z').getTime();
function startFresh(): { t0: Date; cohort: number } {
  epoch += 60 * DAY_MS;
  const t0 = new Date(epoch);
  deps.clock.set(t0);
  return { t0, cohort: t0.getUTCFullYear() + 1 };
}
const at = (t0: Date, days: number, extraMs = 0) => new Date(t0.getTime() + days * DAY_MS + extraMs);

async function itemsOf(caseId: string, openOnly = true) {
  const db = deps.database.db;
  return db
    .select()
    .from(overdueItem)
    .where(
      openOnly
        ? and(eq(overdueItem.caseId, caseId), isNull(overdueItem.resolvedAt))
        : eq(overdueItem.caseId, caseId),
    );
}
async function noticesFor(userId: string, caseId?: string) {
  const rows = await deps.database.db.select().from(notification).where(eq(notification.userId, userId));
  return rows.filter((r) => caseId === undefined || r.caseId === caseId);
}
/** The escalation summaries (levels 1, 2) a user got, oldest first. */
async function summariesFor(userId: string) {
  const rows = (await noticesFor(userId)).filter((r) => r.kind === 'escalation');
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
/** The summaries a user got that count this overdue item. */
async function summariesOf(userId: string, itemId: string) {
  return (await summariesFor(userId)).filter((r) => (r.data.itemIds as string[]).includes(itemId));
}
async function tick(now: Date) {
  deps.clock.set(now);
  return runLedgerTick(deps, now);
}

describe('runLedgerTick: overdue items and escalation', () => {
  it('opens the unpaired item exactly after pairWithinDays and tells the class counselor only', async () => {
    const { t0, cohort } = startFresh();
    const world = await buildLedgerWorld(deps);
    const { caseId, graduate } = await world.addCase({ cohort, name: '张三' });

    await tick(at(t0, rules.pairWithinDays));
    expect(await itemsOf(caseId)).toEqual([]);
    expect(await noticesFor(world.counselor.id, caseId)).toEqual([]);

    await tick(at(t0, rules.pairWithinDays, MIN));
    const [item] = await itemsOf(caseId);
    expect(item).toMatchObject({ rule: 'unpaired', level: 0, dueAt: at(t0, rules.pairWithinDays) });
    const [notice] = await noticesFor(world.counselor.id, caseId);
    expect(notice).toMatchObject({
      kind: 'overdue',
      title: '【逾期】张三：一帮一结对今日逾期',
      data: { caseId, rule: 'unpaired', level: 0, dueAt: item!.dueAt.toISOString() },
    });
    expect(notice!.body).toContain(graduate.name);
    expect(await noticesFor(world.admin.id)).toEqual([]);
    // the helper is not paired with this graduate: nobody else hears of it
    expect(await noticesFor(world.helper.id, caseId)).toEqual([]);
  });

  it('escalates to the university admin, then the province, and a rerun at the same time is a no-op', async () => {
    const { t0, cohort } = startFresh();
    const world = await buildLedgerWorld(deps);
    const province = await buildOrg(deps, { kind: 'province_education', regionCode: '520000' });
    const provinceUser = await buildUser(deps, province, ['province_education']);
    const otherProvince = await buildUser(
      deps,
      await buildOrg(deps, { kind: 'province_education', regionCode: '530000' }),
      ['province_education'],
    );
    const { caseId } = await world.addCase({ cohort, name: '李四' });
    const due = rules.pairWithinDays;

    await tick(at(t0, due, MIN));
    const [opened] = await itemsOf(caseId);

    // still the staff's business on the last day before escalation
    await tick(at(t0, due + rules.escalateToUniversityDays));
    expect((await itemsOf(caseId)).find((i) => i.rule === 'unpaired')).toMatchObject({ level: 0 });
    expect(await noticesFor(world.admin.id)).toEqual([]);

    const toUniversity = at(t0, due + rules.escalateToUniversityDays, MIN);
    const first = await tick(toUniversity);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const unpaired = (await itemsOf(caseId)).find((i) => i.rule === 'unpaired')!;
    expect(unpaired).toMatchObject({ id: opened!.id, level: 1, escalatedAt: toUniversity });
    // the university admin gets the run's summary, which links to the overdue worklist rather than one case
    expect(await noticesFor(world.admin.id)).toEqual([
      expect.objectContaining({
        kind: 'escalation',
        caseId: null,
        title: '【逾期督办】本次有 1 项逾期事项升级至您处：未结对 1',
        data: { level: 1, count: 1, byRule: { unpaired: 1 }, itemIds: [opened!.id] },
        dedupeKey: `escalation:${world.admin.id}:1:${toUniversity.toISOString()}`,
        createdAt: toUniversity,
      }),
    ]);
    expect(await noticesFor(world.counselor.id, caseId)).toHaveLength(1);
    expect(await summariesOf(provinceUser.id, opened!.id)).toEqual([]);

    const again = await tick(toUniversity);
    expect(again).toEqual({ cases: again.cases, opened: 0, resolved: 0, escalated: 0, notified: 0 });
    expect(await noticesFor(world.admin.id)).toHaveLength(1);

    const toProvince = at(t0, due + rules.escalateToUniversityDays + rules.escalateToProvinceDays, MIN);
    await tick(toProvince);
    expect((await itemsOf(caseId)).find((i) => i.rule === 'unpaired')).toMatchObject({
      id: opened!.id,
      level: 2,
      escalatedAt: toProvince,
    });
    const provinceNotices = await summariesOf(provinceUser.id, opened!.id);
    expect(provinceNotices).toEqual([
      expect.objectContaining({ kind: 'escalation', caseId: null, createdAt: toProvince }),
    ]);
    expect(provinceNotices[0]!.data).toMatchObject({ level: 2 });
    expect(provinceNotices[0]!.title).toMatch(/^【逾期通报】本次有 \d+ 项逾期事项上报至您处：未结对 \d+/);
    expect(await summariesOf(otherProvince.id, opened!.id)).toEqual([]);
    // the admin heard of the unpaired item once, at level 1; the follow-up (due day 14) reached them this run
    const followUp = (await itemsOf(caseId)).find((i) => i.rule === 'follow_up')!;
    const adminNotices = await noticesFor(world.admin.id);
    expect(adminNotices.map((n) => n.data)).toEqual([
      { level: 1, count: 1, byRule: { unpaired: 1 }, itemIds: [opened!.id] },
      { level: 1, count: 1, byRule: { follow_up: 1 }, itemIds: [followUp.id] },
    ]);

    const rerun = await tick(toProvince);
    expect(rerun).toMatchObject({ opened: 0, resolved: 0, escalated: 0, notified: 0 });
    expect(await noticesFor(world.admin.id)).toHaveLength(2);
    expect(await summariesOf(provinceUser.id, opened!.id)).toHaveLength(1);
  });

  it('gives the university admin ONE summary for 30 cases escalating in one run, the staff one notice each', async () => {
    const { t0, cohort } = startFresh();
    const world = await buildLedgerWorld(deps);
    const cases: string[] = [];
    for (let i = 0; i < 30; i++) cases.push((await world.addCase({ cohort })).caseId);

    // first seen already at level 1 (the follow-up, due on day 14, is not yet overdue)
    const now = at(t0, rules.pairWithinDays + rules.escalateToUniversityDays, MIN);
    deps.clock.set(now);
    await runLedgerTick(deps, now, { batchSize: 7 });
    const itemIds = [];
    for (const caseId of cases) {
      const items = await itemsOf(caseId);
      expect(items).toEqual([expect.objectContaining({ rule: 'unpaired', level: 1, escalatedAt: now })]);
      itemIds.push(items[0]!.id);
    }

    const adminNotices = await noticesFor(world.admin.id);
    expect(adminNotices).toHaveLength(1);
    expect(adminNotices[0]).toMatchObject({
      kind: 'escalation',
      caseId: null,
      title: '【逾期督办】本次有 30 项逾期事项升级至您处：未结对 30',
      data: { level: 1, count: 30, byRule: { unpaired: 30 } },
    });
    expect([...(adminNotices[0]!.data.itemIds as string[])].sort()).toEqual(itemIds.sort());
    // level 0 stays per case: the counselor can open each one
    const counselorNotices = await noticesFor(world.counselor.id);
    expect(counselorNotices).toHaveLength(30);
    expect(new Set(counselorNotices.map((n) => n.caseId))).toEqual(new Set(cases));

    expect(await runLedgerTick(deps, now)).toMatchObject({ escalated: 0, notified: 0 });
    expect(await noticesFor(world.admin.id)).toHaveLength(1);
  });

  it('keeps the ids of the first 50 items in a summary and counts them all', () => {
    const ids = Array.from({ length: 80 }, (_, i) => `item-${i}`);
    const { title, body, data } = escalationMessage(2, { follow_up: 20, unpaired: 12, measure: 48 }, ids);
    expect(title).toBe('【逾期通报】本次有 80 项逾期事项上报至您处：未结对 12、跟踪逾期 20、举措逾期 48');
    expect(body).toContain(' / 80 overdue items newly reported to you');
    expect(data).toEqual({
      level: 2,
      count: 80,
      byRule: { unpaired: 12, follow_up: 20, measure: 48 },
      itemIds: ids.slice(0, 50),
    });
  });

  it('tells every level at once when an item is first seen already escalated, and batches do not matter', async () => {
    const { t0, cohort } = startFresh();
    const world = await buildLedgerWorld(deps);
    // a province of this test's own, so the province's summary counts only these cases
    const provinceUser = await buildUser(
      deps,
      await buildOrg(deps, { kind: 'province_education', regionCode: '510000' }),
      ['province_education'],
    );
    const cases = [];
    for (let i = 0; i < 5; i++) {
      cases.push((await world.addCase({ cohort, universityProvinceCode: '510000' })).caseId);
    }
    const late = at(
      t0,
      rules.pairWithinDays + rules.escalateToUniversityDays + rules.escalateToProvinceDays,
      MIN,
    );
    deps.clock.set(late);
    await runLedgerTick(deps, late, { batchSize: 2 });
    const unpaired: string[] = [];
    for (const caseId of cases) {
      const item = (await itemsOf(caseId)).find((i) => i.rule === 'unpaired');
      expect(item).toMatchObject({ level: 2, escalatedAt: late });
      unpaired.push(item!.id);
      expect((await noticesFor(world.counselor.id, caseId)).map((n) => n.data.rule)).toContain('unpaired');
    }
    // one summary per level, however the run was cut into batches: the admin's counts the unpaired items
    // (level 2 passes through 1) and the follow-ups (due day 14, now at level 1)
    const [adminSummary, ...moreAdmin] = await noticesFor(world.admin.id);
    expect(moreAdmin).toEqual([]);
    expect(adminSummary!.data).toMatchObject({ level: 1, count: 10, byRule: { unpaired: 5, follow_up: 5 } });
    expect(adminSummary!.data.itemIds).toEqual(expect.arrayContaining(unpaired));
    const [provinceSummary, ...moreProvince] = await noticesFor(provinceUser.id);
    expect(moreProvince).toEqual([]);
    expect(provinceSummary).toMatchObject({
      kind: 'escalation',
      title: '【逾期通报】本次有 5 项逾期事项上报至您处：未结对 5',
      data: { level: 2, count: 5, byRule: { unpaired: 5 } },
    });
    expect([...(provinceSummary!.data.itemIds as string[])].sort()).toEqual([...unpaired].sort());
    // a second pass in one big batch finds nothing to do
    expect(await runLedgerTick(deps, late)).toMatchObject({
      opened: 0,
      resolved: 0,
      escalated: 0,
      notified: 0,
    });
  });

  it('resolves the follow-up item when a follow-up is logged, and notifies the paired helper too', async () => {
    const { t0, cohort } = startFresh();
    const world = await buildLedgerWorld(deps);
    const { caseId, graduate } = await world.addCase({ cohort });
    await world.pair(graduate.id);

    const late = at(t0, rules.followUpEveryDays, MIN);
    await tick(late);
    const followUp = (await itemsOf(caseId)).find((i) => i.rule === 'follow_up');
    expect(followUp).toMatchObject({ level: 0 });
    expect((await itemsOf(caseId)).some((i) => i.rule === 'unpaired')).toBe(false);
    for (const user of [world.counselor, world.helper]) {
      expect((await noticesFor(user.id, caseId)).map((n) => n.data.rule)).toEqual(['follow_up']);
    }

    const counselor = await ctxOf(deps, world.counselor);
    const today = late.toISOString().slice(0, 10);
    await addFollowUp(deps, counselor, caseId, {
      date: today,
      method: 'phone',
      content: '电话了解求职情况',
      nextDue: null,
      private: false,
    });
    const result = await tick(at(t0, rules.followUpEveryDays, 2 * MIN));
    expect(result.resolved).toBeGreaterThanOrEqual(1);
    expect((await itemsOf(caseId)).some((i) => i.rule === 'follow_up')).toBe(false);
    const [closed] = (await itemsOf(caseId, false)).filter((i) => i.rule === 'follow_up');
    expect(closed!.resolvedAt).toEqual(at(t0, rules.followUpEveryDays, 2 * MIN));
  });

  it('resolves every open item of a case that is placed', async () => {
    const { t0, cohort } = startFresh();
    const world = await buildLedgerWorld(deps);
    const { caseId } = await world.addCase({ cohort });
    await tick(at(t0, rules.followUpEveryDays, MIN));
    expect((await itemsOf(caseId)).map((i) => i.rule).sort()).toEqual(['follow_up', 'unpaired']);
    await deps.database.db.update(ledgerCase).set({ status: 'placed' }).where(eq(ledgerCase.id, caseId));
    await tick(at(t0, rules.followUpEveryDays, 2 * MIN));
    expect(await itemsOf(caseId)).toEqual([]);
  });

  it('follows rules changed with setLedgerRules', async () => {
    const { t0, cohort } = startFresh();
    const world = await buildLedgerWorld(deps);
    const ministry = await buildUser(deps, await buildOrg(deps, { kind: 'ministry' }), ['ministry']);
    const ctx = await ctxOf(deps, ministry);
    const { caseId } = await world.addCase({ cohort });
    try {
      await setLedgerRules(deps, ctx, { ...rules, pairWithinDays: 2, escalateToUniversityDays: 1 });
      await tick(at(t0, 2));
      expect(await itemsOf(caseId)).toEqual([]);
      await tick(at(t0, 2, MIN));
      expect(await itemsOf(caseId)).toEqual([expect.objectContaining({ rule: 'unpaired', level: 0 })]);
      await tick(at(t0, 3, MIN));
      expect(await itemsOf(caseId)).toEqual([expect.objectContaining({ rule: 'unpaired', level: 1 })]);
      const [item] = await itemsOf(caseId);
      expect(await summariesOf(world.admin.id, item!.id)).toHaveLength(1);

      // relaxed again: the item follows its new deadline and is no longer overdue
      await setLedgerRules(deps, ctx, rules);
      await tick(at(t0, 3, 2 * MIN));
      expect(await itemsOf(caseId)).toEqual([]);
    } finally {
      await setLedgerRules(deps, ctx, rules);
    }
  });

  it('sends a handed-over case to the county HRSS bureau, then the province HRSS, then the ministry', async () => {
    const { t0, cohort } = startFresh();
    const world = await buildLedgerWorld(deps);
    const county = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526' });
    const countyUser = await buildUser(deps, county, ['county_hrss']);
    const otherCounty = await buildUser(
      deps,
      await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526' }),
      ['county_hrss'],
    );
    const provinceHrss = await buildUser(
      deps,
      await buildOrg(deps, { kind: 'province_hrss', regionCode: '520000' }),
      ['province_hrss'],
    );
    const ministry = await buildUser(deps, await buildOrg(deps, { kind: 'ministry' }), ['ministry']);
    const { caseId, graduate } = await world.addCase({ cohort });
    await world.pair(graduate.id);
    await deps.database.db
      .update(ledgerCase)
      .set({ stage: 'handed_over', holderOrgId: county.id, handedOverAt: t0 })
      .where(eq(ledgerCase.id, caseId));

    const due = rules.followUpEveryDays;
    await tick(at(t0, due, MIN));
    expect((await noticesFor(countyUser.id, caseId)).map((n) => n.data)).toEqual([
      expect.objectContaining({ rule: 'follow_up', level: 0, stage: 'handed_over' }),
    ]);
    expect(await noticesFor(world.counselor.id, caseId)).toEqual([]);
    expect(await noticesFor(world.helper.id, caseId)).toEqual([]);
    expect(await noticesFor(otherCounty.id, caseId)).toEqual([]);

    const [item] = await itemsOf(caseId);
    await tick(at(t0, due + rules.escalateToUniversityDays, MIN));
    expect((await summariesOf(provinceHrss.id, item!.id)).map((n) => n.data.level)).toEqual([1]);
    expect(await summariesOf(ministry.id, item!.id)).toEqual([]);
    expect(await noticesFor(world.admin.id)).toEqual([]);

    await tick(at(t0, due + rules.escalateToUniversityDays + rules.escalateToProvinceDays, MIN));
    expect((await summariesOf(ministry.id, item!.id)).map((n) => n.data.level)).toEqual([2]);
    expect(await summariesOf(provinceHrss.id, item!.id)).toHaveLength(1);
  });
});

describe('sendDailyDigest', () => {
  it('sends each staff user one digest a day, counting only the overdue items in their own scope', async () => {
    const { t0, cohort } = startFresh();
    const worldA = await buildLedgerWorld(deps, { className: '数学2101班' });
    const a1 = await worldA.addCase({ cohort });
    await worldA.addCase({ cohort });
    // a second class in the same college, kept by another counselor
    const counselorB = await buildUser(deps, worldA.college, ['counselor']);
    await deps.database.db
      .insert(counselorClass)
      .values({ userId: counselorB.id, collegeId: worldA.college.id, className: '数学2102班' });
    await worldA.addCase({ cohort, className: '数学2102班' });
    const idle = await buildUser(deps, worldA.college, ['counselor']);
    const employer = await buildUser(deps, await buildOrg(deps, { kind: 'employer' }), ['employer']);

    const now = at(t0, rules.followUpEveryDays, MIN);
    await tick(now);
    await worldA.pair(a1.graduate.id);
    await tick(at(t0, rules.followUpEveryDays, 2 * MIN));

    const first = await sendDailyDigest(deps, now);
    expect(first.notified).toBeGreaterThanOrEqual(3);
    const digestOf = async (userId: string) => (await noticesFor(userId)).filter((n) => n.kind === 'digest');
    // class 2101: two follow-ups overdue, one case still unpaired
    const [mine] = await digestOf(worldA.counselor.id);
    expect(mine!.data).toEqual({ date: mine!.data.date, total: 3, byRule: { unpaired: 1, follow_up: 2 } });
    expect(mine!.title).toContain('3 项逾期事项');
    expect((await digestOf(counselorB.id))[0]!.data).toMatchObject({
      total: 2,
      byRule: { unpaired: 1, follow_up: 1 },
    });
    expect((await digestOf(worldA.admin.id))[0]!.data).toMatchObject({ total: 5 });
    // the helper sees the one paired case: its follow-up is overdue
    expect((await digestOf(worldA.helper.id))[0]!.data).toMatchObject({ total: 1, byRule: { follow_up: 1 } });
    expect(await digestOf(idle.id)).toEqual([]);
    expect(await digestOf(employer.id)).toEqual([]);

    // later the same day (China time): nothing new
    expect((await sendDailyDigest(deps, at(t0, rules.followUpEveryDays, 10 * 60 * MIN))).notified).toBe(0);
    expect(await digestOf(worldA.counselor.id)).toHaveLength(1);
    // the next day: a new one
    await sendDailyDigest(deps, at(t0, rules.followUpEveryDays + 1));
    expect(await digestOf(worldA.counselor.id)).toHaveLength(2);
  });
});
