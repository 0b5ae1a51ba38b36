import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../domain/ledger/rules.ts';
import { auditEvent, caseEvent, helperPairing } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { buildOrg, ctxOf } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { siqingByUnit } from './cases-query.service.ts';
import {
  assign,
  getCoverage,
  listCasePairings,
  listHelpers,
  listPairedCases,
  listUnpairedCases,
  pairAllUnpaired,
  suggest,
} from './pairing.service.ts';
import { buildPairingUniversity } from './pairing-test-world.ts';

let deps: TTestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.close();
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const pairingsOf = (graduateId: string) =>
  deps.database.db
    .select()
    .from(helperPairing)
    .where(eq(helperPairing.graduateId, graduateId))
    .orderBy(asc(helperPairing.startedAt));

describe('suggest', () => {
  it('gives an unpaired leader one graduate first, then same college under the balanced cap, else the least loaded', async () => {
    const u = await buildPairingUniversity(deps);
    const leaderFree = await u.helper(u.uni, '王校长');
    const leaderBusy = await u.helper(u.uni, '李副校长');
    const cadre1 = await u.helper(u.c1, '计算机学院张书记');
    const cadre2 = await u.helper(u.c2, '农学院刘院长');
    const busy = await u.addCase(u.c1);
    await assign(deps, u.ctx, { pairs: [{ caseId: busy.caseId, helperUserId: leaderBusy.id }] });
    const inC1 = [await u.addCase(u.c1), await u.addCase(u.c1)];
    const inC2 = [];
    for (let i = 0; i < 5; i++) inC2.push(await u.addCase(u.c2));
    // not a candidate: another university's helper, a helper no longer active, a counselor
    const other = await buildPairingUniversity(deps, '530100');
    await other.helper(other.c1, '外校帮扶人');
    await u.deactivate((await u.helper(u.c1, '已离任')).id);
    await u.user(u.c1, ['counselor'], '辅导员');

    const s = await suggest(deps, u.ctx, {});
    expect(s.helperCount).toBe(4);
    expect(s.items.map((i) => i.caseId).sort()).toEqual([...inC1, ...inC2].map((c) => c.caseId).sort());
    const collegeOf = new Map([...inC1, ...inC2].map((c) => [c.caseId, c.graduate.collegeId]));
    const helperCollege = new Map([
      [cadre1.id, u.c1.id],
      [cadre2.id, u.c2.id],
    ]);
    // leader first: exactly one graduate for the leader who had none, none "leader first" for the busy one
    expect(s.items.filter((i) => i.reason === 'leader_first').map((i) => i.helperUserId)).toEqual([
      leaderFree.id,
    ]);
    expect(s.items.find((i) => i.reason === 'leader_first')!.helperIsLeader).toBe(true);
    // same college means the same college
    const same = s.items.filter((i) => i.reason === 'same_college');
    expect(same.length).toBeGreaterThan(0);
    for (const i of same) expect(helperCollege.get(i.helperUserId)).toBe(collegeOf.get(i.caseId));
    // 农学院 has 5 graduates and one cadre: the cadre takes the cap (2 of 8 over 4 helpers), the rest spill over
    expect(same.filter((i) => i.helperUserId === cadre2.id)).toHaveLength(2);
    expect(s.items.some((i) => i.reason === 'balance')).toBe(true);
    // balanced: with the existing pairing everyone ends at 2
    const load = new Map([[leaderBusy.id, 1]]);
    for (const i of s.items) load.set(i.helperUserId, (load.get(i.helperUserId) ?? 0) + 1);
    expect([...load.values()]).toEqual([2, 2, 2, 2]);
    // names for display
    const first = s.items.find((i) => i.helperUserId === cadre2.id)!;
    expect(first).toMatchObject({
      helperName: '农学院刘院长',
      helperCollegeName: '农学院',
      collegeName: '农学院',
    });
    // nothing written
    expect(await pairingsOf(inC2[0]!.graduate.id)).toEqual([]);
  });

  it('limits to the given cases or college and reports the ones left out', async () => {
    const u = await buildPairingUniversity(deps);
    const cadre = await u.helper(u.c1, '张书记');
    const a = await u.addCase(u.c1);
    const b = await u.addCase(u.c1);
    const c = await u.addCase(u.c2);
    await assign(deps, u.ctx, { pairs: [{ caseId: b.caseId, helperUserId: cadre.id }] });
    const bySelection = await suggest(deps, u.ctx, { caseIds: [a.caseId, b.caseId] });
    expect(bySelection.items.map((i) => i.caseId)).toEqual([a.caseId]);
    expect(bySelection.skipped).toBe(1);
    const byCollege = await suggest(deps, u.ctx, { collegeId: u.c2.id });
    expect(byCollege.items.map((i) => i.caseId)).toEqual([c.caseId]);
    // another university's cases are never suggested, even when asked for by id
    const other = await buildPairingUniversity(deps, '530100');
    const theirs = await other.addCase(other.c1);
    const foreign = await suggest(deps, u.ctx, { caseIds: [theirs.caseId] });
    expect(foreign).toMatchObject({ items: [], skipped: 1 });
  });

  it('suggests nothing when the university has no helper', async () => {
    const u = await buildPairingUniversity(deps);
    await u.addCase(u.c1);
    expect(await suggest(deps, u.ctx, {})).toEqual({ items: [], helperCount: 0, skipped: 0 });
  });
});

