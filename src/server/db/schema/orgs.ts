import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** GB/T 2260 regions: province (1) → prefecture (2) → county (3); 6-digit codes. */
export const region = pgTable(
  'region',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
    provinceCode: text('province_code').notNull(),
  },
  (t) => [index('region_parent_idx').on(t.parentCode), index('region_name_idx').on(t.name)],
);

/** A historical code (e.g. 522427, still printed in older ID numbers) → the current county code. */
export const regionAlias = pgTable(
  'region_alias',
  {
    oldCode: text('old_code').notNull(),
    currentCode: text('current_code').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.oldCode, t.currentCode] }),
    index('region_alias_current_idx').on(t.currentCode),
  ],
);

export const focusList = pgTable('focus_list', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  active: boolean('active').notNull().default(true),
  source: text('source').notNull(),
});

export const focusListCounty = pgTable(
  'focus_list_county',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => focusList.id, { onDelete: 'cascade' }),
    countyCode: text('county_code').notNull(),
    supportKind: text('support_kind'),
    supportPartner: text('support_partner'),
  },
  (t) => [primaryKey({ columns: [t.listId, t.countyCode] }), index('focus_county_code_idx').on(t.countyCode)],
);

/** National code tables (毕业去向, 困难生类别, 单位性质 …) as rows, not enums: they change between years. */
export const codeEntry = pgTable(
  'code_entry',
  {
    tableKey: text('table_key').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.tableKey, t.code] })],
);

/** 东西部协作 / 对口援疆 pairs with validity years; pairings changed in 2021, so never hard-code them. */
export const supportPair = pgTable('support_pair', {
  id: uuid('id').primaryKey().defaultRandom(),
  supporterName: text('supporter_name').notNull(),
  supporterRegionCode: text('supporter_region_code'),
  supportedName: text('supported_name').notNull(),
  supportedRegionCode: text('supported_region_code'),
  kind: text('kind').$type<'east_west' | 'counterpart_xinjiang'>().notNull(),
  validFrom: integer('valid_from').notNull(),
  validTo: integer('valid_to'),
  note: text('note').notNull().default(''),
});

/** The org-unit tree: ministry, provincial/county departments, universities and colleges, employers, partners. */
export const orgUnit = pgTable(
  'org_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    regionCode: text('region_code'),
    /** 院校代码 (MOE institution code) for universities */
    moeCode: text('moe_code'),
    /** 学校标识码 (10-digit MOE institution identifier) for universities */
    schoolIdCode: text('school_id_code'),
    active: boolean('active').notNull().default(true),
    /** set when deactivated; the row stays for the history (users, cases and audit refer to it) */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_unit_parent_idx').on(t.parentId), index('org_unit_kind_idx').on(t.kind)],
);

/** Small key/value table for bookkeeping such as the loaded reference-data checksums. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
