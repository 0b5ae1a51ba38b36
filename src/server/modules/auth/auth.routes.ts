import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZChangePasswordBody, ZLoginBody, ZMe } from '../../../domain/api/auth.ts';
import type { TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requireAuth, SESSION_COOKIE } from '../../plugins/auth.ts';
import * as auth from './auth.service.ts';
import { LoginRateLimiter } from './login-rate-limit.ts';

export function authRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const limiter = new LoginRateLimiter();
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: deps.config.nodeEnv === 'production',
    };

    app.post(
      '/api/auth/login',
      { schema: { tags: ['auth'], summary: '登录 Sign in', body: ZLoginBody, response: { 200: ZMe } } },
      async (request, reply) => {
        const now = () => deps.clock.now().getTime();
        if (limiter.isBlocked(request.ip, now())) {
          throw new AppError(
            'rate_limited',
            '登录失败次数过多，请稍后再试 / Too many failed sign-ins; try later',
          );
        }
        const { token, me } = await auth.login(deps, request.ctx, request.body).catch((err: unknown) => {
          if (err instanceof AppError) limiter.recordFailure(request.ip, now());
          throw err;
        });
        reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: auth.SESSION_MAX_MS / 1000 });
        return me;
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], summary: '退出 Sign out' } },
      async (request, reply) => {
        await auth.logout(deps, request.ctx);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/auth/me',
      {
        preHandler: requireAuth,
        schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: ZMe } },
      },
      async (request) => auth.toMe(request.ctx.user!),
    );

    app.post(
      '/api/auth/password',
      {
        preHandler: requireAuth,
        schema: { tags: ['auth'], summary: '修改密码 Change password', body: ZChangePasswordBody },
      },
      async (request, reply) => {
        await auth.changePassword(deps, request.ctx, request.body);
        return reply.status(204).send();
      },
    );
  };
}
