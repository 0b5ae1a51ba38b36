import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
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
import { graduate } from './registry.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** 就业需求 as stored on a case (codes from domain/ledger/codes.ts). */
export type TCaseNeeds = {
  regions?: string[];
  returnHome?: boolean;
  partnerProvinces?: boolean;
  industries?: string[];
  postKinds?: string[];
  salaryFloor?: number | null;
  constraints?: string;
  services?: string[];
  /** 中共党员 (incl. 预备党员); null or absent = not recorded */
  partyMember?: boolean | null;
  /** 教师资格证; null or absent = not recorded */
  teacherCertificate?: boolean | null;
};

export type TCaseDestination = {
  employer?: string;
  natureCode?: string | null;
  regionCode?: string | null;
  date?: string | null;
  evidenceFileId?: string | null;
};

/**
 * 一人一策 case file: one per target graduate (a graduate row is already one person in one cohort). The
 * overwritable sections carry `version` for optimistic concurrency; everything that happens is also a
 * `case_event`. The dates the ledger clock reads are kept here so worklists sort without scanning events.
 */
export const ledgerCase = pgTable(
  'ledger_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    graduateId: uuid('graduate_id')
      .notNull()
      .unique()
      .references(() => graduate.id, { onDelete: 'cascade' }),
    cohort: integer('cohort').notNull(),
    universityId: uuid('university_id')
      .notNull()
      .references(() => orgUnit.id),
    /** domicile province: the distribution column when sharded (scaling.md) */
    provinceCode: text('province_code'),
    status: text('status').notNull().default('seeking'),
    stage: text('stage').notNull().default('school'),
    /** who holds the case: the university, or the county HRSS bureau after handover */
    holderOrgId: uuid('holder_org_id')
      .notNull()
      .references(() => orgUnit.id),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
    /** after handover: the county bureau's staff member responsible for the case (one of the holder's users) */
    responsibleUserId: uuid('responsible_user_id').references(() => appUser.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    intention: text('intention'),
    needs: jsonb('needs').$type<TCaseNeeds>().notNull().default({}),
    needsConfirmedAt: timestamp('needs_confirmed_at', { withTimezone: true }),
    planText: text('plan_text'),
    plannedMeasures: text('planned_measures').array().notNull().default(sql`'{}'::text[]`),
    profileVerifiedAt: timestamp('profile_verified_at', { withTimezone: true }),
    lastMeasureAt: timestamp('last_measure_at', { withTimezone: true }),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    nextFollowUpDue: timestamp('next_follow_up_due', { withTimezone: true }),
    progressUpdatedAt: timestamp('progress_updated_at', { withTimezone: true }),
    /**
     * The current 一帮一 pairing, copied from helper_pairing by a trigger (migration 0009) so that worklists sort
     * and count without a lookup per case; helper_pairing stays the record, with history.
     */
    helperUserId: uuid('helper_user_id'),
    pairedAt: timestamp('paired_at', { withTimezone: true }),
    destinationCode: text('destination_code'),
    destination: jsonb('destination').$type<TCaseDestination>(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => appUser.id),
  },
  (t) => [
    index('ledger_case_university_idx').on(t.universityId, t.cohort),
    index('ledger_case_holder_idx').on(t.holderOrgId),
    index('ledger_case_province_idx').on(t.provinceCode),
  ],
);

/** Append-only timeline of a case (a trigger refuses UPDATE/DELETE); status history is read from it. */
export const caseEvent = pgTable(
  'case_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => ledgerCase.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** when it was recorded */
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** when it happened (a measure or follow-up is often logged a day later) */
    occurredOn: date('occurred_on', { mode: 'string' }),
    actorUserId: uuid('actor_user_id').references(() => appUser.id),
    actorName: text('actor_name'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** psychological-support notes: only the counselor and the university admin see them */
    private: boolean('private').notNull().default(false),
  },
  (t) => [index('case_event_case_idx').on(t.caseId, t.id), index('case_event_kind_idx').on(t.kind, t.at)],
);

/** Evidence files (offer letters, contracts) attached to a case. */
export const caseFile = pgTable(
  'case_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => ledgerCase.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_file_case_idx').on(t.caseId)],
);

/** A handover of a university's unemployed graduates to their county HRSS bureaus (离校未就业实名帮扶). */
export const handoverBatch = pgTable('handover_batch', {
  id: uuid('id').primaryKey().defaultRandom(),
  universityId: uuid('university_id')
    .notNull()
    .references(() => orgUnit.id),
  cohort: integer('cohort').notNull(),
  caseCount: integer('case_count').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => appUser.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const caseHandover = pgTable(
  'case_handover',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => handoverBatch.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => ledgerCase.id, { onDelete: 'cascade' }),
    fromOrgId: uuid('from_org_id')
      .notNull()
      .references(() => orgUnit.id),
    toOrgId: uuid('to_org_id')
      .notNull()
      .references(() => orgUnit.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_handover_case_idx').on(t.caseId), index('case_handover_to_idx').on(t.toOrgId)],
);

/**
 * An overdue service-level item of a case (unpaired, follow-up, measure, needs) and how far it has escalated.
 * At most one open item per case and rule; resolving sets `resolvedAt`.
 */
export const overdueItem = pgTable(
  'overdue_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => ledgerCase.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** 0 staff, 1 university admin, 2 province */
    level: integer('level').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('overdue_item_open_uq').on(t.caseId, t.rule).where(sql`resolved_at is null`),
    index('overdue_item_level_idx').on(t.level, t.resolvedAt),
  ],
);

/** In-app notifications; `dedupeKey` makes a job that runs twice notify once. */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    caseId: uuid('case_id').references(() => ledgerCase.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notification_user_idx').on(t.userId, t.createdAt)],
);

/** Configurable settings (e.g. `ledger.rules`); absent keys use the domain defaults. */
export const appSetting = pgTable('app_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by').references(() => appUser.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One-time SMS sign-in codes for graduates; only hashes are stored. */
export const smsCode = pgTable(
  'sms_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phoneHash: text('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('sms_code_phone_idx').on(t.phoneHash, t.createdAt)],
);
