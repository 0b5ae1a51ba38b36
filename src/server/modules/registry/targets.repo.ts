import { type SQL, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';

/*
 * The target-group rule in SQL, in one place: registered-poor = a registry entry with the same keyed ID hash;
 * focus-county = domicile county in an active focus list; `target_reasons` records which entry and which list.
 * Used when a roster's new graduates are inserted (computed in the INSERT, so each row is written once) and
 * when graduates change or a registry batch comes or goes (refreshTargets).
 */

/** CTEs `fl` (focus counties) and `pe` (latest registry entry per hash among `hashes`). */
export function targetCtes(hashes: SQL): SQL {
  return sql`fl as (
      select distinct on (f.county_code) f.county_code, l.key as list_key, l.name as list_name
      from focus_list_county f join focus_list l on l.id = f.list_id
      where l.active order by f.county_code, l.year desc),
    pe as (
      select distinct on (e.id_hash) e.id_hash, e.batch_id, e.county_code, e.household_ref
      from poverty_registry_entry e where e.id_hash in (${hashes})
      order by e.id_hash, e.created_at desc)`;
}

/** Joins of `fl` and `pe` onto a row source exposing the hash and the domicile county. */
export function targetJoins(hash: SQL, county: SQL): SQL {
  return sql`left join fl on fl.county_code = ${county} left join pe on pe.id_hash = ${hash}`;
}

/** is_registered_poor, is_focus_county, is_target, target_reasons — in that order. */
export function targetValues(county: SQL): SQL {
  return sql`pe.batch_id is not null, fl.list_key is not null, pe.batch_id is not null or fl.list_key is not null,
    jsonb_strip_nulls(jsonb_build_object(
      'registeredPoor', case when pe.batch_id is not null then jsonb_build_object(
        'batchId', pe.batch_id, 'countyCode', pe.county_code, 'householdRef', pe.household_ref) end,
      'focusCounty', case when fl.list_key is not null then jsonb_build_object(
        'countyCode', ${county}, 'list', fl.list_key, 'listName', fl.list_name) end))`;
}

/** Re-derive the target flags of the graduates selected by `where` (a condition on alias g2). */
export async function refreshTargets(db: TDbOrTx, where: SQL) {
  await db.execute(sql`
    with targets as (select g2.id, g2.id_hash, g2.domicile_county_code from graduate g2 where ${where}),
    ${targetCtes(sql`select id_hash from targets`)}
    update graduate g set (is_registered_poor, is_focus_county, is_target, target_reasons) =
      (${targetValues(sql`t.domicile_county_code`)})
    from targets t ${targetJoins(sql`t.id_hash`, sql`t.domicile_county_code`)}
    where g.id = t.id`);
}
