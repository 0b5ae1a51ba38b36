import { type SQL, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';

/**
 * Re-derive the target flags of the graduates selected by `where` (a condition on alias g2):
 * registered-poor = a registry entry with the same keyed ID hash; focus-county = domicile county in an active
 * focus list. `target_reasons` records which entry and which list, so the UI can say why.
 */
export async function refreshTargets(db: TDbOrTx, where: SQL) {
  await db.execute(sql`
    update graduate g set
      is_registered_poor = pe.batch_id is not null,
      is_focus_county = fl.list_key is not null,
      is_target = pe.batch_id is not null or fl.list_key is not null,
      target_reasons = jsonb_strip_nulls(jsonb_build_object(
        'registeredPoor', case when pe.batch_id is not null then jsonb_build_object(
          'batchId', pe.batch_id, 'countyCode', pe.county_code, 'householdRef', pe.household_ref) end,
        'focusCounty', case when fl.list_key is not null then jsonb_build_object(
          'countyCode', g2.domicile_county_code, 'list', fl.list_key, 'listName', fl.list_name) end))
    from graduate g2
      left join lateral (
        select l.key as list_key, l.name as list_name from focus_list_county f
        join focus_list l on l.id = f.list_id
        where l.active and f.county_code = g2.domicile_county_code
        order by l.year desc limit 1) fl on true
      left join lateral (
        select e.batch_id, e.county_code, e.household_ref from poverty_registry_entry e
        where e.id_hash = g2.id_hash order by e.created_at desc limit 1) pe on true
    where g.id = g2.id and ${where}`);
}
