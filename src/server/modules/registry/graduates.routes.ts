import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZGraduateFilters,
  ZGraduateListItem,
  ZGraduateListQuery,
  ZGraduateStats,
  ZRevealBody,
  ZRevealResult,
} from '../../../domain/api/registry.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import { sendDownload, XLSX_TYPE } from '../../plugins/download.ts';
import * as graduates from './graduates.service.ts';
import { exportGraduates } from './graduates-export.ts';

export function graduatesRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['registry'];
    const read = requirePermission('graduates.read');
    app.get(
      '/api/graduates',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '毕业生 Graduates in scope (default: all; target=true for the target group)',
          querystring: ZGraduateListQuery,
          response: { 200: ZPage(ZGraduateListItem) },
        },
      },
      async (request) => graduates.listGraduates(deps, request.ctx, request.query),
    );
    app.get(
      '/api/graduates/stats',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '统计 Counts by province, county, university',
          querystring: ZGraduateFilters,
          response: { 200: ZGraduateStats },
        },
      },
      async (request) => graduates.countGraduates(deps, request.ctx, request.query),
    );
    app.get(
      '/api/graduates/export',
      {
        preHandler: requirePermission('graduates.export'),
        schema: {
          tags,
          summary: '导出 Excel（脱敏，留痕）Export to Excel (masked, audited)',
          querystring: ZGraduateFilters,
        },
      },
      async (request, reply) => {
        const name = `毕业生名单-${new Date().toISOString().slice(0, 10)}.xlsx`;
        await sendDownload(reply, { name, type: XLSX_TYPE }, (out) =>
          exportGraduates(deps, request.ctx, request.query, out),
        );
      },
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
