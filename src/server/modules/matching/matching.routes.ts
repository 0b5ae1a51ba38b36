import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZCaseRecommendations,
  ZFunnel,
  ZFunnelQuery,
  ZMatchingRun,
  ZMatchingSettings,
  ZMyPush,
  ZOutboxQuery,
  ZPushBody,
  ZPushItem,
  ZPushResult,
  ZRecommendationsQuery,
} from '../../../domain/api/matching.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import type { ImportJobs } from '../imports/import-jobs.ts';
import { getFunnel } from './funnel.service.ts';
import * as runs from './matching-runs.service.ts';
import { getMatchingSettings, setMatchingSettings } from './matching-settings.ts';
import { listMyPushes, markMyPushViewed } from './my-pushes.service.ts';
import { listOutbox } from './outbox.service.ts';
import { pushPost } from './push.service.ts';
import { getCaseRecommendations } from './recommendations.service.ts';

/** Recommendations, pushes, batch runs, the funnel, settings, and the graduate's pushed posts. */
export function matchingRoutes(deps: TDeps, jobs: ImportJobs): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['matching'];
    const read = requirePermission('cases.read');
    const pushing = requirePermission('matching.push');
    const self = requirePermission('self.portal');
    const params = z.object({ id: z.uuid() });

    app.get(
      '/api/cases/:id/recommendations',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '岗位推荐（含各因素得分与未入选原因）Recommendations with breakdown and near misses',
          params,
          querystring: ZRecommendationsQuery,
          response: { 200: ZCaseRecommendations },
        },
      },
      async (request) => getCaseRecommendations(deps, request.ctx, request.params.id, request.query),
    );
    app.post(
      '/api/cases/:id/push',
      {
        preHandler: pushing,
        schema: {
          tags,
          summary: '向毕业生推送岗位 Push a post to the graduate',
          params,
          body: ZPushBody,
          response: { 200: ZPushResult },
        },
      },
      async (request) => pushPost(deps, request.ctx, request.params.id, request.body),
    );
    app.get(
      '/api/matching/outbox',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '推送记录 Push outbox',
          querystring: ZOutboxQuery,
          response: { 200: ZPage(ZPushItem) },
        },
      },
      async (request) => listOutbox(deps, request.ctx, request.query),
    );
    app.post(
      '/api/matching/runs',
      {
        preHandler: pushing,
        schema: {
          tags,
          summary: '批量重新计算推荐 Recompute recommendations',
          response: { 202: ZMatchingRun },
        },
      },
      async (request, reply) => reply.status(202).send(await runs.startRun(deps, request.ctx, jobs)),
    );
    app.get(
      '/api/matching/runs/latest',
      {
        preHandler: pushing,
        schema: {
          tags,
          summary: '我最近的批量计算 My latest run',
          response: { 200: ZMatchingRun.nullable() },
        },
      },
      async (request) => runs.latestRun(deps, request.ctx),
    );
    app.get(
      '/api/matching/runs/:id',
      {
        preHandler: pushing,
        schema: { tags, summary: '批量计算进度 Run progress', params, response: { 200: ZMatchingRun } },
      },
      async (request) => runs.getRun(deps, request.ctx, request.params.id),
    );
    app.get(
      '/api/matching/funnel',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '推送漏斗 Push funnel',
          querystring: ZFunnelQuery,
          response: { 200: ZFunnel },
        },
      },
      async (request) => getFunnel(deps, request.ctx, request.query),
    );
    app.get(
      '/api/matching/settings',
      {
        preHandler: read,
        schema: { tags, summary: '推送设置 Push settings', response: { 200: ZMatchingSettings } },
      },
      async () => getMatchingSettings(deps.database.db),
    );
    app.put(
      '/api/matching/settings',
      {
        preHandler: requirePermission('ledger.settings'),
        schema: {
          tags,
          summary: '修改推送设置 Change push settings',
          body: ZMatchingSettings,
          response: { 200: ZMatchingSettings },
        },
      },
      async (request) => setMatchingSettings(deps, request.ctx, request.body),
    );
    app.get(
      '/api/me/pushes',
      {
        preHandler: self,
        schema: { tags, summary: '推送给我的岗位 Posts pushed to me', response: { 200: z.array(ZMyPush) } },
      },
      async (request) => listMyPushes(deps, request.ctx),
    );
    app.post(
      '/api/me/pushes/:id/view',
      {
        preHandler: self,
        schema: { tags, summary: '标记已查看 Mark a pushed post viewed', params, response: { 200: ZMyPush } },
      },
      async (request) => markMyPushViewed(deps, request.ctx, request.params.id),
    );
  };
}
