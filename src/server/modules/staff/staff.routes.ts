import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZClassAssignBody,
  ZClassAssignResult,
  ZClassList,
  ZClassListQuery,
  ZManageableOrg,
  ZMoveCaseloadBody,
  ZStaffImportResult,
} from '../../../domain/api/staff.ts';
import type { TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requirePermission } from '../../plugins/auth.ts';
import { sendDownload, XLSX_TYPE } from '../../plugins/download.ts';
import { grantsOfActor, listManageableOrgs } from '../auth/account-scope.repo.ts';
import { removeUpload, storeUpload } from '../imports/uploads.ts';
import * as classes from './class-assign.service.ts';
import { readStaffFile, type TStaffFile } from './staff-file.ts';
import { checkStaffFile, importStaff } from './staff-import.service.ts';
import {
  loadStaffTemplateOptions,
  STAFF_TEMPLATE_NAME,
  staffErrorFileName,
  writeStaffErrorWorkbook,
  writeStaffTemplate,
} from './staff-workbooks.ts';

const MAX_STAFF_FILE_BYTES = 10 * 1024 * 1024;

/** Staff accounts at scale (import, template, manageable orgs) and counselor ↔ class assignments (issue 22). */
export function staffRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_STAFF_FILE_BYTES, files: 1, fields: 5 } });
    const manage = requirePermission('users.manage');
    const assign = requirePermission('classes.assign');
    const tags = ['users'];

    /** The uploaded file, read and removed again: staff files are small and never kept. */
    const readUpload = async (
      request: Parameters<typeof manage>[0],
    ): Promise<{ file: TStaffFile; name: string }> => {
      const upload = await request.file();
      if (!upload) throw new AppError('validation_error', '请选择要上传的文件 / Choose a file to upload');
      const stored = await storeUpload(deps.config.dataDir, upload.filename, upload.file);
      try {
        return { file: await readStaffFile(stored, upload.filename), name: upload.filename };
      } finally {
        await removeUpload(stored);
      }
    };

    app.get(
      '/api/users/manageable-orgs',
      {
        preHandler: manage,
        schema: {
          tags,
          summary: '可管理账户的机构 Orgs whose accounts you manage',
          response: { 200: z.array(ZManageableOrg) },
        },
      },
      async (request) =>
        (await listManageableOrgs(deps.database.db, grantsOfActor(request.ctx.user))).map((o) => ({
          id: o.id,
          code: o.code,
          name: o.name,
          kind: o.kind,
          roles: o.roles,
        })),
    );
    app.get(
      '/api/users/import/template',
      {
        preHandler: manage,
        schema: { tags, summary: '下载账户导入模板 Staff import template with drop-downs' },
      },
      async (request, reply) => {
        const opts = await loadStaffTemplateOptions(deps, request.ctx);
        await sendDownload(reply, { name: STAFF_TEMPLATE_NAME, type: XLSX_TYPE }, (out) =>
          writeStaffTemplate(out, opts),
        );
      },
    );
    app.post(
      '/api/users/import',
      {
        preHandler: manage,
        schema: {
          tags,
          summary:
            '导入账户（multipart 字段 file；全部正确才写入）Import staff accounts: all or nothing; 201 created, 200 with errors',
          response: { 200: ZStaffImportResult, 201: ZStaffImportResult },
        },
      },
      async (request, reply) => {
        const { file, name } = await readUpload(request);
        const result = await importStaff(deps, request.ctx, file, name);
        return reply.status(result.ok ? 201 : 200).send(result);
      },
    );
    app.post(
      '/api/users/import/errors',
      {
        preHandler: manage,
        schema: {
          tags,
          summary: '错误行工作簿（再次上传同一文件）Error workbook of a staff file (upload it again)',
        },
      },
      async (request, reply) => {
        const { file, name } = await readUpload(request);
        const { errors } = await checkStaffFile(deps, request.ctx, file);
        await sendDownload(reply, { name: staffErrorFileName(name), type: XLSX_TYPE }, (out) =>
          writeStaffErrorWorkbook(out, file, errors),
        );
      },
    );

    app.get(
      '/api/classes',
      {
        preHandler: assign,
        schema: {
          tags: ['classes'],
          summary: '班级与辅导员 Classes of the university with their counselors',
          querystring: ZClassListQuery,
          response: { 200: ZClassList },
        },
      },
      async (request) => classes.listClasses(deps, request.ctx, request.query),
    );
    app.put(
      '/api/classes/counselors',
      {
        preHandler: assign,
        schema: {
          tags: ['classes'],
          summary: '设置班级辅导员 Set the counselors of a class',
          body: ZClassAssignBody,
          response: { 200: ZClassAssignResult },
        },
      },
      async (request) => classes.setClassCounselors(deps, request.ctx, request.body),
    );
    app.post(
      '/api/classes/move',
      {
        preHandler: assign,
        schema: {
          tags: ['classes'],
          summary: '移交辅导员的全部班级 Move all classes of one counselor to another',
          body: ZMoveCaseloadBody,
          response: { 200: ZClassAssignResult },
        },
      },
      async (request) => classes.moveCaseload(deps, request.ctx, request.body),
    );
  };
}
