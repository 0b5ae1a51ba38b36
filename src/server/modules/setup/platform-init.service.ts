import { randomInt } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { systemCtx, type TDeps } from '../../context.ts';
import { appUser, orgUnit } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as authRepo from '../auth/auth.repo.ts';
import { hashPassword } from '../auth/password.ts';

/*
 * `bangfu init`: the first platform org and system admin of an empty deployment (issue 22). Everything else —
 * the org tree, staff accounts — is then made by that admin. Refuses once an active system admin exists, so a
 * second run (or a run against the demo database) changes nothing.
 */

export const PLATFORM_ORG = { code: 'SYSTEM', name: '平台运维中心' } as const;

export type TInitInput = {
  username: string;
  displayName: string;
  password: string;
  /** a generated temporary password: the admin must replace it at first sign-in */
  mustChangePassword: boolean;
  orgName?: string;
};

export type TInitResult = { userId: string; username: string; orgCode: string; orgCreated: boolean };

// no 0/O, 1/l/I: the temporary password is read off a terminal and typed in by hand
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** 16 random characters with at least one letter and one digit (the password policy of ZNewPassword). */
export function generateTemporaryPassword(): string {
  const all = LETTERS + DIGITS;
  for (;;) {
    const p = Array.from({ length: 16 }, () => all[randomInt(all.length)]).join('');
    if (/[A-Za-z]/.test(p) && /\d/.test(p)) return p;
  }
}

/** The first active system admin, if any (an inactive one does not count: init is also the way back in). */
export async function findActiveSystemAdmin(deps: TDeps) {
  const [row] = await deps.database.db
    .select({ username: appUser.username })
    .from(appUser)
    .where(and(eq(appUser.active, true), sql`'system_admin' = any(${appUser.roles})`))
    .orderBy(asc(appUser.createdAt))
    .limit(1);
  return row;
}

export async function initPlatform(deps: TDeps, input: TInitInput): Promise<TInitResult> {
  const passwordHash = await hashPassword(input.password);
  return deps.database.db.transaction(async (tx) => {
    // two inits at once against one PostgreSQL database: the second waits here, then finds the first's admin
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('bangfu:init'))`);
    const [admin] = await tx
      .select({ username: appUser.username })
      .from(appUser)
      .where(and(eq(appUser.active, true), sql`'system_admin' = any(${appUser.roles})`))
      .limit(1);
    if (admin) {
      throw new AppError(
        'conflict',
        `平台已初始化：系统管理员 ${admin.username} 已存在，未做任何更改。/ ` +
          `Already initialised: system admin ${admin.username} exists; nothing was changed.`,
        { username: admin.username },
      );
    }
    if (await authRepo.findUserByUsername(tx, input.username)) {
      throw new AppError('validation_error', `用户名已存在 / Username ${input.username} is taken`);
    }
    // a platform org left by an earlier run (or whose admins were all deactivated) is reused
    const [existing] = await tx.select().from(orgUnit).where(eq(orgUnit.kind, 'system')).limit(1);
    const now = deps.clock.now();
    const org =
      existing ??
      (
        await tx
          .insert(orgUnit)
          .values({
            ...PLATFORM_ORG,
            name: input.orgName ?? PLATFORM_ORG.name,
            kind: 'system',
            createdAt: now,
          })
          .returning()
      )[0]!;
    const user = await authRepo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      orgId: org.id,
      roles: ['system_admin'],
      mustChangePassword: input.mustChangePassword,
    });
    await recordAudit(
      tx,
      systemCtx(),
      {
        action: 'platform.init',
        entityType: 'user',
        entityId: user.id,
        actorUsername: 'bangfu init',
        orgId: org.id,
        after: {
          username: user.username,
          displayName: user.displayName,
          roles: user.roles,
          orgCode: org.code,
          orgCreated: !existing,
          mustChangePassword: input.mustChangePassword,
        },
      },
      now,
    );
    return { userId: user.id, username: user.username, orgCode: org.code, orgCreated: !existing };
  });
}
