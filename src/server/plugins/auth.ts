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

/** Resolves the session cookie on every /api request and puts the service context on `request.ctx`. */
export function registerAuth(app: FastifyInstance, deps: TDeps) {
  app.decorateRequest('ctx', null as unknown as TCtx);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const user = token && request.url.startsWith('/api/') ? await authenticate(deps, token) : null;
    request.ctx = buildCtx(user, request.ip, request.headers['user-agent'] ?? null);
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
