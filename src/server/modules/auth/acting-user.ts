import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { TCtx, TSessionUser } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { appUser, orgUnit } from '../../db/schema/index.ts';
import { parentOrg, toSessionUser } from './auth.repo.ts';
import { buildCtx } from './auth.service.ts';

/*
 * Acting as an account without a session: the CLI and the demo seed import files as a named user, so that
 * import access rules and the audit trail apply exactly as they do to an upload through the web app.
 */

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
  // no session: nothing may log this "session" out or rotate it
  return { active: row.user.active, orgCode: row.org.code, user: toSessionUser(row, '') };
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
