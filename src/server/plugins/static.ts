import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/**
 * Serves the built web app; any non-API GET that is not a file gets index.html (client-side routes).
 * Unknown /api paths are JSON 404s.
 */
export async function registerStatic(app: FastifyInstance) {
  const hasWeb = existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      throw new AppError('not_found', `没有此接口 / No route ${request.method} ${request.url.split('?')[0]}`);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
