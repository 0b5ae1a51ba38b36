import { and, asc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TOrgKind } from '../../domain/orgs.ts';
import type { TRole } from '../../domain/roles.ts';
import type { TCtx, TSessionUser } from '../context.ts';
import type { TDbOrTx } from '../db/client.ts';
import { appUser, orgUnit } from '../db/schema/index.ts';
import { buildCtx } from '../modules/auth/auth.service.ts';

/*
 * Acting as an account without a session: the CLI and the demo seed import files as a named user, so that
 * import access rules and the audit trail apply exactly as they do to an upload through the web app.
 */

const parentOrg = alias(orgUnit, 'parent_org');

export type TActingUser = { user: TSessionUser; active: boolean; orgCode: string };

/** The account as the session plugin would present it (org and university resolved), or undefined. */
export async function findActingUser(db: TDbOrTx, username: string): Promise<TActingUser | undefined> {
  const [row] = await db
    .select({ user: appUser, org: orgUnit, parentId: parentOrg.id, parentKind: parentOrg.kind })
    .from(appUser)
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
    .leftJoin(parentOrg, eq(parentOrg.id, orgUnit.parentId))
    .where(eq(appUser.username, username))
    .limit(1);
  if (!row) return undefined;
  const universityId =
    row.org.kind === 'university' ? row.org.id : row.parentKind === 'university' ? row.parentId : null;
  return {
    active: row.user.active,
    orgCode: row.org.code,
    user: {
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
      // no session: nothing may log this "session" out or rotate it
      sessionTokenHash: '',
    },
  };
}

/**
 * The default importer: for a roster, the first active university admin of the university (org code or MOE
 * code); for the registry, the first active poverty-office user. Undefined when there is none.
 */
export async function findDefaultImporter(
  db: TDbOrTx,
  kind: 'roster' | 'registry',
  universityCode?: string,
): Promise<string | undefined> {
  const role = kind === 'roster' ? 'university_admin' : 'poverty_office';
  const where = [eq(appUser.active, true), sql`${role} = any(${appUser.roles})`];
  if (kind === 'roster') {
    if (!universityCode) return undefined;
    where.push(
      eq(orgUnit.kind, 'university'),
      or(eq(orgUnit.code, universityCode), eq(orgUnit.moeCode, universityCode))!,
    );
  }
  const [row] = await db
    .select({ username: appUser.username })
    .from(appUser)
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
    .where(and(...where))
    .orderBy(asc(appUser.createdAt), asc(appUser.username))
    .limit(1);
  return row?.username;
}

/** A service ctx for a user found by findActingUser; `agent` is recorded like a browser's user agent. */
export function actingCtx(user: TSessionUser, agent: string): TCtx {
  return buildCtx(user, null, agent);
}
