import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZApplicant,
  ZApplicantListQuery,
  ZApplicationStatusBody,
  ZEmployerPostsQuery,
  ZEmployerProfileBody,
  ZOpportunityBody,
  ZOpportunityDetail,
  ZOpportunityListItem,
  ZOpportunityStatusBody,
  ZOpportunityUpdateBody,
  ZOwnEmployer,
} from '../../../domain/api/opportunities.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as applicants from './applicants.service.ts';
import * as employers from './employers.service.ts';
import * as posts from './opportunities.service.ts';

/**
 * The employer's portal (employer.portal): its registration, its own posts and their applicants. The services
 * restrict an employer to its own org; writes to posts and applicants need an approved registration, an edit of
 * its own profile does not (a pending employer may correct its contact before review).
 */
export function employerPortalRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['employer portal'];
    const preHandler = requirePermission('employer.portal');
    const params = z.object({ id: z.uuid() });
    const detail = { 200: ZOpportunityDetail };

    app.get(
      '/api/employer/profile',
      {
        preHandler,
        schema: {
          tags,
          summary: '本单位注册信息与审核状态 My registration and its review',
          response: { 200: ZOwnEmployer },
        },
      },
      async (request) => employers.getOwnEmployer(deps, request.ctx),
    );
    app.put(
      '/api/employer/profile',
      {
        preHandler,
        schema: {
          tags,
          summary: '修改本单位信息（信用代码与名称除外）Edit my profile (not the credit code or name)',
          body: ZEmployerProfileBody,
          response: { 200: ZOwnEmployer },
        },
      },
      async (request) => employers.updateOwnEmployer(deps, request.ctx, request.body),
    );
    app.get(
      '/api/employer/opportunities',
      {
        preHandler,
        schema: {
          tags,
          summary: '本单位岗位 My posts',
          querystring: ZEmployerPostsQuery,
          response: { 200: ZPage(ZOpportunityListItem) },
        },
      },
      async (request) => posts.listOpportunities(deps, request.ctx, request.query),
    );
    app.post(
      '/api/employer/opportunities',
      {
        preHandler,
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
    app.get(
      '/api/employer/opportunities/:id',
      { preHandler, schema: { tags, summary: '岗位详情 My post', params, response: detail } },
      async (request) => posts.getOpportunity(deps, request.ctx, request.params.id),
    );
    app.put(
      '/api/employer/opportunities/:id',
      {
        preHandler,
        schema: {
          tags,
          summary: '修改岗位 Edit my post',
          params,
          body: ZOpportunityUpdateBody,
          response: detail,
        },
      },
      async (request) => posts.updateOpportunity(deps, request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/api/employer/opportunities/:id',
      {
        preHandler,
        schema: { tags, summary: '删除草稿 Delete a draft', params, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await posts.deleteOpportunity(deps, request.ctx, request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/employer/opportunities/:id/status',
      {
        preHandler,
        schema: {
          tags,
          summary: '开放或关闭报名 Open or close my post',
          params,
          body: ZOpportunityStatusBody,
          response: detail,
        },
      },
      async (request) => posts.setOpportunityStatus(deps, request.ctx, request.params.id, request.body),
    );
    app.get(
      '/api/employer/opportunities/:id/applications',
      {
        preHandler,
        schema: {
          tags,
          summary: '报名者（脱敏）Applicants of my post (masked profile)',
          params,
          querystring: ZApplicantListQuery,
          response: { 200: ZPage(ZApplicant) },
        },
      },
      async (request) => applicants.listApplicants(deps, request.ctx, request.params.id, request.query),
    );
    app.post(
      '/api/employer/applications/:id/status',
      {
        preHandler,
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
