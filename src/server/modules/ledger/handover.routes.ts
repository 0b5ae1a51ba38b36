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
  ZResponsibleBody,
  ZResponsibleCandidate,
} from '../../../domain/api/handover.ts';
import { ZCaseDetail } from '../../../domain/api/ledger.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as responsible from './case-responsible.service.ts';
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
    // after handover the bureau names its staff member responsible for the case (holder rule in the service)
    const params = z.object({ id: z.uuid() });
    app.get(
      '/api/cases/:id/responsible-candidates',
      {
        preHandler: requirePermission('cases.read'),
        schema: {
          tags,
          summary: '可指定的责任人 Bureau staff who can be responsible for a handed-over case',
          params,
          response: { 200: z.array(ZResponsibleCandidate) },
        },
      },
      async (request) => responsible.listResponsibleCandidates(deps, request.ctx, request.params.id),
    );
    app.put(
      '/api/cases/:id/responsible',
      {
        preHandler: requirePermission('cases.write'),
        schema: {
          tags,
          summary: '指定责任人 Name the bureau’s responsible person for a handed-over case',
          params,
          body: ZResponsibleBody,
          response: { 200: ZCaseDetail },
        },
      },
      async (request) => responsible.setResponsible(deps, request.ctx, request.params.id, request.body),
    );
  };
}
