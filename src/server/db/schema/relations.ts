import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { orgUnit } from './orgs.ts';
import { graduate } from './registry.ts';

/*
 * The relations the scope function needs for helpers and partners. Their modules (ledger, cooperation)
 * extend these tables; the foundation only fixes the keys. Employers' applications live in opportunities.ts.
 */

/** 一帮一: a helper paired with a graduate; `endedAt` set on reassignment keeps history. */
export const helperPairing = pgTable(
  'helper_pairing',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    graduateId: uuid('graduate_id')
      .notNull()
      .references(() => graduate.id, { onDelete: 'cascade' }),
    helperUserId: uuid('helper_user_id')
      .notNull()
      .references(() => appUser.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    assignedBy: uuid('assigned_by').references(() => appUser.id),
    endedBy: uuid('ended_by').references(() => appUser.id),
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('helper_pairing_current_uq').on(t.graduateId).where(sql`ended_at is null`),
    index('helper_pairing_helper_idx').on(t.helperUserId),
    index('helper_pairing_grad_idx').on(t.graduateId),
  ],
);

/** A case shared with a partner province/city, visible to it until `validUntil`. */
export const referral = pgTable(
  'referral',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    graduateId: uuid('graduate_id')
      .notNull()
      .references(() => graduate.id, { onDelete: 'cascade' }),
    partnerOrgId: uuid('partner_org_id')
      .notNull()
      .references(() => orgUnit.id),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_partner_idx').on(t.partnerOrgId)],
);
