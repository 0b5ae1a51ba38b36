import { sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { queryCount } from '../../db/query.ts';

/**
 * Open a case file for every target graduate that has none (the registry marked them). Runs in the import
 * commit's transaction, so a committed roster or registry batch always comes with its cases. A graduate who
 * later leaves the target group keeps the case: work done on it is never thrown away.
 */
export async function openCasesForTargets(tx: TDbOrTx, now: Date): Promise<number> {
  return queryCount(
    tx,
    sql`with opened as (
    insert into ledger_case (graduate_id, cohort, university_id, province_code, holder_org_id, opened_at)
    select g.id, g.cohort, g.university_id, g.province_code, g.university_id, ${now.toISOString()}::timestamptz
    from graduate g
    where g.is_target and not exists (select 1 from ledger_case c where c.graduate_id = g.id)
    on conflict (graduate_id) do nothing returning 1)
    select count(*)::int as n from opened`,
  );
}
