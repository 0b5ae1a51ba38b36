import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZOrgCreateBody,
  ZOrgDeactivateBody,
  ZOrgIdParams,
  ZOrgMoveBody,
  ZOrgUnit,
  ZOrgUpdateBody,
  ZUniversityRef,
  ZUniversitySearchQuery,
} from '../../../domain/api/orgs.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as tree from './org-tree.service.ts';

/** Managing the org tree (issue 22): the permission here, the scope of it in the service (org-rules.ts). */
export function orgTreeRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const preHandler = requirePermission('orgs.manage');
    const tags = ['orgs'];

    app.post(
      '/api/orgs',
      {
        preHandler,
        schema: {
          tags,
          summary: '新建机构 Create an org unit',
          body: ZOrgCreateBody,
          response: { 201: ZOrgUnit },
        },
      },
      async (request, reply) => reply.status(201).send(await tree.createOrg(deps, request.ctx, request.body)),
    );
    app.patch(
      '/api/orgs/:id',
      {
        preHandler,
        schema: {
          tags,
          summary: '修改机构 Edit an org unit (name, region, MOE codes)',
          params: ZOrgIdParams,
          body: ZOrgUpdateBody,
          response: { 200: ZOrgUnit },
        },
      },
      async (request) => tree.updateOrg(deps, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/orgs/:id/move',
      {
        preHandler,
        schema: {
          tags,
          summary: '调整上级机构 Move an org unit',
          params: ZOrgIdParams,
          body: ZOrgMoveBody,
          response: { 200: ZOrgUnit },
        },
      },
      async (request) => tree.moveOrg(deps, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/orgs/:id/deactivate',
      {
        preHandler,
        schema: {
          tags,
          summary: '停用机构 Deactivate an org unit (refused while accounts, sub-orgs or open cases remain)',
          params: ZOrgIdParams,
          body: ZOrgDeactivateBody,
          response: { 200: ZOrgUnit },
        },
      },
      async (request) => tree.deactivateOrg(deps, request.ctx, request.params.id, request.body),
    );
    app.get(
      '/api/reference/universities',
      {
        preHandler: requirePermission('reference.read'),
        schema: {
          tags: ['reference'],
          summary: '全国高等学校名单 Official list of institutions (2020), to create universities from',
          querystring: ZUniversitySearchQuery,
          response: { 200: z.array(ZUniversityRef) },
        },
      },
      async (request) => tree.searchUniversities(deps.database.db, request.query.q, request.query.limit),
    );
  };
}
