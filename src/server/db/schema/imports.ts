import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';

/** A cell error or warning as staged (values of ID and phone cells masked). */
export type TStoredCellError = {
  field: string;
  code: string;
  value: string;
  message: { zh: string; en: string };
  expected?: { zh: string; en: string };
};

import { orgUnit } from './orgs.ts';
import { graduate } from './registry.ts';

/** Every import is a batch: parsing → staged → committed | discarded | failed; committed → reverted. */
export const importBatch = pgTable(
  'import_batch',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'roster' | 'registry'>().notNull(),
    status: text('status')
      .$type<'parsing' | 'staged' | 'failed' | 'committed' | 'discarded' | 'reverted'>()
      .notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    /** the org whose data this is (university for rosters, poverty office for the registry) */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgUnit.id),
    universityId: uuid('university_id').references(() => orgUnit.id),
    cohort: integer('cohort'),
    mapping: jsonb('mapping').$type<Record<string, number>>(),
    headerRow: integer('header_row'),
    /** the header row's cells, for the mapping editor */
    headers: jsonb('headers').$type<string[]>(),
    /** the uploaded file under DATA_DIR/uploads, kept until the batch is closed (re-staging needs it) */
    storedFile: text('stored_file'),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    progress: integer('progress').notNull().default(0),
    failure: text('failure'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    committedBy: uuid('committed_by').references(() => appUser.id),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => appUser.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('import_batch_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * One staged row. `record` holds the normalised values with the ID number and phone already encrypted (never
 * plain text at rest); `raw` holds the original cells (encrypted) of rows in error, for the error workbook.
 */
export const importRow = pgTable(
  'import_row',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => importBatch.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    status: text('status').$type<'new' | 'updated' | 'unchanged' | 'error' | 'review'>().notNull(),
    idHash: text('id_hash'),
    fingerprint: text('fingerprint'),
    record: jsonb('record').$type<Record<string, unknown>>(),
    errors: jsonb('errors').$type<TStoredCellError[]>(),
    warnings: jsonb('warnings').$type<TStoredCellError[]>(),
    rawEncrypted: text('raw_encrypted'),
    graduateId: uuid('graduate_id'),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.rowNo] }),
    index('import_row_hash_idx').on(t.batchId, t.idHash),
  ],
);

/** Before-images of rows a committed roster batch changed, so the batch can be reverted. */
export const graduateChange = pgTable(
  'graduate_change',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => importBatch.id),
    graduateId: uuid('graduate_id').notNull(),
    op: text('op').$type<'insert' | 'update'>().notNull(),
    /** commit order: a change with a higher seq was made later (timestamps can tie) */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.graduateId] }),
    index('graduate_change_grad_idx').on(t.graduateId),
  ],
);

/** 建档立卡 registry entries, matched to graduates by keyed hash only. */
export const povertyRegistryEntry = pgTable(
  'poverty_registry_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idHash: text('id_hash').notNull(),
    countyCode: text('county_code'),
    householdRef: text('household_ref'),
    exitYear: integer('exit_year'),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => importBatch.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('poverty_entry_hash_idx').on(t.idHash), index('poverty_entry_batch_idx').on(t.batchId)],
);

/** A column mapping saved by an organisation for a kind of file it uploads every year. */
export const mappingTemplate = pgTable('mapping_template', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgUnit.id),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** field key → header text as it appears in the file */
  headers: jsonb('headers').$type<Record<string, string>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The same person in two universities' rosters of one cohort: flagged for review, never merged silently. */
export const graduateReview = pgTable('graduate_review', {
  id: uuid('id').primaryKey().defaultRandom(),
  batchId: uuid('batch_id')
    .notNull()
    .references(() => importBatch.id),
  rowNo: integer('row_no').notNull(),
  existingGraduateId: uuid('existing_graduate_id')
    .notNull()
    .references(() => graduate.id),
  reason: text('reason').notNull(),
  status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
