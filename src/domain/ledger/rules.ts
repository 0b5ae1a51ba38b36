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
  leavingMonthDay: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
    .refine(
      isEveryYearDate,
      '每年都存在的日期（不能是 2 月 29 日）/ a date every year has (not 29 February)',
    ),
  /** an overdue item escalates to the university admin after this many days */
  escalateToUniversityDays: z.number().int().min(0).max(90),
  /** …and to the province after this many more days */
  escalateToProvinceDays: z.number().int().min(0).max(90),
});
export type TLedgerRules = z.infer<typeof ZLedgerRules>;

/** MM-DD that exists in every year: leap days and 30/31 February etc. would roll over or fail in SQL. */
function isEveryYearDate(md: string): boolean {
  const [m, d] = md.split('-').map(Number) as [number, number];
  return d <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

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
  // read for every case of every worklist page: parse each (cohort, day) once, hand out copies
  const key = `${cohort}-${rules.leavingMonthDay}`;
  let ms = leavingMs.get(key);
  if (ms === undefined) {
    ms = new Date(`${key}T23:59:59+08:00`).getTime();
    if (leavingMs.size > 1000) leavingMs.clear();
    leavingMs.set(key, ms);
  }
  return new Date(ms);
}
const leavingMs = new Map<string, number>();

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}
