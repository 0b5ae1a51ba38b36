import { DEFAULT_LEDGER_RULES, leavingDate } from './rules.ts';

/**
 * The latest cohort that has left school by `now` (its leaving day, by default 30 June, is over): the cohort
 * whose 离校未就业 season is under way, the one the demo shows and the handover page opens on.
 */
export function latestLeftCohort(now: Date, leavingMonthDay = DEFAULT_LEDGER_RULES.leavingMonthDay): number {
  const rules = { ...DEFAULT_LEDGER_RULES, leavingMonthDay };
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  return now > leavingDate(year, rules) ? year : year - 1;
}
