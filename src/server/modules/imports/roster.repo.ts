import { sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { queryCount } from '../../db/query.ts';
import { targetCtes, targetJoins, targetValues } from '../registry/targets.repo.ts';

/*
 * Set-based steps of a roster batch. A staged row's `record` holds the normalised values (ID number and phone
 * encrypted). Graduates are one person × cohort × university; the same person at another university in the
 * same cohort is a `review` row, never merged.
 */

/** Link staged rows to existing graduates: unchanged when the fingerprint matches, else updated; or review. */
export async function classifyRosterRows(db: TDbOrTx, batchId: string) {
  await db.execute(sql`
    update import_row r set graduate_id = g.id,
      status = case when g.fingerprint = r.fingerprint then 'unchanged' else 'updated' end
    from graduate g
    where r.batch_id = ${batchId} and r.status = 'new' and g.id_hash = r.id_hash
      and g.cohort = (r.record->>'cohort')::int and g.university_id = (r.record->>'universityId')::uuid`);
  await db.execute(sql`
    update import_row r set graduate_id = g.id, status = 'review'
    from graduate g
    where r.batch_id = ${batchId} and r.status = 'new' and g.id_hash = r.id_hash
      and g.cohort = (r.record->>'cohort')::int and g.university_id <> (r.record->>'universityId')::uuid`);
}

/** How many valid staged rows would be in the target group (registry hash or focus county). */
export async function countTargetMatches(db: TDbOrTx, batchId: string): Promise<number> {
  return queryCount(
    db,
    sql`
    select count(*)::int as n from import_row r
    where r.batch_id = ${batchId} and r.status in ('new', 'updated', 'unchanged') and (
      exists (select 1 from poverty_registry_entry e where e.id_hash = r.id_hash)
      or exists (select 1 from focus_list_county f join focus_list l on l.id = f.list_id
                 where l.active and f.county_code = r.record->>'domicileCode'))`,
  );
}

const RECORD_COLUMNS = sql`
  name = r.record->>'name', id_encrypted = r.record->>'idEncrypted', id_masked = r.record->>'idMasked',
  gender = r.record->>'gender', ethnicity = r.record->>'ethnicity', birth_date = (r.record->>'birthDate')::date,
  student_no = r.record->>'studentNo', college_id = (r.record->>'collegeId')::uuid,
  college_name = r.record->>'college', class_name = r.record->>'className',
  major_code = r.record->>'majorCode', major_name = r.record->>'majorName', level = r.record->>'level',
  domicile_county_code = r.record->>'domicileCode', domicile_raw_code = r.record->>'domicileRawCode',
  domicile_source = r.record->>'domicileSource', province_code = r.record->>'provinceCode',
  phone_encrypted = r.record->>'phoneEncrypted', difficulty_code = r.record->>'difficultyCode',
  fingerprint = r.fingerprint`;

/** Apply a staged roster batch: before-images, updates, inserts, review items. Call inside one transaction. */
export async function applyRosterBatch(db: TDbOrTx, batchId: string, now: Date) {
  await db.execute(sql`
    insert into graduate_change (batch_id, graduate_id, op, before)
    select r.batch_id, g.id, 'update', to_jsonb(g.*) from import_row r join graduate g on g.id = r.graduate_id
    where r.batch_id = ${batchId} and r.status = 'updated'`);
  await db.execute(sql`
    update graduate g set ${RECORD_COLUMNS}, source_batch_id = ${batchId}, updated_at = ${now}
    from import_row r where r.batch_id = ${batchId} and r.status = 'updated' and g.id = r.graduate_id`);
  await db.execute(sql`
    with ${targetCtes(sql`select id_hash from import_row where batch_id = ${batchId} and status = 'new'`)},
    inserted as (
      insert into graduate (cohort, name, id_hash, id_encrypted, id_masked, university_id, university_province_code,
        college_id, college_name, class_name, gender, ethnicity, birth_date, student_no, major_code, major_name, level,
        domicile_county_code, domicile_raw_code, domicile_source, province_code, phone_encrypted, difficulty_code,
        fingerprint, source_batch_id, created_at, updated_at,
        is_registered_poor, is_focus_county, is_target, target_reasons)
      select (r.record->>'cohort')::int, r.record->>'name', r.id_hash, r.record->>'idEncrypted', r.record->>'idMasked',
        (r.record->>'universityId')::uuid, r.record->>'universityProvinceCode', (r.record->>'collegeId')::uuid,
        r.record->>'college', r.record->>'className', r.record->>'gender', r.record->>'ethnicity',
        (r.record->>'birthDate')::date, r.record->>'studentNo', r.record->>'majorCode', r.record->>'majorName',
        r.record->>'level', r.record->>'domicileCode', r.record->>'domicileRawCode', r.record->>'domicileSource',
        r.record->>'provinceCode', r.record->>'phoneEncrypted', r.record->>'difficultyCode', r.fingerprint,
        ${batchId}, ${now}, ${now}, ${targetValues(sql`r.record->>'domicileCode'`)}
      from import_row r ${targetJoins(sql`r.id_hash`, sql`r.record->>'domicileCode'`)}
      where r.batch_id = ${batchId} and r.status = 'new'
      returning id)
    insert into graduate_change (batch_id, graduate_id, op) select ${batchId}, id, 'insert' from inserted`);
  await db.execute(sql`
    insert into graduate_review (batch_id, row_no, existing_graduate_id, reason, created_at)
    select r.batch_id, r.row_no, r.graduate_id, 'same_person_other_university', ${now}
    from import_row r where r.batch_id = ${batchId} and r.status = 'review'`);
}

/**
 * Graduates of this batch that later work depends on: changed by a later committed batch, or referenced by
 * another batch's review item. Reverting would lose or orphan that work.
 */
export async function countLaterChanges(db: TDbOrTx, batchId: string): Promise<number> {
  return queryCount(
    db,
    sql`
    select count(distinct c.graduate_id)::int as n from graduate_change c
    where c.batch_id = ${batchId} and (
      exists (select 1 from graduate_change later join import_batch lb on lb.id = later.batch_id
              where later.graduate_id = c.graduate_id and later.seq > c.seq and lb.status = 'committed')
      or c.op = 'insert' and exists (select 1 from graduate_review r join import_batch rb on rb.id = r.batch_id
                 where r.existing_graduate_id = c.graduate_id and r.batch_id <> c.batch_id and rb.status = 'committed'))`,
  );
}

/** Undo a committed roster batch: delete what it inserted, restore what it updated. */
export async function revertRosterBatch(db: TDbOrTx, batchId: string) {
  await db.execute(sql`
    update graduate g set (name, id_encrypted, id_masked, gender, ethnicity, birth_date, student_no, college_id,
        college_name, class_name, major_code, major_name, level, domicile_county_code, domicile_raw_code,
        domicile_source, province_code, phone_encrypted, difficulty_code, fingerprint, source_batch_id, updated_at) =
      (b.name, b.id_encrypted, b.id_masked, b.gender, b.ethnicity, b.birth_date, b.student_no, b.college_id,
        b.college_name, b.class_name, b.major_code, b.major_name, b.level, b.domicile_county_code, b.domicile_raw_code,
        b.domicile_source, b.province_code, b.phone_encrypted, b.difficulty_code, b.fingerprint, b.source_batch_id,
        b.updated_at)
    from graduate_change c, jsonb_populate_record(null::graduate, c.before) b
    where c.batch_id = ${batchId} and c.op = 'update' and g.id = c.graduate_id`);
  await db.execute(sql`
    delete from graduate g using graduate_change c
    where c.batch_id = ${batchId} and c.op = 'insert' and g.id = c.graduate_id`);
  await db.execute(sql`delete from graduate_review where batch_id = ${batchId}`);
}
