import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZImportBatch,
  ZImportListQuery,
  ZImportRow,
  ZImportRowsQuery,
  ZImportUploadQuery,
  ZRemapBody,
} from '../../../domain/api/imports.ts';
import { zLine } from '../../../domain/api/primitives.ts';
import { IMPORT_KINDS } from '../../../domain/registry/fields.ts';
import type { TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requirePermission } from '../../plugins/auth.ts';
import { sendDownload, XLSX_TYPE } from '../../plugins/download.ts';
import { commitBatch, discardBatch, revertBatch } from './import-commit.service.ts';
import type { ImportJobs } from './import-jobs.ts';
import { getBatch, listBatches, listBatchRows, toBatchDto } from './import-query.service.ts';
import { remapBatch } from './import-remap.ts';
import { beginImport } from './import-stage.service.ts';
import { saveMappingTemplate } from './mapping-templates.ts';
import { MAX_UPLOAD_BYTES, removeUpload, storeUpload } from './uploads.ts';
import { errorWorkbookFileName, exportErrorWorkbook } from './workbooks/error-workbook.ts';
import {
  loadTemplateOptions,
  templateFileName,
  writeTemplateWorkbook,
} from './workbooks/template-workbook.ts';

export function importRoutes(deps: TDeps, jobs: ImportJobs): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
    const preHandler = requirePermission('imports.manage');
    const tags = ['imports'];
    const params = z.object({ id: z.uuid() });
    const inBackground = (run: () => Promise<unknown>) =>
      jobs.start(run, (err) => {
        if (!(err instanceof AppError)) app.log.error({ err }, 'import staging failed');
      });

    app.post(
      '/api/imports',
      {
        preHandler,
        schema: {
          tags,
          summary:
            '上传名单（multipart 字段 file）Upload a roster or registry file; staging continues in the background',
          querystring: ZImportUploadQuery,
          response: { 202: ZImportBatch },
        },
      },
      async (request, reply) => {
        const file = await request.file();
        if (!file) throw new AppError('validation_error', '请选择要上传的文件 / Choose a file to upload');
        const stored = await storeUpload(deps.config.dataDir, file.filename, file.file);
        const q = request.query;
        const started = await beginImport(deps, request.ctx, {
          kind: q.kind,
          filePath: stored,
          fileName: file.filename,
          universityCode: q.university,
          cohort: q.cohort,
          storedFile: stored,
        }).catch(async (err: unknown) => {
          await removeUpload(stored);
          throw err;
        });
        inBackground(() => started.run());
        return reply.status(202).send(toBatchDto(started.batch, null));
      },
    );

    app.get(
      '/api/imports',
      {
        preHandler,
        schema: {
          tags,
          summary: '导入批次 Import batches',
          querystring: ZImportListQuery,
          response: { 200: ZPage(ZImportBatch) },
        },
      },
      async (request) => listBatches(deps, request.ctx, request.query),
    );
    app.get(
      '/api/imports/:id',
      {
        preHandler,
        schema: {
          tags,
          summary: '批次状态与进度 Batch status and progress',
          params,
          response: { 200: ZImportBatch },
        },
      },
      async (request) => getBatch(deps, request.ctx, request.params.id),
    );
    app.get(
      '/api/imports/:id/rows',
      {
        preHandler,
        schema: {
          tags,
          summary: '暂存行（错误、变更预览）Staged rows',
          params,
          querystring: ZImportRowsQuery,
          response: { 200: ZPage(ZImportRow) },
        },
      },
      async (request) => listBatchRows(deps, request.ctx, request.params.id, request.query),
    );
    app.post(
      '/api/imports/:id/remap',
      {
        preHandler,
        schema: {
          tags,
          summary: '按修正的列映射重新解析 Re-stage with a corrected mapping',
          params,
          body: ZRemapBody,
          response: { 202: ZImportBatch },
        },
      },
      async (request, reply) => {
        const started = await remapBatch(deps, request.ctx, request.params.id, request.body);
        inBackground(() => started.run());
        return reply.status(202).send(toBatchDto(started.batch, null));
      },
    );
    app.post(
      '/api/imports/:id/mapping-template',
      {
        preHandler,
        schema: {
          tags,
          summary: '保存为本单位列映射模板 Save the batch’s mapping as the organisation’s template',
          params,
          body: z.object({ name: zLine().min(1).max(60) }),
          response: {
            201: z.object({ id: z.string(), name: z.string(), headers: z.record(z.string(), z.string()) }),
          },
        },
      },
      async (request, reply) => {
        const saved = await saveMappingTemplate(deps, request.ctx, request.params.id, request.body.name);
        return reply.status(201).send({ id: saved.id, name: saved.name, headers: saved.headers });
      },
    );
    app.get(
      '/api/imports/:id/error-workbook',
      {
        preHandler,
        schema: {
          tags,
          summary:
            '下载错误清单（原格式，可修改后重新上传）Error rows as XLSX in the upload layout (audited)',
          params,
        },
      },
      async (request, reply) => {
        const batch = await getBatch(deps, request.ctx, request.params.id);
        await sendDownload(reply, { name: errorWorkbookFileName(batch.fileName), type: XLSX_TYPE }, (out) =>
          exportErrorWorkbook(deps, request.ctx, batch.id, out),
        );
      },
    );
    app.get(
      '/api/imports/templates/:kind',
      {
        preHandler,
        schema: {
          tags,
          summary: '下载导入模板 Excel template with dropdowns',
          params: z.object({ kind: z.enum(IMPORT_KINDS) }),
          querystring: z.object({ cohort: z.coerce.number().int().min(2000).max(2100).optional() }),
        },
      },
      async (request, reply) => {
        const { kind } = request.params;
        const options = await loadTemplateOptions(deps, request.ctx, kind, request.query.cohort);
        await sendDownload(reply, { name: templateFileName(kind), type: XLSX_TYPE }, (out) =>
          writeTemplateWorkbook(kind, out, options),
        );
      },
    );
    for (const [action, summary, fn] of [
      ['commit', '提交批次 Commit a batch', commitBatch],
      ['discard', '放弃批次 Discard a batch', discardBatch],
      ['revert', '撤销批次 Revert a committed batch', revertBatch],
    ] as const) {
      app.post(
        `/api/imports/:id/${action}`,
        {
          preHandler,
          schema: {
            tags,
            summary,
            params,
            response: { 200: ZImportBatch },
          },
        },
        async (request) => {
          await fn(deps, request.ctx, request.params.id);
          return getBatch(deps, request.ctx, request.params.id);
        },
      );
    }
  };
}
