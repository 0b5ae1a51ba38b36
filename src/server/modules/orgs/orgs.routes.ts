import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOrgNode } from '../../../domain/api/orgs.ts';
import {
  ZCodeTable,
  ZFocusList,
  ZMajorCatalogue,
  ZMajorQuery,
  ZRegionNode,
  ZRegionQuery,
  ZResolvedCounty,
  ZSupportPair,
} from '../../../domain/api/reference.ts';
import { hasPermission } from '../../../domain/roles.ts';
import type { TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requireAuth, requirePermission } from '../../plugins/auth.ts';
import * as orgs from './orgs.service.ts';

export function orgsRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;
    const reference = { preHandler: requirePermission('reference.read') };
    // regions and majors are plain lookups the employer's post form needs too; the programme's lists
    // (focus counties, code tables, support pairs) stay behind reference.read, which employers do not hold
    const lookups = { preHandler: requireReferenceLookup };
    const tags = ['reference'];

    app.get(
      '/api/reference/regions',
      {
        ...lookups,
        schema: {
          tags,
          summary: '行政区划 Regions (children of parent, or search)',
          querystring: ZRegionQuery,
          response: { 200: z.array(ZRegionNode) },
        },
      },
      async (request) =>
        request.query.q
          ? orgs.searchRegions(db, request.query.q)
          : orgs.listRegions(db, request.query.parent),
    );
    app.get(
      '/api/reference/regions/resolve/:code',
      {
        ...lookups,
        schema: {
          tags,
          summary: '历史代码解析 Resolve a current or historical county code',
          params: z.object({ code: z.string().regex(/^\d{6}$/) }),
          response: { 200: ZResolvedCounty },
        },
      },
      async (request) => orgs.getResolvedCounty(db, request.params.code),
    );
    app.get(
      '/api/reference/focus-lists',
      {
        ...reference,
        schema: { tags, summary: '重点县名单 Focus county lists', response: { 200: z.array(ZFocusList) } },
      },
      async () => orgs.listFocusLists(db),
    );
    app.get(
      '/api/reference/code-tables',
      {
        ...reference,
        schema: { tags, summary: '代码表 Code tables', response: { 200: z.array(ZCodeTable) } },
      },
      async () => orgs.listCodeTables(db),
    );
    app.get(
      '/api/reference/majors',
      {
        ...lookups,
        schema: {
          tags,
          summary: '专业目录 Major catalogues',
          querystring: ZMajorQuery,
          response: { 200: z.array(ZMajorCatalogue) },
        },
      },
      async (req) => orgs.listMajorCatalogues(db, req.query.level),
    );
    app.get(
      '/api/reference/support-pairs',
      {
        ...reference,
        schema: { tags, summary: '协作结对 Support pairs', response: { 200: z.array(ZSupportPair) } },
      },
      async () => orgs.listSupportPairs(db),
    );
    app.get(
      '/api/orgs/tree',
      {
        preHandler: requirePermission('orgs.read'),
        schema: { tags: ['orgs'], summary: '组织机构树 Org tree', response: { 200: z.array(ZOrgNode) } },
      },
      async () => orgs.getOrgTree(db),
    );
  };
}

/** Signed in with reference.read, or an employer filling in a post's regions and majors. */
async function requireReferenceLookup(request: FastifyRequest, reply: FastifyReply) {
  await requireAuth(request, reply);
  const roles = request.ctx.user!.roles;
  if (!hasPermission(roles, 'reference.read') && !hasPermission(roles, 'employer.portal')) {
    throw new AppError('forbidden', '需要权限 reference.read / Requires permission reference.read');
  }
}
