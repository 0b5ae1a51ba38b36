import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TPermission } from '../../domain/roles.ts';
import { hasPermission } from '../../domain/roles.ts';
import type { TCtx, TDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { authenticate, buildCtx } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'bangfu_sid';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: TCtx;
  }
}

/**
 * What a user signed in with a temporary password (mustChangePassword: a new account, a reset or a re-issued
 * self-service account) may call: the password change itself, `me` (the web app routes them to the password
 * page from it), sign-out, the sign-in routes and health. The temporary password was seen by whoever issued it,
 * so nothing else answers until the user has chosen their own.
 */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set([
  '/api/auth/me',
  '/api/auth/password',
  '/api/auth/logout',
  '/api/auth/login',
  '/api/auth/sms/request',
  '/api/auth/sms/verify',
  '/api/health',
]);

/**
 * Resolves the session cookie on every /api request and puts the service context on `request.ctx`; refuses
 * every other route to a user who still has to change their temporary password (403 password_change_required).
 */
export function registerAuth(app: FastifyInstance, deps: TDeps) {
  app.decorateRequest('ctx', null as unknown as TCtx);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const user = token && request.url.startsWith('/api/') ? await authenticate(deps, token) : null;
    request.ctx = buildCtx(user, request.ip, request.headers['user-agent'] ?? null);
    if (user?.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) {
      throw new AppError(
        'password_change_required',
        '请先修改初始密码 / Change your temporary password first',
      );
    }
  });
}

/** preHandler: the request must come from a signed-in user. */
export async function requireAuth(request: FastifyRequest, _reply: FastifyReply) {
  if (!request.ctx.user) throw new AppError('unauthenticated', '请先登录 / Please sign in');
}

/** preHandler factory: the signed-in user must hold the permission (same table the web menu reads). */
export function requirePermission(permission: TPermission) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    await requireAuth(request, reply);
    if (!hasPermission(request.ctx.user!.roles, permission)) {
      throw new AppError('forbidden', `需要权限 ${permission} / Requires permission ${permission}`);
    }
  };
}
