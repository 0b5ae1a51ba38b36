import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit trail. `hash` = SHA-256 over the previous row's hash and this row's
 * content; a trigger (migration 0001) refuses UPDATE and DELETE.
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
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_action_idx').on(t.action),
    index('audit_event_entity_idx').on(t.entityType, t.entityId),
  ],
);
