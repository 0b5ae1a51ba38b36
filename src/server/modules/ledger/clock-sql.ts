import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import { UNEMPLOYED_DESTINATIONS } from '../../../domain/ledger/codes.ts';
import type { TLedgerRules } from '../../../domain/ledger/rules.ts';

/*
 * The ledger clock (domain/ledger/clock.ts) as SQL over `ledger_case` and `graduate`, for sorting, filtering
 * and counting whole caseloads without loading them. Pages are rendered with the domain functions;
 * clock-sql.test.ts checks both agree case by case.
 */

/**
 * A whole number of days as a literal, not a parameter: the rules are part of the text anyway (statements are
 * reused per rules, statement-cache.ts) and a constant interval is folded once instead of computed per row.
 */
const days = (n: number) => sql.raw(`interval '${int(n)} days'`);
/** The integer, or an error: the only values written into SQL text rather than bound. */
function int(n: number): number {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return n;
}
/** The current instant: a value, or a placeholder bound at execute time by statements built once. */
export type TNow = Date | Placeholder;
const at = (now: TNow) => sql`${now instanceof Date ? now.toISOString() : now}::timestamptz`;
const unemployed = sql.raw(UNEMPLOYED_DESTINATIONS.map((c) => `'${c}'`).join(','));

const employedDestination = sql`(ledger_case.destination_code is not null
  and ledger_case.destination_code not in (${unemployed}))`;
/** placed: an employed destination, or the status says so */
export const placedSql = sql`(ledger_case.status = 'placed' or ${employedDestination})`;
/** active: seeking work and not placed — only active cases have due dates */
export const activeSql = sql`(ledger_case.status = 'seeking' and not ${employedDestination})`;
/** paired: a current 一帮一 helper (ledger_case keeps a trigger-maintained copy of the current pairing) */
export const pairedSql = sql`(ledger_case.helper_user_id is not null)`;

/** end of the cohort's leaving day, 23:59:59 in China (UTC+8) = 15:59:59 UTC */
function leavingSql(rules: TLedgerRules): SQL {
  const [m, d] = rules.leavingMonthDay.split('-').map(Number);
  return sql.raw(
    `(make_timestamp(ledger_case.cohort, ${int(m!)}, ${int(d!)}, 15, 59, 59) at time zone 'UTC')`,
  );
}

/**
 * Due instants of the four rules (null when the rule does not apply); mirrors `dueItems`. `paired` may be
 * replaced by a column of a query that already joins the current pairing (cheaper than a subquery per row).
 */
export function dueSql(rules: TLedgerRules, paired: SQL = pairedSql) {
  const leaving = leavingSql(rules);
  // due on the leaving date, or a period after opening for a case opened after its cohort left (never before
  // opening); a few column comparisons per row, no subquery
  const needsDue = sql`(case when ledger_case.opened_at > ${leaving}
    then ledger_case.opened_at + ${days(rules.needsPeriodDays)} else ${leaving} end)`;
  return {
    unpaired: sql`case when ledger_case.stage = 'school' and not ${paired} then ledger_case.opened_at + ${days(rules.pairWithinDays)} end`,
    followUp: sql`greatest(ledger_case.opened_at, least(ledger_case.next_follow_up_due,
      coalesce(ledger_case.last_contact_at, ledger_case.opened_at) + ${days(rules.followUpEveryDays)}))`,
    measure: sql`coalesce(ledger_case.last_measure_at, ledger_case.opened_at) + ${days(rules.measurePeriodDays)}`,
    needs: sql`case when not coalesce(ledger_case.needs_confirmed_at >= ${needsDue} - ${days(rules.needsPeriodDays)},
      false) then ${needsDue} end`,
  };
}

/** The earliest due instant of an active case ('infinity' otherwise): the worklist's urgency key. */
export function urgencySql(rules: TLedgerRules, paired: SQL = pairedSql): SQL {
  const d = dueSql(rules, paired);
  return sql`(case when ${activeSql} then least(${d.unpaired}, ${d.followUp}, ${d.measure}, ${d.needs})
    else 'infinity'::timestamptz end)`;
}

export function overdueSql(rules: TLedgerRules, now: TNow): SQL {
  return sql`(${urgencySql(rules)} < ${at(now)})`;
}

/** The four 四清 flags as booleans; mirrors `evaluateSiqing`. */
export function siqingSql(rules: TLedgerRules, now: TNow) {
  const since = (n: number) => sql`${at(now)} - ${days(n)}`;
  return {
    profile: sql`(ledger_case.profile_verified_at is not null and graduate.phone_encrypted is not null)`,
    needs: sql`(${placedSql} or (ledger_case.intention is not null
      and coalesce(ledger_case.needs_confirmed_at >= ${since(rules.needsPeriodDays)}, false)))`,
    measures: sql`(not ${activeSql} or coalesce(ledger_case.last_measure_at >= ${since(rules.measurePeriodDays)}, false))`,
    progress: sql`(${placedSql} or not ${activeSql}
      or coalesce(ledger_case.progress_updated_at >= ${since(rules.progressPeriodDays)}, false))`,
  };
}
