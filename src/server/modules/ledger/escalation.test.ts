import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_LEDGER_RULES } from '../../../domain/ledger/rules.ts';
import { counselorClass, ledgerCase, notification, overdueItem } from '../../db/schema/index.ts';
import { buildOrg, buildUser, ctxOf } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { addFollowUp } from './cases-write.service.ts';
import { runLedgerTick, sendDailyDigest } from './escalation.service.ts';
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
    expect(await noticesFor(world.admin.id, caseId)).toEqual([]);
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
    expect(await noticesFor(world.admin.id, caseId)).toEqual([]);

    const toUniversity = at(t0, due + rules.escalateToUniversityDays, MIN);
    const first = await tick(toUniversity);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const unpaired = (await itemsOf(caseId)).find((i) => i.rule === 'unpaired')!;
    expect(unpaired).toMatchObject({ id: opened!.id, level: 1, escalatedAt: toUniversity });
    const [adminNotice] = await noticesFor(world.admin.id, caseId);
    expect(adminNotice!.title).toBe(
      `【逾期督办】李四：一帮一结对已逾期 ${rules.escalateToUniversityDays} 天`,
    );
    expect(adminNotice!.data).toMatchObject({ rule: 'unpaired', level: 1 });
    expect(await noticesFor(world.counselor.id, caseId)).toHaveLength(1);
    expect(await noticesFor(provinceUser.id, caseId)).toEqual([]);

    const again = await tick(toUniversity);
    expect(again).toEqual({ cases: again.cases, opened: 0, resolved: 0, escalated: 0, notified: 0 });

    const toProvince = at(t0, due + rules.escalateToUniversityDays + rules.escalateToProvinceDays, MIN);
    await tick(toProvince);
    expect((await itemsOf(caseId)).find((i) => i.rule === 'unpaired')).toMatchObject({
      id: opened!.id,
      level: 2,
      escalatedAt: toProvince,
    });
    const provinceNotices = await noticesFor(provinceUser.id, caseId);
    expect(provinceNotices.map((n) => n.data)).toEqual([
      expect.objectContaining({ rule: 'unpaired', level: 2 }),
    ]);
    expect(provinceNotices[0]!.title).toBe('【逾期通报】李四：一帮一结对已逾期 10 天');
    expect(await noticesFor(otherProvince.id, caseId)).toEqual([]);
    // the admin heard of the unpaired item once, at level 1; the follow-up (due day 14) reached them as well
    const adminNotices = await noticesFor(world.admin.id, caseId);
    expect(adminNotices.map((n) => [n.data.rule, n.data.level]).sort()).toEqual([
      ['follow_up', 1],
      ['unpaired', 1],
    ]);

    const rerun = await tick(toProvince);
    expect(rerun).toMatchObject({ opened: 0, resolved: 0, escalated: 0, notified: 0 });
  });

  it('tells every level at once when an item is first seen already escalated, and batches do not matter', async () => {
    const { t0, cohort } = startFresh();
    const world = await buildLedgerWorld(deps);
    const provinceUser = await buildUser(
      deps,
      await buildOrg(deps, { kind: 'province_education', regionCode: '520000' }),
      ['province_education'],
    );
    const cases = [];
    for (let i = 0; i < 5; i++) cases.push((await world.addCase({ cohort })).caseId);
    const late = at(
      t0,
      rules.pairWithinDays + rules.escalateToUniversityDays + rules.escalateToProvinceDays,
      MIN,
    );
    deps.clock.set(late);
    await runLedgerTick(deps, late, { batchSize: 2 });
    for (const caseId of cases) {
      expect((await itemsOf(caseId)).find((i) => i.rule === 'unpaired')).toMatchObject({ level: 2 });
      for (const user of [world.counselor, world.admin, provinceUser]) {
        expect((await noticesFor(user.id, caseId)).map((n) => n.data.rule)).toContain('unpaired');
      }
    }
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
      expect(await noticesFor(world.admin.id, caseId)).toHaveLength(1);

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

    await tick(at(t0, due + rules.escalateToUniversityDays, MIN));
    expect((await noticesFor(provinceHrss.id, caseId)).map((n) => n.data.level)).toEqual([1]);
    expect(await noticesFor(world.admin.id, caseId)).toEqual([]);

    await tick(at(t0, due + rules.escalateToUniversityDays + rules.escalateToProvinceDays, MIN));
    expect((await noticesFor(ministry.id, caseId)).map((n) => n.data.level)).toEqual([2]);
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
