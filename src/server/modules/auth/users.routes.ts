import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateUserBody,
  ZResetPasswordBody,
  ZUpdateUserBody,
  ZUserListItem,
  ZUserListQuery,
} from '../../../domain/api/auth.ts';
import { ZPage } from '../../../domain/api/common.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as users from './users.service.ts';

export function usersRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const preHandler = requirePermission('users.manage');
    const tags = ['users'];
    const params = z.object({ id: z.uuid() });

    app.get(
      '/api/users',
      {
        preHandler,
        schema: {
          tags,
          summary: '账户列表 Accounts',
          querystring: ZUserListQuery,
          response: { 200: ZPage(ZUserListItem) },
        },
      },
      async (request) => users.listUsers(deps, request.ctx, request.query),
    );
    app.post(
      '/api/users',
      {
        preHandler,
        schema: { tags, summary: '创建账户 Create an account (must change password)', body: ZCreateUserBody },
      },
      async (request, reply) => {
        const user = await users.createUser(deps, request.ctx, { ...request.body, mustChangePassword: true });
        return reply.status(201).send({ id: user.id });
      },
    );
    app.patch(
      '/api/users/:id',
      { preHandler, schema: { tags, summary: '修改账户 Update an account', params, body: ZUpdateUserBody } },
      async (request, reply) => {
        await users.updateUser(deps, request.ctx, request.params.id, request.body);
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/users/:id/unlock',
      { preHandler, schema: { tags, summary: '解除锁定 Unlock', params } },
      async (request, reply) => {
        await users.unlockUser(deps, request.ctx, request.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/users/:id/reset-password',
      { preHandler, schema: { tags, summary: '重置密码 Reset password', params, body: ZResetPasswordBody } },
      async (request, reply) => {
        await users.resetPassword(deps, request.ctx, request.params.id, request.body.password);
        return reply.status(204).send();
      },
    );
  };
}
