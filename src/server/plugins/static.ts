import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/**
 * Serves the built web app; a GET for a page path (no file extension) that is not a file gets index.html
 * (client-side routes). Unknown /api paths and missing assets are JSON 404s, never index.html.
 */
export async function registerStatic(app: FastifyInstance) {
  const hasWeb = existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, index: false });
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (
      pathname.startsWith('/api/') ||
      request.method !== 'GET' ||
      !hasWeb ||
      /\.[a-z0-9]+$/i.test(pathname)
    ) {
      throw new AppError('not_found', `没有此接口 / No route ${request.method} ${pathname}`);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
