import { createHash, randomBytes } from 'node:crypto';
import type { TChangePasswordBody, TLoginBody, TMe } from '../../../domain/api/auth.ts';
import { listPermissions } from '../../../domain/roles.ts';
import { scopeFor } from '../../../domain/scope.ts';
import type { TCtx, TDeps, TSessionUser } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './auth.repo.ts';
import { getDummyHash, hashPassword, verifyPassword } from './password.ts';
import { recallSession, rememberSession } from './session-cache.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most this often, so reads do not turn into writes */
const TOUCH_EVERY_MS = 60_000;

/**
 * Count a wrong password against the account (at sign-in, or when changing the password with a stolen
 * session); the fifth in a row locks it for LOCKOUT_MS and ends its sessions. Returns the lock's end, if locked.
 */
async function recordPasswordFailure(
  deps: TDeps,
  ctx: TCtx,
  user: repo.TUserRow,
  action: 'auth.login_failed' | 'auth.password_change_failed',
): Promise<Date | null> {
  const now = deps.clock.now();
  const failed = user.failedLogins + 1;
  const lock = failed >= MAX_FAILED_LOGINS;
  const lockedUntil = lock ? new Date(now.getTime() + LOCKOUT_MS) : null;
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { failedLogins: lock ? 0 : failed, lockedUntil });
    if (lock) await repo.deleteUserSessions(tx, user.id);
    const base = { actorUsername: user.username, orgId: user.orgId, entityType: 'user', entityId: user.id };
    await recordAudit(tx, ctx, { ...base, action, after: { failedLogins: failed } }, now);
    if (lock) await recordAudit(tx, ctx, { ...base, action: 'auth.locked', after: { lockedUntil } }, now);
  });
  return lockedUntil;
}

/**
 * A sign-in attempt on a locked account: audited (a run of these is someone still guessing, and the org's
 * auditors should see it), then refused with the lock's end. The password is not checked while locked.
 */
export async function refuseLocked(
  deps: TDeps,
  ctx: TCtx,
  user: repo.TUserRow,
  method: 'password' | 'sms',
): Promise<never> {
  const lockedUntil = user.lockedUntil!.toISOString();
  await deps.database.db.transaction((tx) =>
    recordAudit(
      tx,
      ctx,
      {
        action: 'auth.login_locked',
        actorUsername: user.username,
        orgId: user.orgId,
        entityType: 'user',
        entityId: user.id,
        after: { method, lockedUntil },
      },
      deps.clock.now(),
    ),
  );
  throw new AppError('account_locked', '账户已临时锁定 / Account temporarily locked', { lockedUntil });
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Check the password, apply the lockout rule, and open a session. Failures and lockouts are audited; the
 * answer never tells whether the username exists.
 */
export async function login(deps: TDeps, ctx: TCtx, body: TLoginBody): Promise<{ token: string; me: TMe }> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const user = await repo.findUserByUsername(db, body.username);
  if (!user?.active) {
    await verifyPassword(await getDummyHash(), body.password);
    await db.transaction((tx) =>
      recordAudit(
        tx,
        ctx,
        { action: 'auth.login_failed', actorUsername: body.username, after: { reason: 'unknown_user' } },
        now,
      ),
    );
    throw new AppError('invalid_credentials', '用户名或密码错误 / Wrong username or password');
  }
  if (user.lockedUntil && user.lockedUntil > now) await refuseLocked(deps, ctx, user, 'password');
  if (!(await verifyPassword(user.passwordHash, body.password))) {
    const lockedUntil = await recordPasswordFailure(deps, ctx, user, 'auth.login_failed');
    if (lockedUntil) {
      throw new AppError(
        'account_locked',
        '密码错误次数过多，账户已临时锁定 / Too many failed attempts; account locked',
        {
          lockedUntil: lockedUntil.toISOString(),
        },
      );
    }
    throw new AppError('invalid_credentials', '用户名或密码错误 / Wrong username or password');
  }
  return startSession(deps, ctx, user);
}

