import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  MAX_EVIDENCE_BYTES,
  ZAccessLogItem,
  ZAccessLogQuery,
  ZSelfAccountResult,
  ZSelfCase,
  ZSelfCaseAnswer,
  ZSelfFile,
  ZSelfNeedsBody,
  ZSelfProgress,
  ZSelfProgressBody,
} from '../../../domain/api/portal.ts';
import { cleanFileName } from '../../../domain/file-name.ts';
import type { TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requirePermission } from '../../plugins/auth.ts';
import { fileTooLarge } from '../ledger/evidence-check.ts';
import * as portal from './portal.service.ts';
import { issueSelfAccount } from './self-account.service.ts';

/** Graduate self-service (/api/me/…, permission self.portal) and the staff action that opens it. */
export function portalRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5 } });
    const preHandler = requirePermission('self.portal');
    const tags = ['portal'];

    app.get(
      '/api/me/case',
      {
        preHandler,
        schema: {
          tags,
          summary: '我的就业服务档案 My own case file (self view; null while none is open)',
          response: { 200: ZSelfCaseAnswer },
        },
      },
      async (request) => portal.getSelfCase(deps, request.ctx),
    );

    app.put(
      '/api/me/needs',
      {
        preHandler,
        schema: {
          tags,
          summary: '确认或更新我的就业意向与需求 Confirm or update my intention and needs',
          body: ZSelfNeedsBody,
          response: { 200: ZSelfCase },
        },
      },
      async (request) => portal.updateSelfNeeds(deps, request.ctx, request.body),
    );

    app.post(
      '/api/me/progress',
      {
        preHandler,
        schema: {
          tags,
          summary: '报告求职进展或录用 Report progress or an offer',
          body: ZSelfProgressBody,
          response: { 201: ZSelfProgress },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await portal.addSelfProgress(deps, request.ctx, request.body)),
    );

    app.post(
      '/api/me/files',
      {
        preHandler,
        schema: {
          tags,
          summary: '上传证明材料（multipart 字段 file；PDF/JPG/PNG，≤ 10 MB）Upload evidence',
          response: { 201: ZSelfFile },
        },
      },
      async (request, reply) => {
        const file = await request.file();
        if (file?.fieldname !== 'file') {
          throw new AppError('validation_error', '请选择要上传的文件 / Choose a file to upload', {
            code: 'file_missing',
          });
        }
        const content = await file.toBuffer().catch((err: { code?: string }) => {
          throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? fileTooLarge() : err;
        });
        const stored = await portal.uploadSelfFile(deps, request.ctx, { name: file.filename, content });
        return reply.status(201).send(stored);
      },
    );

    app.get(
      '/api/me/files/:id',
      {
        preHandler,
        schema: {
          tags,
          summary: '下载我上传的材料 Download a file I uploaded',
          params: z.object({ id: z.uuid() }),
        },
      },
      async (request, reply) => {
        const file = await portal.getSelfFile(deps, request.ctx, request.params.id);
        return reply
          .header('content-type', file.mime)
          .header(
            'content-disposition',
            `inline; filename*=UTF-8''${encodeURIComponent(cleanFileName(file.name))}`,
          )
          .header('cache-control', 'private, no-store')
          .send(file.content);
      },
    );

    app.get(
      '/api/me/access-log',
      {
        preHandler,
        schema: {
          tags,
          summary: '谁查看或修改了我的档案 Who viewed or changed my record',
          querystring: ZAccessLogQuery,
          response: { 200: ZPage(ZAccessLogItem) },
        },
      },
      async (request) => portal.listSelfAccessLog(deps, request.ctx, request.query),
    );

    app.post(
      '/api/cases/:id/self-account',
      {
        preHandler: requirePermission('cases.write'),
        schema: {
          tags,
          summary: '开通或重置毕业生本人账户 Open the graduate’s own account (or re-issue its password)',
          params: z.object({ id: z.uuid() }),
          response: { 200: ZSelfAccountResult },
        },
      },
      async (request) => issueSelfAccount(deps, request.ctx, request.params.id),
    );
  };
}
