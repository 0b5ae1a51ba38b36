import { createHash } from 'node:crypto';

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

/** hash = SHA-256(prevHash ‖ canonical content). Changing, removing or inserting a row breaks the chain. */
export function hashAuditRow(prevHash: string, c: THashedContent): string {
  const content = canonicalJson({
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
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}
