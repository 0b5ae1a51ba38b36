import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [
    index('graduate_university_idx').on(t.universityId),
    index('graduate_domicile_idx').on(t.domicileCountyCode),
    index('graduate_province_idx').on(t.provinceCode),
    index('graduate_uprovince_idx').on(t.universityProvinceCode),
    index('graduate_class_idx').on(t.collegeId, t.className),
    index('graduate_id_hash_idx').on(t.idHash, t.cohort),
    index('graduate_user_idx').on(t.userId),
  ],
);
