import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZApplicant,
  ZApplicantListQuery,
  ZApplicationStatusBody,
  ZOpportunityBody,
  ZOpportunityDetail,
  ZOpportunityListItem,
  ZOpportunityListQuery,
  ZOpportunityStatusBody,
  ZOpportunityUpdateBody,
  ZZoneQuery,
} from '../../../domain/api/opportunities.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as applicants from './applicants.service.ts';
import * as posts from './opportunities.service.ts';

/** Staff: posts of every kind (read: opportunities.read; own org's posts: opportunities.manage), the zone. */
export function opportunitiesRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['opportunities'];
    const read = requirePermission('opportunities.read');
    const manage = requirePermission('opportunities.manage');
    const params = z.object({ id: z.uuid() });
    const detail = { 200: ZOpportunityDetail };

    app.get(
      '/api/opportunities',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '岗位 Posts of every kind',
          querystring: ZOpportunityListQuery,
          response: { 200: ZPage(ZOpportunityListItem) },
        },
      },
      async (request) => posts.listOpportunities(deps, request.ctx, request.query),
    );
    app.get(
      '/api/opportunities/zone',
      {
        preHandler: read,
        schema: {
          tags,
          summary: '52县专区 Posts prioritising the focus counties’ graduates',
          querystring: ZZoneQuery,
          response: { 200: ZPage(ZOpportunityListItem) },
        },
      },
      async (request) => posts.listZone(deps, request.query),
    );
    app.get(
      '/api/opportunities/:id',
      { preHandler: read, schema: { tags, summary: '岗位详情 Post', params, response: detail } },
      async (request) => posts.getOpportunity(deps, request.ctx, request.params.id),
    );
    app.post(
      '/api/opportunities',
      {
        preHandler: manage,
        schema: {
          tags,
          summary: '发布岗位（草稿）Create a post (draft)',
          body: ZOpportunityBody,
          response: { 201: ZOpportunityDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await posts.createOpportunity(deps, request.ctx, request.body)),
    );
    app.put(
      '/api/opportunities/:id',
      {
        preHandler: manage,
        schema: {
          tags,
          summary: '修改岗位 Edit a post',
          params,
          body: ZOpportunityUpdateBody,
          response: detail,
        },
      },
      async (request) => posts.updateOpportunity(deps, request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/api/opportunities/:id',
      {
        preHandler: manage,
        schema: { tags, summary: '删除草稿 Delete a draft', params, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await posts.deleteOpportunity(deps, request.ctx, request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/opportunities/:id/status',
      {
        preHandler: manage,
        schema: {
          tags,
          summary: '开放或关闭报名 Open or close a post',
          params,
          body: ZOpportunityStatusBody,
          response: detail,
        },
      },
      async (request) => posts.setOpportunityStatus(deps, request.ctx, request.params.id, request.body),
    );
    app.get(
      '/api/opportunities/:id/applications',
      {
        preHandler: manage,
        schema: {
          tags,
          summary: '本单位岗位的报名者 Applicants of my org’s post',
          params,
          querystring: ZApplicantListQuery,
          response: { 200: ZPage(ZApplicant) },
        },
      },
      async (request) => applicants.listApplicants(deps, request.ctx, request.params.id, request.query),
    );
    app.post(
      '/api/applications/:id/status',
      {
        preHandler: manage,
        schema: {
          tags,
          summary: '更新报名状态 Move an applicant on (interview, offer, hired, rejected)',
          params,
          body: ZApplicationStatusBody,
          response: { 200: ZApplicant },
        },
      },
      async (request) => applicants.moveApplication(deps, request.ctx, request.params.id, request.body),
    );
  };
}