/**
 * Open a session for a user whose credentials were just checked (password or SMS code): clear the failure
 * counter and lock, store the token's hash, audit the sign-in (`after`, e.g. the method), and return the token
 * for the cookie. `inTransaction` runs in the same transaction (e.g. marking an SMS code used).
 */
export async function startSession(
  deps: TDeps,
  ctx: TCtx,
  user: repo.TUserRow,
  opts: { after?: Record<string, unknown>; inTransaction?: (tx: TDbOrTx) => Promise<void> } = {},
): Promise<{ token: string; me: TMe }> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    await opts.inTransaction?.(tx);
    await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await repo.insertSession(tx, {
      tokenHash,
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      tx,
      { ...ctx },
      {
        action: 'auth.login',
        actorUsername: user.username,
        actorUserId: user.id,
        orgId: user.orgId,
        entityType: 'user',
        entityId: user.id,
        after: opts.after,
      },
      now,
    );
  });
  await repo.deleteExpiredSessions(db, now);
  const session = await repo.findSessionUser(db, tokenHash);
  return { token, me: toMe(session!.user) };
}

/** Resolve a cookie token to the user, enforcing idle and absolute expiry. */
export async function authenticate(deps: TDeps, token: string): Promise<TSessionUser | null> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  const cached = recallSession(tokenHash);
  const found = cached ?? (await repo.findSessionUser(db, tokenHash));
  if (!found) return null;
  const { session } = found;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (!found.active || session.expiresAt <= now || idleExpired) {
    await repo.deleteSession(db, tokenHash);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(db, tokenHash, now);
    found.session.lastSeenAt = now;
  }
  if (!cached) rememberSession(tokenHash, found);
  return found.user;
}

export async function logout(deps: TDeps, ctx: TCtx): Promise<void> {
  if (!ctx.user) return;
  const user = ctx.user;
  await deps.database.db.transaction(async (tx) => {
    await repo.deleteSession(tx, user.sessionTokenHash);
    await recordAudit(
      tx,
      ctx,
      { action: 'auth.logout', entityType: 'user', entityId: user.id },
      deps.clock.now(),
    );
  });
}

/** Change one's own password; other sessions of the user are closed. */
export async function changePassword(deps: TDeps, ctx: TCtx, body: TChangePasswordBody): Promise<void> {
  const me = requireUser(ctx);
  const { db } = deps.database;
  const user = await repo.findUserById(db, me.id);
  if (!user) throw new AppError('unauthenticated', '请先登录 / Please sign in');
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    const lockedUntil = await recordPasswordFailure(deps, ctx, user, 'auth.password_change_failed');
    if (lockedUntil) {
      throw new AppError(
        'account_locked',
        '密码错误次数过多，账户已临时锁定 / Too many failed attempts; account locked',
        {
          lockedUntil: lockedUntil.toISOString(),
        },
      );
    }
    throw new AppError('invalid_current_password', '当前密码不正确 / The current password is wrong');
  }
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, me.id, { passwordHash, mustChangePassword: false });
    await repo.deleteUserSessions(tx, me.id, me.sessionTokenHash);
    await recordAudit(
      tx,
      ctx,
      { action: 'auth.password_changed', entityType: 'user', entityId: me.id },
      deps.clock.now(),
    );
  });
}

export function requireUser(ctx: TCtx): TSessionUser {
  if (!ctx.user) throw new AppError('unauthenticated', '请先登录 / Please sign in');
  return ctx.user;
}

export function toMe(user: TSessionUser): TMe {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    permissions: listPermissions(user.roles),
    org: { id: user.org.id, name: user.org.name, kind: user.org.kind, regionCode: user.org.regionCode },
    mustChangePassword: user.mustChangePassword,
  };
}

export function buildCtx(user: TSessionUser | null, ip: string | null, userAgent: string | null): TCtx {
  return { user, scope: user ? scopeFor(user) : { clauses: [] }, ip, userAgent };
}