describe('assign', () => {
  it('pairs, reassigns keeping the ended pairing, and is a no-op for the same helper', async () => {
    const u = await buildPairingUniversity(deps);
    const first = await u.helper(u.c1, '张书记');
    const second = await u.helper(u.uni, '王校长');
    const { caseId, graduate } = await u.addCase(u.c1);

    expect(await assign(deps, u.ctx, { pairs: [{ caseId, helperUserId: first.id }] })).toEqual({
      assigned: 1,
      reassigned: 0,
      unchanged: 0,
    });
    deps.clock.advance(DAY_MS);
    const again = await assign(deps, u.ctx, {
      pairs: [{ caseId, helperUserId: second.id }],
      reason: '工作调整',
    });
    expect(again).toEqual({ assigned: 0, reassigned: 1, unchanged: 0 });
    const same = await assign(deps, u.ctx, { pairs: [{ caseId, helperUserId: second.id }] });
    expect(same).toEqual({ assigned: 0, reassigned: 0, unchanged: 1 });

    const rows = await pairingsOf(graduate.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      helperUserId: first.id,
      assignedBy: u.admin.id,
      endedBy: u.admin.id,
      endReason: '工作调整',
    });
    expect(rows[0]!.endedAt).toEqual(deps.clock.now());
    expect(rows[1]).toMatchObject({ helperUserId: second.id, endedAt: null, assignedBy: u.admin.id });

    const events = await deps.database.db
      .select()
      .from(caseEvent)
      .where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.kind, 'pairing')))
      .orderBy(asc(caseEvent.id));
    expect(events.map((e) => e.data)).toEqual([
      { helperUserId: first.id, helperName: '张书记', previousHelperName: null },
      { helperUserId: second.id, helperName: '王校长', previousHelperName: '张书记', reason: '工作调整' },
    ]);
    expect(events[1]!.actorName).toBe('就业中心');

    const audits = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorUserId, u.admin.id), eq(auditEvent.action, 'pairing.assign')))
      .orderBy(asc(auditEvent.id));
    // one per call that changed something; the no-op wrote nothing
    expect(audits).toHaveLength(2);
    expect(audits[1]!.after).toEqual([{ caseId, helperUserId: second.id, previousHelperUserId: first.id }]);
    expect(audits[1]!.reason).toBe('工作调整');

    const history = await listCasePairings(deps, u.ctx, caseId);
    expect(history.items.map((h) => [h.helperName, h.current, h.endReason, h.assignedByName])).toEqual([
      ['王校长', true, null, '就业中心'],
      ['张书记', false, '工作调整', '就业中心'],
    ]);
  });

  it('ends with "reassigned" when no reason is given and assigns many cases in one call', async () => {
    const u = await buildPairingUniversity(deps);
    const h1 = await u.helper(u.c1, '甲');
    const h2 = await u.helper(u.c2, '乙');
    const a = await u.addCase(u.c1);
    const b = await u.addCase(u.c2);
    await assign(deps, u.ctx, { pairs: [{ caseId: a.caseId, helperUserId: h1.id }] });
    const result = await assign(deps, u.ctx, {
      pairs: [
        { caseId: a.caseId, helperUserId: h2.id },
        { caseId: b.caseId, helperUserId: h2.id },
      ],
    });
    expect(result).toEqual({ assigned: 1, reassigned: 1, unchanged: 0 });
    const [ended] = await pairingsOf(a.graduate.id);
    expect(ended!.endReason).toBe('reassigned');
    const helpers = await listHelpers(deps, u.ctx);
    const byName = Object.fromEntries(helpers.items.map((h) => [h.name, h]));
    expect(byName.乙).toMatchObject({ load: 2, isLeader: false, collegeId: u.c2.id, collegeName: '农学院' });
    expect(byName.甲).toMatchObject({
      load: 0,
      isLeader: false,
      collegeId: u.c1.id,
      collegeName: '计算机学院',
    });
  });

  it('refuses helpers of another university, accounts without the helper role and inactive helpers', async () => {
    const u = await buildPairingUniversity(deps);
    const other = await buildPairingUniversity(deps, '530100');
    const { caseId, graduate } = await u.addCase(u.c1);
    const good = await u.helper(u.c1, '本校');
    const candidates = [
      await other.helper(other.uni, '外校校长'),
      await u.user(u.c1, ['counselor'], '辅导员'),
      await u.user(u.uni, ['university_admin'], '管理员'),
      await u.user(u.c1, ['helper'], '已离任', false),
    ];
    for (const bad of candidates) {
      const error = await rejection(
        assign(deps, u.ctx, {
          pairs: [
            { caseId, helperUserId: good.id },
            { caseId: (await u.addCase(u.c2)).caseId, helperUserId: bad.id },
          ],
        }),
      );
      expect(error.code).toBe('forbidden');
      expect(error.details).toMatchObject({ reason: 'helper_not_eligible', helperUserIds: [bad.id] });
    }
    // all or nothing: the valid pair of each refused call was not written either
    expect(await pairingsOf(graduate.id)).toEqual([]);
  });

  it('answers 404 for cases of another university and 403 for handed-over cases, writing nothing', async () => {
    const u = await buildPairingUniversity(deps);
    const other = await buildPairingUniversity(deps, '530100');
    const helper = await u.helper(u.c1, '张书记');
    const mine = await u.addCase(u.c1);
    const theirs = await other.addCase(other.c1);
    const notFound = await rejection(
      assign(deps, u.ctx, {
        pairs: [
          { caseId: mine.caseId, helperUserId: helper.id },
          { caseId: theirs.caseId, helperUserId: helper.id },
        ],
      }),
    );
    expect(notFound.code).toBe('not_found');
    expect(notFound.details).toEqual({ caseIds: [theirs.caseId] });

    const county = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526' });
    const gone = await u.addCase(u.c1);
    await u.setCase(gone.caseId, {
      stage: 'handed_over',
      holderOrgId: county.id,
      handedOverAt: deps.clock.now(),
    });
    const handed = await rejection(
      assign(deps, u.ctx, {
        pairs: [
          { caseId: mine.caseId, helperUserId: helper.id },
          { caseId: gone.caseId, helperUserId: helper.id },
        ],
      }),
    );
    expect(handed.code).toBe('forbidden');
    expect(handed.details).toEqual({ reason: 'handed_over' });
    expect(await pairingsOf(mine.graduate.id)).toEqual([]);

    const dup = await rejection(
      assign(deps, u.ctx, {
        pairs: [
          { caseId: mine.caseId, helperUserId: helper.id },
          { caseId: mine.caseId, helperUserId: helper.id },
        ],
      }),
    );
    expect(dup.code).toBe('validation_error');
  });

  it('is for university admins only', async () => {
    const u = await buildPairingUniversity(deps);
    const { caseId } = await u.addCase(u.c1);
    const helper = await u.helper(u.c1, '张书记');
    const counselor = await u.user(u.c1, ['counselor'], '辅导员');
    const ctx = await ctxOf(deps, counselor);
    expect((await rejection(assign(deps, ctx, { pairs: [{ caseId, helperUserId: helper.id }] }))).code).toBe(
      'forbidden',
    );
    expect((await rejection(getCoverage(deps, ctx, {}))).code).toBe('forbidden');
  });
});

