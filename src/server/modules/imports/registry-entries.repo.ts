import { sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { queryCount } from '../../db/query.ts';

/**
 * A registry entry is a keyed ID hash with county and household. A row whose hash already has an entry with
 * the same fingerprint is unchanged; with a different one it is updated (a new entry is added: the history of
 * the registry stays); else new.
 */
export async function classifyRegistryRows(db: TDbOrTx, batchId: string) {
  await db.execute(sql`
    update import_row r set status = case when exists (
        select 1 from poverty_registry_entry e2 where e2.id_hash = r.id_hash
          and coalesce(e2.county_code, '') = coalesce(r.record->>'countyCode', '')
          and coalesce(e2.household_ref, '') = coalesce(r.record->>'householdRef', '')) then 'unchanged' else 'updated' end
    where r.batch_id = ${batchId} and r.status = 'new'
      and exists (select 1 from poverty_registry_entry e where e.id_hash = r.id_hash)`);
}

/** Registry rows that match a graduate on the keyed hash (any cohort). */
export async function countRegistryMatches(db: TDbOrTx, batchId: string): Promise<number> {
  return queryCount(
    db,
    sql`
    select count(distinct r.id_hash)::int as n from import_row r join graduate g on g.id_hash = r.id_hash
    where r.batch_id = ${batchId} and r.status in ('new', 'updated', 'unchanged')`,
  );
}

export async function applyRegistryBatch(db: TDbOrTx, batchId: string, now: Date) {
  await db.execute(sql`
    insert into poverty_registry_entry (id_hash, county_code, household_ref, exit_year, batch_id, created_at)
    select r.id_hash, r.record->>'countyCode', r.record->>'householdRef', (r.record->>'exitYear')::int, r.batch_id, ${now}
    from import_row r where r.batch_id = ${batchId} and r.status in ('new', 'updated')`);
}

export async function revertRegistryBatch(db: TDbOrTx, batchId: string) {
  await db.execute(sql`delete from poverty_registry_entry where batch_id = ${batchId}`);
}
