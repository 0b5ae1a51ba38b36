import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditEvent, ZAuditQuery, ZAuditVerifyResult } from '../../../domain/api/audit.ts';
import { ZPage } from '../../../domain/api/common.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import { listAuditEvents } from './audit.service.ts';
import { verifyAudit } from './audit-checkpoint.ts';

export function auditRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const guard = requirePermission('audit.read');
    app.get(
      '/api/audit',
      {
        preHandler: guard,
        schema: {
          tags: ['audit'],
          summary: '审计日志 Audit events',
          querystring: ZAuditQuery,
          response: { 200: ZPage(ZAuditEvent) },
        },
      },
      async (request) => listAuditEvents(deps.database.db, request.ctx, request.query),
    );
    app.get(
      '/api/audit/verify',
      {
        preHandler: guard,
        schema: {
          tags: ['audit'],
          summary: '校验哈希链 Verify chain',
          response: { 200: ZAuditVerifyResult },
        },
      },
      async () => verifyAudit(deps),
    );
  };
}
