import { and, eq, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { appUser } from '../../db/schema/index.ts';

/**
 * Who is alerted when a user goes past the daily reveal limit: the university admins of the user's
 * university, or, for users outside a university (bureaus, offices), the system admins.
 */
export async function findRevealAdmins(db: TDbOrTx, universityId: string | null): Promise<string[]> {
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(
      and(
        eq(appUser.active, true),
        universityId
          ? sql`'university_admin' = any(${appUser.roles}) and ${appUser.orgId} = ${universityId}`
          : sql`'system_admin' = any(${appUser.roles})`,
      ),
    );
  return rows.map((r) => r.id);
}
