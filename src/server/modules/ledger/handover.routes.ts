import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZHandoverBatch,
  ZHandoverBatchDetail,
  ZHandoverCommitBody,
  ZHandoverListQuery,
  ZHandoverPreview,
  ZHandoverPreviewBody,
} from '../../../domain/api/handover.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as handover from './handover.service.ts';

export function handoverRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['ledger'];
    const guard = requirePermission('cases.handover');
    app.post(
      '/api/handovers/preview',
      {
        preHandler: guard,
        schema: {
          tags,
          summary: '移交预览 Preview a handover of the cohort to county HRSS bureaus',
          body: ZHandoverPreviewBody,
          response: { 200: ZHandoverPreview },
        },
      },
      async (request) => handover.previewHandover(deps, request.ctx, request.body.cohort),
    );
    app.post(
      '/api/handovers',
      {
        preHandler: guard,
        schema: {
          tags,
          summary: '移交人社（离校未就业实名帮扶）Hand cases over to county HRSS bureaus',
          body: ZHandoverCommitBody,
          response: { 200: ZHandoverBatch },
        },
      },
      async (request) => handover.commitHandover(deps, request.ctx, request.body),
    );
    app.get(
      '/api/handovers',
      {
        preHandler: guard,
        schema: {
          tags,
          summary: '移交批次 Handover batches of the university',
          querystring: ZHandoverListQuery,
          response: { 200: ZPage(ZHandoverBatch) },
        },
      },
      async (request) => handover.listHandovers(deps, request.ctx, request.query),
    );
    app.get(
      '/api/handovers/:id',
      {
        preHandler: guard,
        schema: {
          tags,
          summary: '移交批次详情 A handover batch with its cases',
          params: z.object({ id: z.uuid() }),
          response: { 200: ZHandoverBatchDetail },
        },
      },
      async (request) => handover.getHandover(deps, request.ctx, request.params.id),
    );
  };
}
