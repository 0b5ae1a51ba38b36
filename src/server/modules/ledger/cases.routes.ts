import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage, ZPageQuery } from '../../../domain/api/common.ts';
import {
  ZBulkMeasureBody,
  ZBulkResult,
  ZBulkStatusBody,
  ZCaseDetail,
  ZCaseEvent,
  ZCaseListItem,
  ZCaseListQuery,
  ZCaseloadSummary,
  ZCaseRevealBody,
  ZDestinationBody,
  ZFollowUpBody,
  ZMeasureBody,
  ZNeedsBody,
  ZPlanBody,
  ZProgressBody,
  ZSiqingQuery,
  ZSiqingRow,
  ZStatusBody,
  ZVersionBody,
} from '../../../domain/api/ledger.ts';
import { MAX_EVIDENCE_BYTES } from '../../../domain/api/portal.ts';
import { zLine } from '../../../domain/api/primitives.ts';
import { ZLedgerRules } from '../../../domain/ledger/rules.ts';
import type { TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requirePermission } from '../../plugins/auth.ts';
import { sendDownload } from '../../plugins/download.ts';
import * as files from './case-files.service.ts';
import * as reads from './case-reads.service.ts';
import * as bulk from './cases-bulk.service.ts';
import * as query from './cases-query.service.ts';
import * as write from './cases-write.service.ts';
import { getLedgerRules, setLedgerRules } from './ledger-rules.ts';

