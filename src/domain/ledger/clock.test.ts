import { describe, expect, it } from 'vitest';
import { dueItems, escalationLevel, evaluateSiqing, type TCaseDates } from './clock.ts';
import { DAY_MS, leavingDate, DEFAULT_LEDGER_RULES as R, ZLedgerRules } from './rules.ts';

const NOW = new Date('2020-06-01T04:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const base: TCaseDates = {
  cohort: 2020,
  status: 'seeking',
  stage: 'school',
  openedAt: ago(3),
  intention: null,
  needsConfirmedAt: null,
  profileVerifiedAt: null,
  hasPhone: true,
  lastMeasureAt: null,
  lastContactAt: null,
  nextFollowUpDue: null,
  progressUpdatedAt: null,
  destinationCode: null,
  pairedAt: null,
};

describe('四清', () => {
  it('人员底数清 needs a verified profile and a phone on file', () => {
    expect(evaluateSiqing(base, R, NOW).profile).toMatchObject({ ok: false, reason: 'profile_unverified' });
    const verified = { ...base, profileVerifiedAt: ago(1) };
    expect(evaluateSiqing(verified, R, NOW).profile.ok).toBe(true);
    expect(evaluateSiqing({ ...verified, hasPhone: false }, R, NOW).profile.reason).toBe('no_phone');
  });

  it('就业需求清 expires after the needs period, to the day', () => {
    const c = { ...base, intention: 'employment' as const };
    expect(evaluateSiqing(c, R, NOW).needs.reason).toBe('needs_missing');
    expect(evaluateSiqing({ ...c, needsConfirmedAt: ago(R.needsPeriodDays) }, R, NOW).needs.ok).toBe(true);
    const stale = evaluateSiqing({ ...c, needsConfirmedAt: ago(R.needsPeriodDays + 0.01) }, R, NOW).needs;
    expect(stale).toMatchObject({ ok: false, reason: 'needs_stale' });
  });

  it('帮扶举措清 and 求职进展清 apply while seeking; a placed graduate is clear', () => {
    const s = evaluateSiqing({ ...base, lastMeasureAt: ago(40), progressUpdatedAt: ago(5) }, R, NOW);
    expect(s.measures).toMatchObject({ ok: false, reason: 'measure_stale' });
    expect(s.progress.ok).toBe(true);
    const placed = evaluateSiqing({ ...base, destinationCode: '10' }, R, NOW);
    expect([placed.needs.reason, placed.measures.reason, placed.progress.reason]).toEqual([
      'placed',
      'placed',
      'placed',
    ]);
    // 70 待就业 is not a placement
    expect(evaluateSiqing({ ...base, destinationCode: '70' }, R, NOW).measures.reason).toBe('no_measure');
    expect(evaluateSiqing({ ...base, status: 'paused' }, R, NOW).measures).toMatchObject({
      ok: true,
      reason: 'inactive',
    });
  });
});

describe('due items', () => {
  it('an unpaired case is due for pairing pairWithinDays after opening', () => {
    const items = dueItems({ ...base, openedAt: ago(R.pairWithinDays + 1) }, R, NOW);
    expect(items.find((i) => i.rule === 'unpaired')).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(dueItems({ ...base, pairedAt: ago(1) }, R, NOW).some((i) => i.rule === 'unpaired')).toBe(false);
  });

  it('a case handed over to the county bureau is no longer due for 一帮一 pairing', () => {
    const handed = { ...base, stage: 'handed_over' as const, openedAt: ago(R.pairWithinDays + 30) };
    const rules = dueItems(handed, R, NOW).map((i) => i.rule);
    expect(rules).not.toContain('unpaired');
    expect(rules).toContain('follow_up'); // the bureau still follows up
  });

  it('follow-up is due at the earlier of the agreed date and the cadence', () => {
    const contacted = { ...base, lastContactAt: ago(2) };
    const cadence = dueItems(contacted, R, NOW).find((i) => i.rule === 'follow_up')!;
    expect(cadence.dueAt.getTime()).toBe(ago(2 - R.followUpEveryDays).getTime());
    const agreed = ago(-3);
    const withDate = dueItems({ ...contacted, nextFollowUpDue: agreed }, R, NOW).find(
      (i) => i.rule === 'follow_up',
    );
    expect(withDate!.dueAt).toEqual(agreed);
  });

  it('needs must be reconfirmed within the period before the leaving date', () => {
    const leaving = leavingDate(2020, R);
    expect(leaving.toISOString()).toBe('2020-06-30T15:59:59.000Z');
    const early = {
      ...base,
      needsConfirmedAt: new Date(leaving.getTime() - (R.needsPeriodDays + 1) * DAY_MS),
    };
    expect(dueItems(early, R, NOW).find((i) => i.rule === 'needs')!.dueAt).toEqual(leaving);
    const recent = { ...base, needsConfirmedAt: new Date(leaving.getTime() - 2 * DAY_MS) };
    expect(dueItems(recent, R, NOW).some((i) => i.rule === 'needs')).toBe(false);
  });

  it('no due date falls before the case was opened, whenever its cohort left', () => {
    // a case of the 2019 cohort opened today: needs are due a period from opening, not on 30 June 2019
    const late = { ...base, cohort: 2019, openedAt: ago(0), nextFollowUpDue: ago(400) };
    const items = dueItems(late, R, NOW);
    expect(items.map((i) => i.rule).sort()).toEqual(['follow_up', 'measure', 'needs', 'unpaired']);
    for (const i of items) {
      expect(i.dueAt.getTime(), i.rule).toBeGreaterThanOrEqual(late.openedAt.getTime());
      expect(i.overdue, i.rule).toBe(false);
    }
    expect(items.find((i) => i.rule === 'needs')!.dueAt).toEqual(ago(-R.needsPeriodDays));
    // confirmed since opening counts for such a case
    expect(dueItems({ ...late, needsConfirmedAt: ago(0) }, R, NOW).some((i) => i.rule === 'needs')).toBe(
      false,
    );
  });

  it('only seeking, unplaced cases have anything due, most overdue first', () => {
    expect(dueItems({ ...base, status: 'closed' }, R, NOW)).toEqual([]);
    expect(dueItems({ ...base, destinationCode: '27' }, R, NOW)).toEqual([]);
    const items = dueItems({ ...base, openedAt: ago(40) }, R, NOW);
    expect(items.map((i) => i.dueAt.getTime())).toEqual([...items.map((i) => i.dueAt.getTime())].sort());
  });

  it('escalates to the university then the province after the set delays', () => {
    const due = ago(0);
    const at = (days: number) => new Date(due.getTime() + days * DAY_MS);
    expect(escalationLevel(due, at(R.escalateToUniversityDays), R)).toBe(0);
    expect(escalationLevel(due, at(R.escalateToUniversityDays + 0.1), R)).toBe(1);
    expect(escalationLevel(due, at(R.escalateToUniversityDays + R.escalateToProvinceDays), R)).toBe(1);
    expect(escalationLevel(due, at(R.escalateToUniversityDays + R.escalateToProvinceDays + 0.1), R)).toBe(2);
  });
});

describe('rules', () => {
  it('accept only a leaving date every year has', () => {
    const ok = (md: string) => ZLedgerRules.safeParse({ ...R, leavingMonthDay: md }).success;
    expect([ok('06-30'), ok('02-28'), ok('12-31')]).toEqual([true, true, true]);
    expect([ok('02-29'), ok('02-30'), ok('04-31'), ok('13-01'), ok('6-30')]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