describe('coverage and the unpaired list', () => {
  it('counts school-stage cases, paired, unpaired and overdue per college, and leaders without a graduate', async () => {
    const u = await buildPairingUniversity(deps);
    const leader = await u.helper(u.uni, '王校长');
    const idle = await u.helper(u.uni, '赵副校长');
    const cadre = await u.helper(u.c1, '张书记');
    const early = [await u.addCase(u.c1), await u.addCase(u.c2)];
    deps.clock.advance(8 * DAY_MS);
    const c1Cases = [await u.addCase(u.c1), await u.addCase(u.c1)];
    const placed = await u.addCase(u.c2);
    await u.setCase(placed.caseId, { status: 'placed' });
    const county = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526' });
    const gone = await u.addCase(u.c2);
    await u.setCase(gone.caseId, { stage: 'handed_over', holderOrgId: county.id });
    await u.addCase(u.c1, { cohort: 2021 });
    await assign(deps, u.ctx, {
      pairs: [
        { caseId: c1Cases[0]!.caseId, helperUserId: cadre.id },
        { caseId: early[1]!.caseId, helperUserId: leader.id },
      ],
    });
    // a leader whose graduate was reassigned away has paired before but has nobody now
    await assign(deps, u.ctx, { pairs: [{ caseId: c1Cases[1]!.caseId, helperUserId: idle.id }] });
    await assign(deps, u.ctx, { pairs: [{ caseId: c1Cases[1]!.caseId, helperUserId: cadre.id }] });

    const all = await getCoverage(deps, u.ctx, { cohort: 2020 });
    // 5 school-stage cases of 2020 (the handed-over one and the 2021 one do not count); placed needs no helper
    expect(all).toMatchObject({ cases: 5, paired: 3, unpaired: 1, unpairedOverdue: 1, pairWithinDays: 7 });
    expect(all.leaderCount).toBe(2);
    expect(all.helperCount).toBe(3);
    expect(all.leadersWithoutGraduate).toEqual([{ userId: idle.id, name: '赵副校长', everPaired: true }]);
    const byCollege = Object.fromEntries(all.colleges.map((c) => [c.collegeName, c]));
    expect(byCollege.计算机学院).toMatchObject({ collegeId: u.c1.id, cases: 3, paired: 2, unpaired: 1 });
    expect(byCollege.农学院).toMatchObject({ collegeId: u.c2.id, cases: 2, paired: 1, unpaired: 0 });
    expect((await getCoverage(deps, u.ctx, {})).cases).toBe(6);

    const page = await listUnpairedCases(deps, u.ctx, { page: 1, pageSize: 20, cohort: 2020 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      caseId: early[0]!.caseId,
      collegeName: '计算机学院',
      className: '2001班',
      daysOpen: 8,
      overdue: true,
    });
  });

  it('adds up: cases = paired + to pair + no helper needed, helper loads = paired, 四清 = cases + handed over', async () => {
    const u = await buildPairingUniversity(deps, '520300');
    const leader = await u.helper(u.uni, '钱校长');
    const cadre = await u.helper(u.c1, '孙书记');
    const county = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526' });
    const [active, placed, _open, paused, gone] = [
      await u.addCase(u.c1),
      await u.addCase(u.c1),
      await u.addCase(u.c2),
      await u.addCase(u.c2),
      await u.addCase(u.c2),
    ];
    const later = await u.addCase(u.c1, { cohort: 2021 });
    await assign(deps, u.ctx, {
      pairs: [
        { caseId: active.caseId, helperUserId: cadre.id },
        { caseId: placed.caseId, helperUserId: leader.id },
        { caseId: gone.caseId, helperUserId: leader.id },
        { caseId: later.caseId, helperUserId: cadre.id },
      ],
    });
    await u.setCase(placed.caseId, { status: 'placed', destinationCode: '10' });
    await u.setCase(paused.caseId, { status: 'paused' });
    // handed over with its pairing still on record: the county bureau's case now, nobody's load here
    await u.setCase(gone.caseId, { stage: 'handed_over', holderOrgId: county.id });

    for (const cohort of [2020, undefined]) {
      const c = await getCoverage(deps, u.ctx, { cohort });
      expect(c.cases, `cohort ${cohort}`).toBe(c.paired + c.unpaired + c.notNeeded);
      const loads = (await listHelpers(deps, u.ctx, { cohort })).items.reduce((n, h) => n + h.load, 0);
      expect(loads, `cohort ${cohort}`).toBe(c.paired);
      const siqing = await siqingByUnit(deps, u.ctx, { groupBy: 'university', cohort });
      expect(siqing.find((r) => r.code === u.uni.id)!.total, `cohort ${cohort}`).toBe(c.cases + c.handedOver);
    }
    expect(await getCoverage(deps, u.ctx, { cohort: 2020 })).toMatchObject({
      cases: 4,
      paired: 2,
      unpaired: 1,
      notNeeded: 1,
      handedOver: 1,
    });
    expect((await getCoverage(deps, u.ctx, {})).paired).toBe(3);
  });

  it('pages, searches by name or student number and filters by college', async () => {
    const u = await buildPairingUniversity(deps);
    const a = await u.addCase(u.c1, { name: '张三' });
    deps.clock.advance(1000);
    const b = await u.addCase(u.c1, { name: '李四' });
    deps.clock.advance(1000);
    const c = await u.addCase(u.c2, { name: '王五' });
    const first = await listUnpairedCases(deps, u.ctx, { page: 1, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((i) => i.caseId)).toEqual([a.caseId, b.caseId]);
    const second = await listUnpairedCases(deps, u.ctx, { page: 2, pageSize: 2 });
    expect(second.items.map((i) => i.caseId)).toEqual([c.caseId]);
    const byName = await listUnpairedCases(deps, u.ctx, { page: 1, pageSize: 20, q: '李' });
    expect(byName.items.map((i) => i.caseId)).toEqual([b.caseId]);
    const byNo = await listUnpairedCases(deps, u.ctx, { page: 1, pageSize: 20, q: c.graduate.studentNo! });
    expect(byNo.items.map((i) => i.caseId)).toEqual([c.caseId]);
    const byCollege = await listUnpairedCases(deps, u.ctx, { page: 1, pageSize: 20, collegeId: u.c2.id });
    expect(byCollege.items.map((i) => i.name)).toEqual(['王五']);
  });
});

describe('the paired list', () => {
  it('shows each paired case with its current helper, filtered by helper, for reassignment', async () => {
    const u = await buildPairingUniversity(deps);
    const h1 = await u.helper(u.c1, '甲');
    const h2 = await u.helper(u.c2, '乙');
    const a = await u.addCase(u.c1, { name: '张三' });
    const b = await u.addCase(u.c2, { name: '李四' });
    await u.addCase(u.c2, { name: '王五' });
    await assign(deps, u.ctx, {
      pairs: [
        { caseId: a.caseId, helperUserId: h1.id },
        { caseId: b.caseId, helperUserId: h1.id },
      ],
    });
    await assign(deps, u.ctx, { pairs: [{ caseId: b.caseId, helperUserId: h2.id }] });
    const all = await listPairedCases(deps, u.ctx, { page: 1, pageSize: 20 });
    expect(all.total).toBe(2);
    expect(Object.fromEntries(all.items.map((i) => [i.name, i.helperName]))).toEqual({
      张三: '甲',
      李四: '乙',
    });
    const ofH2 = await listPairedCases(deps, u.ctx, { page: 1, pageSize: 20, helperUserId: h2.id });
    expect(ofH2.items.map((i) => [i.caseId, i.collegeName])).toEqual([[b.caseId, '农学院']]);
    expect(ofH2.items[0]!.pairedAt).toBe(deps.clock.now().toISOString());
  });
});

describe('pairAllUnpaired', () => {
  it('pairs every unpaired case of the university, every leader at least once', async () => {
    const u = await buildPairingUniversity(deps);
    const leaders = [await u.helper(u.uni, '王校长'), await u.helper(u.uni, '李副校长')];
    await u.helper(u.c1, '张书记');
    await u.helper(u.c2, '刘院长');
    for (let i = 0; i < 7; i++) await u.addCase(i % 2 ? u.c1 : u.c2);
    const other = await buildPairingUniversity(deps, '530100');
    await other.addCase(other.c1);
    await other.helper(other.c1, '外校');

    expect(await pairAllUnpaired(deps, u.ctx, u.uni.id)).toEqual({
      assigned: 7,
      reassigned: 0,
      unchanged: 0,
    });
    const coverage = await getCoverage(deps, u.ctx, {});
    expect(coverage).toMatchObject({ cases: 7, paired: 7, unpaired: 0, leadersWithoutGraduate: [] });
    const loads = (await listHelpers(deps, u.ctx)).items;
    for (const l of leaders) expect(loads.find((h) => h.userId === l.id)!.load).toBeGreaterThanOrEqual(1);
    expect(Math.max(...loads.map((h) => h.load)) - Math.min(...loads.map((h) => h.load))).toBeLessThanOrEqual(
      1,
    );
    // the other university is untouched, and its admin's ctx cannot be used for this one
    expect((await getCoverage(deps, other.ctx, {})).paired).toBe(0);
    expect((await rejection(pairAllUnpaired(deps, other.ctx, u.uni.id))).code).toBe('forbidden');
    expect(await pairAllUnpaired(deps, u.ctx, u.uni.id)).toEqual({
      assigned: 0,
      reassigned: 0,
      unchanged: 0,
    });
  });
});
