import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { TConfig } from '../config.ts';

/** 180 days, without subdomains: other services of the institution's domain may not have TLS yet. */
const HSTS_MAX_AGE_S = 180 * 24 * 60 * 60;

/**
 * Security headers on every response: helmet's defaults with our content security policy. The middleware is
 * built once; @fastify/helmet built it anew for every request (parsing the policy each time), which showed in
 * the caseload list's CPU profile (docs/benchmarks.md).
 *
 * HSTS and the policy's upgrade-insecure-requests only with TRUST_PROXY (the server is reached through a TLS
 * proxy): over plain HTTP the first is meaningless and the second breaks every script and style.
 *
 * Every /api answer is `Cache-Control: no-store` (lists, case pages, the user's own data, errors): nothing a
 * browser or proxy keeps for the next user of a shared office computer. Only the API documentation's static
 * files are left to their own headers; downloads set no-store themselves (plugins/download.ts).
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Pick<TConfig, 'trustProxy'>) {
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects its CSS-in-JS styles at runtime
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // helmet's default; over plain HTTP (a LAN address, no proxy) it would send the browser to https for
        // every script and style, which then fail to load
        upgradeInsecureRequests: config.trustProxy ? [] : null,
      },
    },
    strictTransportSecurity: config.trustProxy ? { maxAge: HSTS_MAX_AGE_S, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs/static/')) {
      reply.header('cache-control', 'no-store');
    }
    apply(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}
