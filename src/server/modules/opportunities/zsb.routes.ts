import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZZsbPlan, ZZsbPlanBody, ZZsbReport, ZZsbReportQuery } from '../../../domain/api/opportunities.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as zsb from './zsb.service.ts';

/** 专升本专项计划 (zsb.manage): ratios per province and cohort, and the report. */
export function zsbRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['zsb'];
    const preHandler = requirePermission('zsb.manage');

    app.get(
      '/api/zsb/plans',
      {
        preHandler,
        schema: {
          tags,
          summary: '专升本计划比例 Plans (ratio per province and cohort)',
          querystring: z.object({ cohort: z.coerce.number().int().min(2000).max(2100).optional() }),
          response: { 200: z.array(ZZsbPlan) },
        },
      },
      async (request) => zsb.listPlans(deps, request.ctx, request.query.cohort),
    );
    app.put(
      '/api/zsb/plans',
      {
        preHandler,
        schema: {
          tags,
          summary: '设置专升本计划比例 Set a province’s ratio for a cohort',
          body: ZZsbPlanBody,
          response: { 200: ZZsbPlan },
        },
      },
      async (request) => zsb.setPlan(deps, request.ctx, request.body),
    );
    app.get(
      '/api/zsb/report',
      {
        preHandler,
        schema: {
          tags,
          summary: '专升本计划报表 Report per province: base, quota, applicants, admissions',
          querystring: ZZsbReportQuery,
          response: { 200: ZZsbReport },
        },
      },
      async (request) => zsb.reportZsb(deps, request.ctx, request.query.cohort),
    );
  };
}
