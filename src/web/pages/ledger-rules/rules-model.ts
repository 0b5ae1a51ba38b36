import { type TLedgerRules, ZLedgerRules } from '../../../domain/ledger/rules.ts';

export type TRuleKey = keyof TLedgerRules;
export type TDayRuleKey = Exclude<TRuleKey, 'leavingMonthDay'>;

/** The form's sections, in order; every rule appears once. */
export const RULE_SECTIONS: { key: 'service' | 'siqing' | 'leaving' | 'escalation'; fields: TRuleKey[] }[] = [
  { key: 'service', fields: ['pairWithinDays', 'followUpEveryDays'] },
  { key: 'siqing', fields: ['needsPeriodDays', 'measurePeriodDays', 'progressPeriodDays'] },
  { key: 'leaving', fields: ['leavingMonthDay'] },
  { key: 'escalation', fields: ['escalateToUniversityDays', 'escalateToProvinceDays'] },
];

/** The bounds the shared schema puts on a day count. */
export function dayBounds(key: TDayRuleKey): { min: number; max: number } {
  const s = ZLedgerRules.shape[key];
  return { min: s.minValue ?? 0, max: s.maxValue ?? 365 };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * MM-DD as the schema asks, and a day every year has: the clock builds the leaving instant for each cohort's
 * year, so 02-30 or (in most years) 02-29 would not exist.
 */
export function isValidMonthDay(value: unknown): boolean {
  if (!ZLedgerRules.shape.leavingMonthDay.safeParse(value).success) return false;
  const [m, d] = String(value).split('-').map(Number);
  return d! <= DAYS_IN_MONTH[m! - 1]!;
}

/** One rule's value checked with the shared schema (and the month-day rule above). */
export function isValidRule(key: TRuleKey, value: unknown): boolean {
  if (key === 'leavingMonthDay') return isValidMonthDay(value);
  return ZLedgerRules.shape[key].safeParse(value).success;
}

/** The whole form as rules, or null when any value fails. */
export function parseRules(values: unknown): TLedgerRules | null {
  const parsed = ZLedgerRules.safeParse(values);
  return parsed.success && isValidMonthDay(parsed.data.leavingMonthDay) ? parsed.data : null;
}

/** The rules that differ, in form order. */
export function ruleChanges(
  before: TLedgerRules,
  after: TLedgerRules,
): { key: TRuleKey; from: TLedgerRules[TRuleKey]; to: TLedgerRules[TRuleKey] }[] {
  return RULE_SECTIONS.flatMap((s) => s.fields)
    .filter((key) => before[key] !== after[key])
    .map((key) => ({ key, from: before[key], to: after[key] }));
}
