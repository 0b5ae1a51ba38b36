import type { TCreateUserBody } from '../../../domain/api/auth.ts';
import { ROLE_ORG_KINDS } from '../../../domain/roles.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
import * as repo from './auth.repo.ts';
import { hashPassword } from './password.ts';

/** Create an account in an org unit; every role must fit the org's kind. Audited. */
export async function createUser(
  deps: TDeps,
  ctx: TCtx,
  body: TCreateUserBody & { mustChangePassword?: boolean },
) {
  const { db } = deps.database;
  const org = await orgsRepo.findOrgByCode(db, body.orgCode);
  if (!org) throw new AppError('validation_error', `机构代码不存在 / Unknown org code ${body.orgCode}`);
  const misfit = body.roles.filter((r) => !ROLE_ORG_KINDS[r].includes(org.kind));
  if (misfit.length) {
    throw new AppError(
      'validation_error',
      `角色 ${misfit.join(', ')} 不适用于 ${org.kind} 类机构 / Role(s) ${misfit.join(', ')} do not fit an org of kind ${org.kind}`,
    );
  }
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
    await recordAudit(
      tx,
      ctx,
      {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: {
          username: user.username,
          displayName: user.displayName,
          orgCode: org.code,
          roles: user.roles,
        },
      },
      deps.clock.now(),
    );
    return user;
  });
}
