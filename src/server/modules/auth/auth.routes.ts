import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZChangePasswordBody,
  ZLoginBody,
  ZMe,
  ZSmsRequestBody,
  ZSmsRequestResult,
  ZSmsVerifyBody,
} from '../../../domain/api/auth.ts';
import type { TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requireAuth, SESSION_COOKIE } from '../../plugins/auth.ts';
import * as auth from './auth.service.ts';
import { LoginRateLimiter } from './login-rate-limit.ts';
import * as smsLogin from './sms-login.service.ts';

export function authRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const limiter = new LoginRateLimiter();
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      // Secure only behind the TLS proxy (TRUST_PROXY): over plain HTTP a Secure cookie is never sent back
      secure: deps.config.trustProxy,
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

    // SMS sign-in: every code request counts against the address (30 per 10 min), so one client cannot spray
    // numbers; wrong codes count against it like wrong passwords do
    const smsRequests = new LoginRateLimiter(30, 10 * 60_000);
    const smsFailures = new LoginRateLimiter();
    const tooMany = () =>
      new AppError('rate_limited', '尝试次数过多，请稍后再试 / Too many attempts; try later');

    app.post(
      '/api/auth/sms/request',
      {
        schema: {
          tags: ['auth'],
          summary: '获取短信验证码（毕业生）Request an SMS sign-in code (graduates)',
          body: ZSmsRequestBody,
          response: { 202: ZSmsRequestResult },
        },
      },
      async (request, reply) => {
        const now = deps.clock.now().getTime();
        if (smsRequests.isBlocked(request.ip, now)) throw tooMany();
        smsRequests.recordFailure(request.ip, now);
        return reply.status(202).send(await smsLogin.requestSmsCode(deps, request.ctx, request.body));
      },
    );

    app.post(
      '/api/auth/sms/verify',
      {
        schema: {
          tags: ['auth'],
          summary: '短信验证码登录 Sign in with an SMS code',
          body: ZSmsVerifyBody,
          response: { 200: ZMe },
        },
      },
      async (request, reply) => {
        const now = () => deps.clock.now().getTime();
        if (smsFailures.isBlocked(request.ip, now())) throw tooMany();
        const { token, me } = await smsLogin
          .verifySmsCode(deps, request.ctx, request.body)
          .catch((err: unknown) => {
            if (err instanceof AppError) smsFailures.recordFailure(request.ip, now());
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
