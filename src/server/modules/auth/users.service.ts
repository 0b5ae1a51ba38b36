import { accountDenial, type TAccountOrg } from '../../../domain/accounts/account-scope.ts';
import type {
  TCreateUserBody,
  TUpdateUserBody,
  TUserListItem,
  TUserListQuery,
} from '../../../domain/api/auth.ts';
import type { TOrgKind } from '../../../domain/orgs.ts';
import { ROLE_ORG_KINDS, type TRole } from '../../../domain/roles.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { accountsWhere, findAccountOrg, grantsOfActor } from './account-scope.repo.ts';
import * as repo from './auth.repo.ts';
import { hashPassword } from './password.ts';

function assertRolesFit(roles: readonly TRole[], orgKind: string) {
  const misfit = roles.filter((r) => !ROLE_ORG_KINDS[r].includes(orgKind));
  if (misfit.length) {
    throw new AppError(
      'validation_error',
      `角色 ${misfit.join(', ')} 不适用于 ${orgKind} 类机构 / Role(s) ${misfit.join(', ')} do not fit an org of kind ${orgKind}`,
    );
  }
}

/**
 * Refuse (403) an account change outside the actor's account scope (domain/accounts/account-scope.ts): the org
 * must be one they manage and every role one they may give there. A 403 rather than a 404, because the org tree
 * and the account list are not secret from staff; the reason says which rule.
 */
export function assertManages(ctx: TCtx, org: TAccountOrg, roles: readonly TRole[]) {
  const denial = accountDenial(grantsOfActor(ctx.user), org, roles);
  if (!denial) return;
  throw new AppError(
    'forbidden',
    denial === 'org_out_of_scope'
      ? '该机构的账户不在您的管理范围内 / Accounts of this org are outside what you manage'
      : `您不能在该机构授予或管理角色 ${roles.join(', ')} / You cannot give or manage role(s) ${roles.join(', ')} in this org`,
    { reason: denial },
  );
}

/** Create an account in an org unit; every role must fit the org's kind and the creator's scope. Audited. */
export async function createUser(
  deps: TDeps,
  ctx: TCtx,
  body: TCreateUserBody & { mustChangePassword?: boolean },
) {
  const { db } = deps.database;
  const org = await findAccountOrg(db, { code: body.orgCode });
  if (!org) throw new AppError('validation_error', `机构代码不存在 / Unknown org code ${body.orgCode}`);
  assertRolesFit(body.roles, org.kind);
  assertManages(ctx, org, body.roles);
  if (await repo.findUserByUsername(db, body.username)) {
    throw new AppError('conflict', `用户名已存在 / Username ${body.username} is taken`);
  }
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      username: body.username,
      displayName: body.displayName,
      passwordHash,
      orgId: org.id,
      roles: body.roles,
      mustChangePassword: body.mustChangePassword ?? false,
    });
    const after = {
      username: user.username,
      displayName: user.displayName,
      orgCode: org.code,
      roles: user.roles,
    };
    await recordAudit(
      tx,
      ctx,
      { action: 'user.create', entityType: 'user', entityId: user.id, after },
      deps.clock.now(),
    );
    return user;
  });
}

/** One page of the accounts the user manages (their account scope). */
export async function listUsers(deps: TDeps, ctx: TCtx, q: TUserListQuery) {
  const { rows, total } = await repo.listUsers(
    deps.database.db,
    {
      q: q.q,
      role: q.role,
      status: q.status,
      sort: q.sort,
      now: deps.clock.now(),
      scope: accountsWhere(grantsOfActor(ctx.user)),
    },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  const items: TUserListItem[] = rows.map(({ user, org }) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as TRole[],
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind as TOrgKind },
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    lockedUntil:
      user.lockedUntil && user.lockedUntil > deps.clock.now() ? user.lockedUntil.toISOString() : null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The account, if the actor manages it (404 when it does not exist, 403 when it is outside their scope). */
async function getManagedUser(deps: TDeps, ctx: TCtx, id: string) {
  const user = await repo.findUserById(deps.database.db, id);
  if (!user) throw notFound('User');
  const org = (await findAccountOrg(deps.database.db, { id: user.orgId }))!;
  assertManages(ctx, org, user.roles as TRole[]);
  return { user, org };
}

/** Rename, change roles, or (de)activate; deactivation closes the user's sessions. Audited with before/after. */
export async function updateUser(deps: TDeps, ctx: TCtx, id: string, body: TUpdateUserBody) {
  const { user, org } = await getManagedUser(deps, ctx, id);
  if (body.roles) {
    assertRolesFit(body.roles, org.kind);
    assertManages(ctx, org, body.roles);
  }
  if (ctx.user?.id === id && body.active === false) {
    throw new AppError('validation_error', '不能停用自己的账户 / You cannot deactivate your own account');
  }
  if (
    ctx.user?.id === id &&
    body.roles &&
    user.roles.includes('system_admin') &&
    !body.roles.includes('system_admin')
  ) {
    throw new AppError(
      'validation_error',
      '不能移除自己的系统管理员角色 / You cannot remove your own system admin role',
    );
  }
  const before = { displayName: user.displayName, roles: user.roles, active: user.active };
  const after = { ...before, ...body };
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, id, body);
    if (body.active === false) await repo.deleteUserSessions(tx, id);
    await recordAudit(
      tx,
      ctx,
      { action: 'user.update', entityType: 'user', entityId: id, before, after },
      deps.clock.now(),
    );
  });
}

/** Lift a lockout before it expires (the user called the help desk). */
export async function unlockUser(deps: TDeps, ctx: TCtx, id: string) {
  const { user } = await getManagedUser(deps, ctx, id);
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, id, { lockedUntil: null, failedLogins: 0 });
    await recordAudit(
      tx,
      ctx,
      { action: 'user.unlock', entityType: 'user', entityId: id, before: { lockedUntil: user.lockedUntil } },
      deps.clock.now(),
    );
  });
}

/** Set a temporary password the user must change at next sign-in; their sessions are closed. */
export async function resetPassword(deps: TDeps, ctx: TCtx, id: string, password: string) {
  await getManagedUser(deps, ctx, id);
  const passwordHash = await hashPassword(password);
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, id, {
      passwordHash,
      mustChangePassword: true,
      lockedUntil: null,
      failedLogins: 0,
    });
    await repo.deleteUserSessions(tx, id);
    await recordAudit(
      tx,
      ctx,
      { action: 'user.reset_password', entityType: 'user', entityId: id },
      deps.clock.now(),
    );
  });
}
