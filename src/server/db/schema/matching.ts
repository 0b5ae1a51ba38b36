import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { ledgerCase } from './ledger.ts';
import { opportunity } from './opportunities.ts';
import { graduate } from './registry.ts';

/**
 * The stored top recommendations of each open case: a cache of the scorer's output, rebuilt by batch runs and
 * by the case page when the case or a post changed. UNLOGGED (the `matching_unlogged` migration: a crash empties
 * it and the next read recomputes) and without foreign keys, so a full run can load a new table and swap it in
 * (decision 0012). `breakdown` holds each factor's points in MATCH_FACTORS order; reasons are derived on read.
 */
export const recommendation = pgTable(
  'recommendation',
  {
    caseId: uuid('case_id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    score: smallint('score').notNull(),
    rank: smallint('rank').notNull(),
    breakdown: smallint('breakdown').array().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.opportunityId] })],
);

/**
 * The push outbox: one row per graduate, post and channel — the unique index is what makes a second push of
 * the same post on the same channel impossible. `countedOn` is the China date the push counts against the
 * graduate's daily limit (null while `limited`: the dispatcher moves it to a later day with room).
 */
export const push = pgTable(
  'push',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    graduateId: uuid('graduate_id')
      .notNull()
      .references(() => graduate.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => ledgerCase.id, { onDelete: 'set null' }),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunity.id),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('queued'),
    actorUserId: uuid('actor_user_id').references(() => appUser.id),
    actorName: text('actor_name'),
    /** the staff member's note to the graduate (why this post) */
    reason: text('reason').notNull().default(''),
    /** the score and factor points when pushed */
    score: smallint('score'),
    breakdown: smallint('breakdown').array(),
    countedOn: date('counted_on', { mode: 'string' }),
    attempts: integer('attempts').notNull().default(0),
    /** why sending failed: no_account, no_phone, or the provider's message */
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }),
    /** the graduate's domicile province: the distribution column when sharded (scaling.md) */
    provinceCode: text('province_code'),
  },
  (t) => [
    uniqueIndex('push_graduate_post_channel_uq').on(t.graduateId, t.opportunityId, t.channel),
    index('push_status_idx').on(t.status, t.createdAt),
    index('push_graduate_day_idx').on(t.graduateId, t.countedOn),
    index('push_case_idx').on(t.caseId),
    index('push_opportunity_idx').on(t.opportunityId),
    index('push_actor_idx').on(t.actorUserId),
  ],
);

/** A batch recomputation of recommendations: its scope, progress and outcome (the UI polls it). */
export const matchingRun = pgTable(
  'matching_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').notNull().default('running'),
    /** the scope clauses of the user who started it (all open cases for the CLI) */
    scope: jsonb('scope').$type<unknown>().notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    posts: integer('posts').notNull().default(0),
    startedBy: uuid('started_by').references(() => appUser.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [index('matching_run_started_idx').on(t.startedAt)],
);
