import type { TCaseStage, TCaseStatus, TIntention } from './codes.ts';
import { isEmployedDestination } from './codes.ts';
import { DAY_MS, leavingDate, type TLedgerRules } from './rules.ts';

/**
 * The ledger's clock, as pure functions over a case's dates: the 四清 flags and the overdue items that drive
 * worklists and escalation. The SQL in the server's ledger repo computes the same due dates for sorting and
 * counting; ledger-clock tests hold the two together.
 */
export type TCaseDates = {
  cohort: number;
  status: TCaseStatus;
  /** at school, or handed over to the county HRSS bureau (一帮一 pairing is the university's duty only) */
  stage: TCaseStage;
  openedAt: Date;
  intention: TIntention | null;
  needsConfirmedAt: Date | null;
  profileVerifiedAt: Date | null;
  hasPhone: boolean;
  lastMeasureAt: Date | null;
  lastContactAt: Date | null;
  nextFollowUpDue: Date | null;
  progressUpdatedAt: Date | null;
  destinationCode: string | null;
  /** start of the current 一帮一 pairing, null when unpaired */
  pairedAt: Date | null;
};

/** Why a 四清 flag is (not) clear; labels in i18n `siqingReason.<code>`. */
export type TSiqingReason =
  | 'ok'
  | 'placed'
  | 'inactive'
  | 'profile_unverified'
  | 'no_phone'
  | 'needs_missing'
  | 'needs_stale'
  | 'no_measure'
  | 'measure_stale'
  | 'no_progress'
  | 'progress_stale';

export type TSiqingFlag = {
  ok: boolean;
  reason: TSiqingReason /** the date the rule looked at */;
  at: Date | null;
};
export type TSiqing = {
  profile: TSiqingFlag;
  needs: TSiqingFlag;
  measures: TSiqingFlag;
  progress: TSiqingFlag;
};
export const SIQING_KEYS = ['profile', 'needs', 'measures', 'progress'] as const;

const within = (at: Date | null, days: number, now: Date) =>
  at !== null && now.getTime() - at.getTime() <= days * DAY_MS;

/** A case needs active help while seeking; placed, paused and closed cases have nothing to be late on. */
export function isActive(c: Pick<TCaseDates, 'status' | 'destinationCode'>): boolean {
  return c.status === 'seeking' && !isEmployedDestination(c.destinationCode);
}

/**
 * 四清 for one case:
 * 人员底数清 — profile verified and a contact phone on file;
 * 就业需求清 — intention recorded and confirmed within `needsPeriodDays`;
 * 帮扶举措清 — a measure within `measurePeriodDays` while not placed;
 * 求职进展清 — progress updated within `progressPeriodDays`, or a destination recorded.
 */
export function evaluateSiqing(c: TCaseDates, rules: TLedgerRules, now: Date): TSiqing {
  const placed = isEmployedDestination(c.destinationCode) || c.status === 'placed';
  const active = isActive(c);
  const profile: TSiqingFlag = !c.profileVerifiedAt
    ? { ok: false, reason: 'profile_unverified', at: null }
    : !c.hasPhone
      ? { ok: false, reason: 'no_phone', at: c.profileVerifiedAt }
      : { ok: true, reason: 'ok', at: c.profileVerifiedAt };
  const needs: TSiqingFlag =
    placed || !c.intention
      ? placed
        ? { ok: true, reason: 'placed', at: null }
        : { ok: false, reason: 'needs_missing', at: null }
      : within(c.needsConfirmedAt, rules.needsPeriodDays, now)
        ? { ok: true, reason: 'ok', at: c.needsConfirmedAt }
        : { ok: false, reason: c.needsConfirmedAt ? 'needs_stale' : 'needs_missing', at: c.needsConfirmedAt };
  const measures: TSiqingFlag = !active
    ? { ok: true, reason: placed ? 'placed' : 'inactive', at: c.lastMeasureAt }
    : within(c.lastMeasureAt, rules.measurePeriodDays, now)
      ? { ok: true, reason: 'ok', at: c.lastMeasureAt }
      : { ok: false, reason: c.lastMeasureAt ? 'measure_stale' : 'no_measure', at: c.lastMeasureAt };
  const progress: TSiqingFlag = placed
    ? { ok: true, reason: 'placed', at: c.progressUpdatedAt }
    : !active
      ? { ok: true, reason: 'inactive', at: c.progressUpdatedAt }
      : within(c.progressUpdatedAt, rules.progressPeriodDays, now)
        ? { ok: true, reason: 'ok', at: c.progressUpdatedAt }
        : {
            ok: false,
            reason: c.progressUpdatedAt ? 'progress_stale' : 'no_progress',
            at: c.progressUpdatedAt,
          };
  return { profile, needs, measures, progress };
}

