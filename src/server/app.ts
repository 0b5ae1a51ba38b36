import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifySchema } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { TDeps } from './context.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { usersRoutes } from './modules/auth/users.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { importRoutes } from './modules/imports/import.routes.ts';
import { ImportJobs } from './modules/imports/import-jobs.ts';
import { casesRoutes } from './modules/ledger/cases.routes.ts';
import { handoverRoutes } from './modules/ledger/handover.routes.ts';
import { pairingRoutes } from './modules/ledger/pairing.routes.ts';
import { matchingRoutes } from './modules/matching/matching.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { employerPortalRoutes } from './modules/opportunities/employer-portal.routes.ts';
import { employersRoutes } from './modules/opportunities/employers.routes.ts';
import { opportunitiesRoutes } from './modules/opportunities/opportunities.routes.ts';
import { selfOpportunitiesRoutes } from './modules/opportunities/self-opportunities.routes.ts';
import { zsbRoutes } from './modules/opportunities/zsb.routes.ts';
import { orgTreeRoutes } from './modules/orgs/org-tree.routes.ts';
import { orgsRoutes } from './modules/orgs/orgs.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { graduatesRoutes } from './modules/registry/graduates.routes.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerOriginCheck } from './plugins/origin-check.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { createSerializerCompiler } from './plugins/serializer.ts';
import { registerStatic } from './plugins/static.ts';
import { VERSION } from './version.ts';

/** `logger`: a pino instance (main.ts); tests pass none and run quiet. */
declare module 'fastify' {
  interface FastifyInstance {
    /** staging jobs running in the background (tests await `drain()`) */
    importJobs: ImportJobs;
    /** batch matching runs in the background (tests await `drain()`) */
    matchingJobs: ImportJobs;
    /** every route as registered, for tests generated from the route table (bad-input.test.ts) */
    routeTable: TRouteEntry[];
  }
}

export type TRouteEntry = {
  method: string | string[];
  url: string;
  schema?: FastifySchema;
  preHandler?: unknown;
};

export type TBuildOptions = { logger?: FastifyBaseLogger };

/** Build the HTTP app around its dependencies. Used by main.ts and by every route test (app.inject). */
export async function buildApp(deps: TDeps, options: TBuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // behind a TLS proxy the client address and scheme come from X-Forwarded-For / -Proto / -Host
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  const routeTable: TRouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    routeTable.push({ method: r.method, url: r.url, schema: r.schema, preHandler: r.preHandler });
  });
  app.setSerializerCompiler(createSerializerCompiler({ verifyEncode: deps.config.nodeEnv === 'test' }));
  registerSecurityHeaders(app, deps.config);
  registerOriginCheck(app, deps.config);
  await app.register(cookie);
  registerErrorHandler(app);
  await registerOpenApi(app, VERSION);
  registerAuth(app, deps);
  await app.register(healthRoutes(deps, VERSION));
  await app.register(authRoutes(deps));
  await app.register(usersRoutes(deps));
  await app.register(staffRoutes(deps));
  await app.register(orgsRoutes(deps));
  await app.register(orgTreeRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(graduatesRoutes(deps));
  const importJobs = new ImportJobs();
  app.decorate('importJobs', importJobs);
  app.addHook('onClose', () => importJobs.drain());
  await app.register(importRoutes(deps, importJobs));
  await app.register(portalRoutes(deps));
  await app.register(casesRoutes(deps));
  await app.register(handoverRoutes(deps));
  await app.register(pairingRoutes(deps));
  await app.register(notificationsRoutes(deps));
  const matchingJobs = new ImportJobs();
  app.decorate('matchingJobs', matchingJobs);
  app.addHook('onClose', () => matchingJobs.drain());
  await app.register(matchingRoutes(deps, matchingJobs));
  await app.register(employersRoutes(deps));
  await app.register(opportunitiesRoutes(deps));
  await app.register(employerPortalRoutes(deps));
  await app.register(selfOpportunitiesRoutes(deps));
  await app.register(zsbRoutes(deps));
  await registerStatic(app);
  return app;
}
