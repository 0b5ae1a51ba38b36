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
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as orgs from './orgs.service.ts';

export function orgsRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;
    const reference = { preHandler: requirePermission('reference.read') };
    const tags = ['reference'];

    app.get(
      '/api/reference/regions',
      {
        ...reference,
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
        ...reference,
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
        ...reference,
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
