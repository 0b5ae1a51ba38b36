import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZAssignBody,
  ZAssignResult,
  ZCasePairings,
  ZCoverageQuery,
  ZPairedCase,
  ZPairedQuery,
  ZPairingCoverage,
  ZPairingHelpers,
  ZPairingSuggestion,
  ZSuggestBody,
  ZUnpairedCase,
  ZUnpairedQuery,
} from '../../../domain/api/pairing.ts';
import type { TDeps } from '../../context.ts';
import { requirePermission } from '../../plugins/auth.ts';
import * as pairing from './pairing.service.ts';

/** 一帮一 pairing: the university admin's coverage, suggestion and assignment; a case's pairing history. */
export function pairingRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['ledger'];
    const pair = requirePermission('cases.pair');
    app.get(
      '/api/pairing/coverage',
      {
        preHandler: pair,
        schema: {
          tags,
          summary: '一帮一覆盖情况 Pairing coverage of the university, per college',
          querystring: ZCoverageQuery,
          response: { 200: ZPairingCoverage },
        },
      },
      async (request) => pairing.getCoverage(deps, request.ctx, request.query),
    );
    app.get(
      '/api/pairing/unpaired',
      {
        preHandler: pair,
        schema: {
          tags,
          summary: '未结对毕业生 Unpaired cases, longest waiting first',
          querystring: ZUnpairedQuery,
          response: { 200: ZPage(ZUnpairedCase) },
        },
      },
      async (request) => pairing.listUnpairedCases(deps, request.ctx, request.query),
    );
    app.get(
      '/api/pairing/paired',
      {
        preHandler: pair,
        schema: {
          tags,
          summary: '已结对毕业生 Paired cases with their current helper',
          querystring: ZPairedQuery,
          response: { 200: ZPage(ZPairedCase) },
        },
      },
      async (request) => pairing.listPairedCases(deps, request.ctx, request.query),
    );
    app.get(
      '/api/pairing/helpers',
      {
        preHandler: pair,
        schema: {
          tags,
          summary: '帮扶责任人及当前负担 Helpers of the university with their load',
          querystring: ZCoverageQuery,
          response: { 200: ZPairingHelpers },
        },
      },
      async (request) => pairing.listHelpers(deps, request.ctx, request.query),
    );
    app.post(
      '/api/pairing/suggest',
      {
        preHandler: pair,
        schema: {
          tags,
          summary: '智能推荐（不写入）Suggest pairings (writes nothing)',
          body: ZSuggestBody,
          response: { 200: ZPairingSuggestion },
        },
      },
      async (request) => pairing.suggest(deps, request.ctx, request.body),
    );
    app.post(
      '/api/pairing/assign',
      {
        preHandler: pair,
        schema: {
          tags,
          summary: '确认结对（改派保留历史）Assign helpers; reassignment keeps history',
          body: ZAssignBody,
          response: { 200: ZAssignResult },
        },
      },
      async (request) => pairing.assign(deps, request.ctx, request.body),
    );
    app.get(
      '/api/cases/:id/pairings',
      {
        preHandler: requirePermission('cases.read'),
        schema: {
          tags,
          summary: '结对历史 Pairing history of a case',
          params: z.object({ id: z.uuid() }),
          response: { 200: ZCasePairings },
        },
      },
      async (request) => pairing.listCasePairings(deps, request.ctx, request.params.id),
    );
  };
}
