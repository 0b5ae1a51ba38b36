import { and, asc, count, eq, gt, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TUserSort } from '../../../domain/api/auth.ts';
import type { TOrgKind } from '../../../domain/orgs.ts';
import type { TRole } from '../../../domain/roles.ts';
import type { TSessionUser } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { appUser, orgUnit, userSession } from '../../db/schema/index.ts';
import { forgetUserName } from '../orgs/display-names.ts';
import { forgetSessions } from './session-cache.ts';

export type TUserRow = typeof appUser.$inferSelect;

export async function findUserByUsername(db: TDbOrTx, username: string): Promise<TUserRow | undefined> {
  const [row] = await db.select().from(appUser).where(eq(appUser.username, username)).limit(1);
  return row;
}

export async function findUserById(db: TDbOrTx, id: string): Promise<TUserRow | undefined> {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id)).limit(1);
  return row;
}

export async function updateUser(db: TDbOrTx, id: string, set: Partial<typeof appUser.$inferInsert>) {
  forgetSessions({ userId: id });
  forgetUserName(id);
  await db.update(appUser).set(set).where(eq(appUser.id, id));
}

export async function insertUser(db: TDbOrTx, values: typeof appUser.$inferInsert): Promise<TUserRow> {
  const [row] = await db.insert(appUser).values(values).returning();
  return row!;
}

export async function insertSession(db: TDbOrTx, values: typeof userSession.$inferInsert) {
  await db.insert(userSession).values(values);
}

export async function deleteSession(db: TDbOrTx, tokenHash: string) {
  forgetSessions({ tokenHash });
  await db.delete(userSession).where(eq(userSession.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: TDbOrTx, userId: string, exceptTokenHash?: string) {
  forgetSessions({ userId });
  await db
    .delete(userSession)
    .where(
      exceptTokenHash
        ? and(eq(userSession.userId, userId), sql`${userSession.tokenHash} <> ${exceptTokenHash}`)
        : eq(userSession.userId, userId),
    );
}

export async function touchSession(db: TDbOrTx, tokenHash: string, lastSeenAt: Date) {
  await db.update(userSession).set({ lastSeenAt }).where(eq(userSession.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: TDbOrTx, now: Date) {
  await db.delete(userSession).where(lt(userSession.expiresAt, now));
}

export const parentOrg = alias(orgUnit, 'parent_org');

/** Session → user → org (and the org's parent, to find the university of a college) in one query. */
export async function findSessionUser(db: TDbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      session: userSession,
      user: appUser,
      org: orgUnit,
      parentId: parentOrg.id,
      parentKind: parentOrg.kind,
    })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
    .leftJoin(parentOrg, eq(parentOrg.id, orgUnit.parentId))
    .where(eq(userSession.tokenHash, tokenHash))
    .limit(1);
  if (!row) return undefined;
  return { session: row.session, active: row.user.active, user: toSessionUser(row, tokenHash) };
}

/**
 * A user row with its org (and the org's parent) as the services see it; a college's university is its parent.
 * `tokenHash` is '' for users acting without a session (CLI, seed).
 */
export function toSessionUser(
  row: {
    user: TUserRow;
    org: typeof orgUnit.$inferSelect;
    parentId: string | null;
    parentKind: string | null;
  },
  tokenHash: string,
): TSessionUser {
  const universityId =
    row.org.kind === 'university' ? row.org.id : row.parentKind === 'university' ? row.parentId : null;
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    roles: row.user.roles as TRole[],
    mustChangePassword: row.user.mustChangePassword,
    org: {
      id: row.org.id,
      name: row.org.name,
      kind: row.org.kind as TOrgKind,
      regionCode: row.org.regionCode,
      universityId,
    },
    sessionTokenHash: tokenHash,
  };
}

const USER_SORT_COLUMNS = {
  username: appUser.username,
  lastLoginAt: appUser.lastLoginAt,
  createdAt: appUser.createdAt,
};

/** ORDER BY for a sort key; never-logged-in accounts go last either way, username breaks ties. */
function userOrder(sort: TUserSort) {
  const desc = sort.startsWith('-');
  const column = USER_SORT_COLUMNS[sort.replace('-', '') as keyof typeof USER_SORT_COLUMNS];
  const primary = sql`${column} ${sql.raw(desc ? 'desc' : 'asc')} nulls last`;
  return column === appUser.username ? [primary] : [primary, asc(appUser.username)];
}

/** One page of accounts with their org, filtered by text, role and status. */
export async function listUsers(
  db: TDbOrTx,
  f: {
    q?: string;
    role?: string;
    status?: 'active' | 'inactive' | 'locked';
    sort: TUserSort;
    now: Date;
    /** the account scope (account-scope.repo.ts accountsWhere) */
    scope?: SQL;
  },
  page: { limit: number; offset: number },
) {
  const conds: SQL[] = f.scope ? [f.scope] : [];
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(
      or(ilike(appUser.username, like), ilike(appUser.displayName, like), ilike(orgUnit.name, like))!,
    );
  }
  if (f.role) conds.push(sql`${f.role} = any(${appUser.roles})`);
  if (f.status === 'active') conds.push(eq(appUser.active, true));
  if (f.status === 'inactive') conds.push(eq(appUser.active, false));
  if (f.status === 'locked') conds.push(gt(appUser.lockedUntil, f.now));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ user: appUser, org: orgUnit })
      .from(appUser)
      .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
      .where(where)
      .orderBy(...userOrder(f.sort))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(appUser).innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId)).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
