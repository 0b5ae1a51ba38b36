import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type THashedContent = {
  at: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  orgId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
};

function contentOf(c: THashedContent): string {
  return canonicalJson({
    at: c.at.toISOString(),
    actorUserId: c.actorUserId,
    actorUsername: c.actorUsername,
    orgId: c.orgId,
    action: c.action,
    entityType: c.entityType,
    entityId: c.entityId,
    before: c.before ?? null,
    after: c.after ?? null,
    reason: c.reason,
    ip: c.ip,
  });
}

/** Keyed hashes carry this prefix; rows written before decision 0016 have a bare SHA-256 hex hash. */
export const KEYED_PREFIX = 'k1:';

/**
 * hash = HMAC(key, prevHash ‖ canonical content), or for a read row sealed on its own (prevHash null)
 * HMAC(key, 'read' ‖ content). Without the key, which never enters the database, no row can be rewritten
 * and re-hashed; changing, removing or inserting a chained row breaks the chain.
 */
export function hashAuditRow(key: Buffer, prevHash: string | null, c: THashedContent): string {
  const mac = createHmac('sha256', key)
    .update(prevHash ?? 'read')
    .update('\n')
    .update(contentOf(c))
    .digest('hex');
  return KEYED_PREFIX + mac;
}

/** The plain SHA-256 of decision 0004, only to verify rows written before the chain was keyed. */
export function legacyHashAuditRow(prevHash: string, c: THashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(contentOf(c)).digest('hex');
}
