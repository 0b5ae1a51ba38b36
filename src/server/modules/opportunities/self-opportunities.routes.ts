import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZApplyBody,
  ZMyApplication,
  ZOpportunityListItem,
  ZSelfOpportunity,
  ZZoneQuery,
  ZZoneRegion,
} from '../../../domain/api/opportunities.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as self from './applications.service.ts';
import * as posts from './opportunities.service.ts';

/** Graduate self-service (self.portal): the 52-county zone, a post's page, applying and withdrawing. */
export function selfOpportunitiesRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['portal'];
    const preHandler = requirePermission('self.portal');
    const params = z.object({ id: z.uuid() });

    app.get(
      '/api/me/opportunities',
      {
        preHandler,
        schema: {
          tags,
          summary: '52县专区岗位 Posts of the 52-county zone',
          querystring: ZZoneQuery,
          response: { 200: ZPage(ZOpportunityListItem) },
        },
      },
      async (request) => posts.listZone(deps, request.query),
    );
    app.get(
      '/api/me/opportunities/regions',
      {
        preHandler,
        schema: {
          tags,
          summary: '专区岗位所在地区 Provinces, cities and counties the zone’s posts are in (region filter)',
          response: { 200: z.array(ZZoneRegion) },
        },
      },
      async () => posts.listZoneRegions(deps),
    );
    app.get(
      '/api/me/opportunities/:id',
      {
        preHandler,
        schema: {
          tags,
          summary: '岗位详情与我的报名 A post and my application',
          params,
          response: { 200: ZSelfOpportunity },
        },
      },
      async (request) => self.getSelfOpportunity(deps, request.ctx, request.params.id),
    );
    app.get(
      '/api/me/applications',
      {
        preHandler,
        schema: { tags, summary: '我的报名 My applications', response: { 200: z.array(ZMyApplication) } },
      },
      async (request) => self.listSelfApplications(deps, request.ctx),
    );
    app.post(
      '/api/me/applications',
      {
        preHandler,
        schema: {
          tags,
          summary: '报名（不符合条件时说明原因）Apply (refusals say why)',
          body: ZApplyBody,
          response: { 201: ZMyApplication },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await self.applyToOpportunity(deps, request.ctx, request.body)),
    );
    app.post(
      '/api/me/applications/:id/withdraw',
      {
        preHandler,
        schema: {
          tags,
          summary: '撤回报名 Withdraw my application',
          params,
          response: { 200: ZMyApplication },
        },
      },
      async (request) => self.withdrawApplication(deps, request.ctx, request.params.id),
    );
  };
}
