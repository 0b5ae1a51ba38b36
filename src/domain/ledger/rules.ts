import { z } from 'zod';

/**
 * Service-level rules of the ledger (the "zero-gap clock"), configurable by the ministry. Defaults follow the
 * notice's practice: pair within a week of import, follow up at least every two weeks, reconfirm needs before
 * leaving school, and the 四清 periods.
 */
export const ZLedgerRules = z.object({
  /** a target graduate must have a helper (一帮一) within this many days of the case opening */
  pairWithinDays: z.number().int().min(1).max(90),
  /** follow up (跟踪服务) at least this often */
  followUpEveryDays: z.number().int().min(1).max(90),
  /** 就业需求清: intention and needs confirmed within this many days */
  needsPeriodDays: z.number().int().min(1).max(365),
  /** 帮扶举措清: a measure within this many days while not placed */
  measurePeriodDays: z.number().int().min(1).max(365),
  /** 求职进展清: progress updated within this many days while not placed */
  progressPeriodDays: z.number().int().min(1).max(365),
  /** the cohort leaves school on this month-day of its year (MM-DD); needs must be reconfirmed before it */
  leavingMonthDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
  /** an overdue item escalates to the university admin after this many days */
  escalateToUniversityDays: z.number().int().min(0).max(90),
  /** …and to the province after this many more days */
  escalateToProvinceDays: z.number().int().min(0).max(90),
});
export type TLedgerRules = z.infer<typeof ZLedgerRules>;

export const DEFAULT_LEDGER_RULES: TLedgerRules = {
  pairWithinDays: 7,
  followUpEveryDays: 14,
  needsPeriodDays: 30,
  measurePeriodDays: 30,
  progressPeriodDays: 30,
  leavingMonthDay: '06-30',
  escalateToUniversityDays: 3,
  escalateToProvinceDays: 7,
};

export const DAY_MS = 86_400_000;

/** The end of the cohort's last day at school (UTC+8 end of day, as an instant). */
export function leavingDate(cohort: number, rules: TLedgerRules): Date {
  return new Date(`${cohort}-${rules.leavingMonthDay}T23:59:59+08:00`);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}
