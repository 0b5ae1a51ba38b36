import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail, keyed with an HMAC from the server secret (decision 0016). Chained rows (writes,
 * reveals, sign-ins) carry `prev_hash` and `hash` = HMAC over the previous chained row's hash and this row's
 * content; read rows (case pages, evidence downloads) are sealed one by one (`prev_hash` null) so a read is one
 * INSERT without the chain lock. A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    ip: text('ip'),
    /** null: a read row, sealed on its own rather than chained */
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_action_idx').on(t.action),
    index('audit_event_entity_idx').on(t.entityType, t.entityId),
    // the chain head without walking back over the read rows appended since the last write
    index('audit_event_chain_idx').on(t.id).where(sql`prev_hash is not null`),
  ],
);