export function casesRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES + 1, files: 1, fields: 5 } });
    const tags = ['ledger'];
    const read = requirePermission('cases.read');
    const edit = requirePermission('cases.write');
    const params = z.object({ id: z.uuid() });
    const detail = { 200: ZCaseDetail };

    app.get(
      '/api/cases',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '帮扶台账（按紧急程度）Caseload, most urgent first',
          querystring: ZCaseListQuery,
          response: { 200: ZPage(ZCaseListItem) },
        },
      },
      async (request) => query.listCases(deps, request.ctx, request.query),
    );
    app.get(
      '/api/cases/summary',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '台账汇总 Caseload summary',
          querystring: ZCaseListQuery,
          response: { 200: ZCaseloadSummary },
        },
      },
      async (request) => query.summarizeCaseload(deps, request.ctx, request.query),
    );
    app.get(
      '/api/cases/:id',
      { preHandler: read, schema: { tags, summary: '一人一策 Case file', params, response: detail } },
      async (request) => reads.readCase(deps, request.ctx, request.params.id),
    );
    app.get(
      '/api/cases/:id/events',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '时间线 Case timeline',
          params,
          querystring: ZPageQuery.extend({ kind: zLine().max(30).optional() }),
          response: { 200: ZPage(ZCaseEvent) },
        },
      },
      async (request) => reads.readTimeline(deps, request.ctx, request.params.id, request.query),
    );

    // overwriting edits carry the version they were made on (409 version_conflict otherwise)
    app.put(
      '/api/cases/:id/needs',
      {
        preHandler: edit,
        schema: { tags, summary: '就业需求 Intention and needs', params, body: ZNeedsBody, response: detail },
      },
      async (request) => write.updateNeeds(deps, request.ctx, request.params.id, request.body),
    );
    app.put(
      '/api/cases/:id/plan',
      {
        preHandler: edit,
        schema: { tags, summary: '一人一策 Plan', params, body: ZPlanBody, response: detail },
      },
      async (request) => write.updatePlan(deps, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/verify-profile',
      {
        preHandler: edit,
        schema: {
          tags,
          summary: '核实人员信息 Verify profile',
          params,
          body: ZVersionBody,
          response: detail,
        },
      },
      async (request) => write.verifyProfile(deps, request.ctx, request.params.id, request.body.version),
    );
    app.put(
      '/api/cases/:id/destination',
      {
        preHandler: edit,
        schema: { tags, summary: '毕业去向 Destination', params, body: ZDestinationBody, response: detail },
      },
      async (request) => write.setDestination(deps, request.ctx, request.params.id, request.body),
    );
    app.put(
      '/api/cases/:id/status',
      {
        preHandler: edit,
        schema: { tags, summary: '状态 Status', params, body: ZStatusBody, response: detail },
      },
      async (request) => write.setStatus(deps, request.ctx, request.params.id, request.body),
    );

    // appends
    app.post(
      '/api/cases/:id/measures',
      {
        preHandler: edit,
        schema: { tags, summary: '帮扶举措 Log a measure', params, body: ZMeasureBody, response: detail },
      },
      async (request) => write.addMeasure(deps, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/follow-ups',
      {
        preHandler: edit,
        schema: { tags, summary: '跟踪服务 Log a follow-up', params, body: ZFollowUpBody, response: detail },
      },
      async (request) => write.addFollowUp(deps, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/progress',
      {
        preHandler: edit,
        schema: { tags, summary: '求职进展 Log progress', params, body: ZProgressBody, response: detail },
      },
      async (request) => write.addProgress(deps, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/files',
      {
        preHandler: edit,
        schema: {
          tags,
          summary: '上传证明材料（multipart 字段 file，PDF/JPG/PNG ≤ 10 MB）Upload evidence',
          params,
          response: {
            201: z.object({ id: z.string(), name: z.string(), size: z.number(), createdAt: z.string() }),
          },
        },
      },
      async (request, reply) => {
        const file = await request.file();
        if (!file) throw new AppError('validation_error', '请选择要上传的文件 / Choose a file to upload');
        const content = await file.toBuffer().catch(() => {
          throw new AppError('validation_error', '文件超过 10 MB / The file is larger than 10 MB');
        });
        const saved = await files.uploadEvidence(deps, request.ctx, request.params.id, {
          name: file.filename,
          content,
        });
        return reply.code(201).send(saved);
      },
    );
    app.get(
      '/api/cases/:id/files/:fileId',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '下载证明材料 Download evidence',
          params: params.extend({ fileId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const file = await reads.downloadEvidence(
          deps,
          request.ctx,
          request.params.id,
          request.params.fileId,
        );
        await sendDownload(reply, { name: file.name, type: file.mime }, async (out) => {
          out.end(Buffer.from(file.content));
        });
      },
    );
    app.post(
      '/api/cases/:id/reveal',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '查看完整证件号或电话（留痕）Reveal ID number or phone (audited)',
          params,
          body: ZCaseRevealBody,
          response: { 200: z.object({ value: z.string() }) },
        },
      },
      async (request) => files.revealOnCase(deps, request.ctx, request.params.id, request.body),
    );

    app.post(
      '/api/cases/bulk/measures',
      {
        preHandler: edit,
        schema: {
          tags,
          summary: '批量记录举措 Log one measure for many',
          body: ZBulkMeasureBody,
          response: { 200: ZBulkResult },
        },
      },
      async (request) => bulk.bulkAddMeasure(deps, request.ctx, request.body),
    );
    app.post(
      '/api/cases/bulk/status',
      {
        preHandler: edit,
        schema: {
          tags,
          summary: '批量设置状态 Set status for many',
          body: ZBulkStatusBody,
          response: { 200: ZBulkResult },
        },
      },
      async (request) => bulk.bulkSetStatus(deps, request.ctx, request.body),
    );

    app.get(
      '/api/ledger/siqing',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '四清 per unit',
          querystring: ZSiqingQuery,
          response: { 200: z.array(ZSiqingRow) },
        },
      },
      async (request) => query.siqingByUnit(deps, request.ctx, request.query),
    );
    app.get(
      '/api/ledger/rules',
      {
        preHandler: read,
        schema: { tags, summary: '服务时限规则 Service-level rules', response: { 200: ZLedgerRules } },
      },
      async () => getLedgerRules(deps.database.db),
    );
    app.put(
      '/api/ledger/rules',
      {
        preHandler: requirePermission('ledger.settings'),
        schema: {
          tags,
          summary: '设置服务时限规则 Set service-level rules',
          body: ZLedgerRules,
          response: { 200: ZLedgerRules },
        },
      },
      async (request) => setLedgerRules(deps, request.ctx, request.body),
    );
  };
}
