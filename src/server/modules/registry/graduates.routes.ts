import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZGraduateListItem,
  ZGraduateListQuery,
  ZRevealBody,
  ZRevealResult,
} from '../../../domain/api/registry.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as graduates from './graduates.service.ts';

export function graduatesRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['registry'];
    app.get(
      '/api/graduates',
      {
        preHandler: requirePermission('graduates.read'),
        schema: {
          tags,
          summary: '毕业生 Graduates in scope',
          querystring: ZGraduateListQuery,
          response: { 200: ZPage(ZGraduateListItem) },
        },
      },
      async (request) => graduates.listGraduates(deps, request.ctx, request.query),
    );
    app.post(
      '/api/graduates/:id/reveal',
      {
        preHandler: requirePermission('graduates.reveal'),
        schema: {
          tags,
          summary: '查看完整身份证号 Reveal ID number (audited)',
          params: z.object({ id: z.uuid() }),
          body: ZRevealBody,
          response: { 200: ZRevealResult },
        },
      },
      async (request) => ({
        idNumber: await graduates.revealIdNumber(deps, request.ctx, request.params.id, request.body.reason),
      }),
    );
  };
}
