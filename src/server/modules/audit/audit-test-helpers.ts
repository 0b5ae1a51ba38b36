import { randomBytes } from 'node:crypto';
import { asc, count } from 'drizzle-orm';
import type { TRole } from '../../../domain/roles.ts';
import type { TCtx } from '../../context.ts';
import type { TDb } from '../../db/client.ts';
import { auditEvent } from '../../db/schema/index.ts';
import type { TOrgRow } from '../../test/factories.ts';
import type { TTestDeps } from '../../test/test-deps.ts';
import { buildCtx } from '../auth/auth.service.ts';
import { recordAudit } from './audit.service.ts';

/* Shared by the audit service and route tests. */

export const uniq = () => randomBytes(4).toString('hex');

/** The service context of a signed-in user of `org`, as the auth plugin would build it. */
export function auditCtxOf(
  user: { id: string; username: string; roles: string[] },
  org: TOrgRow,
  universityId: string | null = null,
): TCtx {
  return buildCtx(
    {
      id: user.id,
      username: user.username,
      displayName: '测试用户',
      roles: user.roles as TRole[],
      mustChangePassword: false,
      org: { id: org.id, name: org.name, kind: 'university', regionCode: org.regionCode, universityId },
      sessionTokenHash: 'x',
    },
    '203.0.113.7',
    'vitest',
  );
}

export const anonymous: TCtx = buildCtx(null, '198.51.100.1', null);

export async function record(
  deps: TTestDeps,
  ctx: TCtx,
  action: string,
  extra: Record<string, unknown> = {},
  at?: Date,
) {
  await deps.database.db.transaction((tx) =>
    recordAudit(tx, ctx, { action, ...extra }, at ?? deps.clock.now()),
  );
}

export async function countAudit(db: TDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvent);
  return Number(row!.n);
}

export async function auditIds(db: TDb): Promise<number[]> {
  const rows = await db.select({ id: auditEvent.id }).from(auditEvent).orderBy(asc(auditEvent.id));
  return rows.map((r) => r.id);
}

/** Drizzle wraps driver errors; the database's own message is on the cause. */
export async function failureMessage(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('query was expected to fail');
}
