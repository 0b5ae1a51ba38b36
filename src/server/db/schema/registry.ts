import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { orgUnit } from './orgs.ts';

/**
 * One person in one cohort. The foundation defines the columns the scope function filters on;
 * the registry module adds the rest. Identity is the keyed hash of the ID number, which is stored encrypted.
 */
export const graduate = pgTable(
  'graduate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohort: integer('cohort').notNull(),
    name: text('name').notNull(),
    idHash: text('id_hash').notNull(),
    idEncrypted: text('id_encrypted').notNull(),
    universityId: uuid('university_id')
      .notNull()
      .references(() => orgUnit.id),
    universityProvinceCode: text('university_province_code').notNull(),
    collegeId: uuid('college_id').references(() => orgUnit.id),
    className: text('class_name'),
    domicileCountyCode: text('domicile_county_code'),
    /** province of domicile: the distribution column when graduate-keyed tables are sharded (scaling.md) */
    provinceCode: text('province_code'),
    userId: uuid('user_id').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // registry module: the roster's columns, normalised
    idMasked: text('id_masked'),
    gender: text('gender'),
    ethnicity: text('ethnicity'),
    birthDate: date('birth_date', { mode: 'string' }),
    studentNo: text('student_no'),
    collegeName: text('college_name'),
    majorCode: text('major_code'),
    majorName: text('major_name'),
    level: text('level'),
    /** the code as given (cell or ID prefix), before alias mapping */
    domicileRawCode: text('domicile_raw_code'),
    domicileSource: text('domicile_source'),
    phoneEncrypted: text('phone_encrypted'),
    difficultyCode: text('difficulty_code'),
    /** derived by matching; `targetReasons` says why */
    isRegisteredPoor: boolean('is_registered_poor').notNull().default(false),
    isFocusCounty: boolean('is_focus_county').notNull().default(false),
    isTarget: boolean('is_target').notNull().default(false),
    targetReasons: jsonb('target_reasons').$type<Record<string, unknown>>(),
    /** hash of the normalised record: an identical re-import changes nothing */
    fingerprint: text('fingerprint'),
    sourceBatchId: uuid('source_batch_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [
    index('graduate_university_idx').on(t.universityId),
    index('graduate_domicile_idx').on(t.domicileCountyCode),
    index('graduate_province_idx').on(t.provinceCode),
    index('graduate_uprovince_idx').on(t.universityProvinceCode),
    index('graduate_class_idx').on(t.collegeId, t.className),
    index('graduate_id_hash_idx').on(t.idHash, t.cohort),
    uniqueIndex('graduate_person_cohort_uni_uq').on(t.idHash, t.cohort, t.universityId),
    index('graduate_target_idx').on(t.isTarget, t.cohort),
    index('graduate_user_idx').on(t.userId),
  ],
);
