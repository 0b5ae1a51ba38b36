import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../../domain/api/common.ts';
import {
  ZEmployer,
  ZEmployerListQuery,
  ZEmployerRegistrationBody,
  ZEmployerRegistrationResult,
  ZEmployerReviewBody,
} from '../../../domain/api/opportunities.ts';
import type { TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requirePermission } from '../../plugins/auth.ts';
import { LoginRateLimiter } from '../auth/login-rate-limit.ts';
import * as employers from './employers.service.ts';

/** Employer self-registration (public) and review by university and HRSS admins (employers.manage). */
export function employersRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['employers'];
    const manage = requirePermission('employers.manage');
    const params = z.object({ id: z.uuid() });
    // every registration attempt counts against the address (10 an hour): each one hashes a password
    const registrations = new LoginRateLimiter(10, 60 * 60_000);

    app.post(
      '/api/employers/register',
      {
        schema: {
          tags,
          summary: '用人单位注册（待审核）Register an employer (pending review)',
          body: ZEmployerRegistrationBody,
          response: { 201: ZEmployerRegistrationResult },
        },
      },
      async (request, reply) => {
        const now = deps.clock.now().getTime();
        if (registrations.isBlocked(request.ip, now)) {
          throw new AppError('rate_limited', '注册尝试过多，请稍后再试 / Too many registrations; try later');
        }
        registrations.recordFailure(request.ip, now);
        return reply.status(201).send(await employers.registerEmployer(deps, request.ctx, request.body));
      },
    );
    app.get(
      '/api/employers',
      {
        preHandler: manage,
        schema: {
          tags,
          summary: '用人单位（本辖区）Employers in my area',
          querystring: ZEmployerListQuery,
          response: { 200: ZPage(ZEmployer) },
        },
      },
      async (request) => employers.listEmployers(deps, request.ctx, request.query),
    );
    app.get(
      '/api/employers/:id',
      {
        preHandler: manage,
        schema: { tags, summary: '用人单位 Employer', params, response: { 200: ZEmployer } },
      },
      async (request) => employers.getEmployer(deps, request.ctx, request.params.id),
    );
    app.post(
      '/api/employers/:id/review',
      {
        preHandler: manage,
        schema: {
          tags,
          summary: '审核用人单位 Approve or reject an employer',
          params,
          body: ZEmployerReviewBody,
          response: { 200: ZEmployer },
        },
      },
      async (request) => employers.reviewEmployer(deps, request.ctx, request.params.id, request.body),
    );
  };
}