/** Overdue-item rules; labels in i18n `overdueRule.<code>`. */
export const OVERDUE_RULES = ['unpaired', 'follow_up', 'measure', 'needs'] as const;
export type TOverdueRule = (typeof OVERDUE_RULES)[number];
export type TDueItem = { rule: TOverdueRule; dueAt: Date; overdue: boolean; daysOverdue: number };

/**
 * The service-level due dates of one case (only active ones have any):
 * unpaired — a helper within `pairWithinDays` of opening, while the case is at school (after handover the
 *   county bureau serves the graduate and university helpers no longer pair);
 * follow_up — the earlier of the recorded next-follow-up date and last contact (or opening) + `followUpEveryDays`;
 * measure — last measure (or opening) + `measurePeriodDays`;
 * needs — reconfirmed within `needsPeriodDays` before the cohort leaves school; due on the leaving date, or
 *   `needsPeriodDays` after opening for a case opened after the cohort left (confirmed since opening).
 * No due date falls before the case was opened: a case opened today is not years late on anything.
 * Sorted most overdue first.
 */
export function dueItems(c: TCaseDates, rules: TLedgerRules, now: Date): TDueItem[] {
  if (!isActive(c)) return [];
  const items: { rule: TOverdueRule; dueAt: Date }[] = [];
  if (!c.pairedAt && c.stage === 'school')
    items.push({ rule: 'unpaired', dueAt: plus(c.openedAt, rules.pairWithinDays) });
  const cadence = plus(c.lastContactAt ?? c.openedAt, rules.followUpEveryDays);
  const followUp = c.nextFollowUpDue && c.nextFollowUpDue < cadence ? c.nextFollowUpDue : cadence;
  // an agreed date entered before the case was opened (a back-dated follow-up) is due at opening, not before
  items.push({ rule: 'follow_up', dueAt: new Date(Math.max(followUp.getTime(), c.openedAt.getTime())) });
  items.push({ rule: 'measure', dueAt: plus(c.lastMeasureAt ?? c.openedAt, rules.measurePeriodDays) });
  const needsDue = needsDueAt(c, rules);
  const confirmed =
    c.needsConfirmedAt !== null &&
    c.needsConfirmedAt.getTime() >= needsDue.getTime() - rules.needsPeriodDays * DAY_MS;
  if (!confirmed) items.push({ rule: 'needs', dueAt: needsDue });
  // built field by field: `{ ...i, overdue }` costs ≈1 µs per object on Node 20, and this runs per row of
  // every worklist page
  return items
    .map((i): TDueItem => {
      const late = now.getTime() - i.dueAt.getTime();
      return {
        rule: i.rule,
        dueAt: i.dueAt,
        overdue: late > 0,
        daysOverdue: late > 0 ? Math.floor(late / DAY_MS) : 0,
      };
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** Needs are due on the leaving date; a case opened after it (its cohort had left) gets a full period from opening. */
function needsDueAt(c: TCaseDates, rules: TLedgerRules): Date {
  const leaving = leavingDate(c.cohort, rules);
  return c.openedAt > leaving ? plus(c.openedAt, rules.needsPeriodDays) : leaving;
}

/** The instant `days` days after `d`. (Module level: a named closure inside a hot function costs a property
 * definition per call under tsx, which keeps function names.) */
function plus(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** 0 = the staff member, 1 = the university admin, 2 = the province, by days overdue. */
export function escalationLevel(dueAt: Date, now: Date, rules: TLedgerRules): 0 | 1 | 2 {
  const days = (now.getTime() - dueAt.getTime()) / DAY_MS;
  if (days > rules.escalateToUniversityDays + rules.escalateToProvinceDays) return 2;
  if (days > rules.escalateToUniversityDays) return 1;
  return 0;
}
