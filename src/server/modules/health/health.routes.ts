import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHealth } from '../../../domain/api/common.ts';
import type { TDeps } from '../../context.ts';

export function healthRoutes(deps: TDeps, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      { schema: { tags: ['system'], summary: '健康检查 Health', response: { 200: ZHealth, 503: ZHealth } } },
      async (_request, reply) => {
        const started = performance.now();
        let ok = true;
        try {
          await deps.database.db.execute(sql`select 1`);
        } catch {
          ok = false;
        }
        const body = {
          status: ok ? ('ok' as const) : ('degraded' as const),
          version,
          database: {
            ok,
            driver: deps.database.driver,
            latencyMs: Math.round((performance.now() - started) * 100) / 100,
          },
        };
        return reply.status(ok ? 200 : 503).send(body);
      },
    );
  };
}
