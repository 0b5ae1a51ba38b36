import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every response: helmet's defaults with our content security policy. The middleware is
 * built once; @fastify/helmet built it anew for every request (parsing the policy each time), which showed in
 * the caseload list's CPU profile (docs/benchmarks.md).
 */
export function registerSecurityHeaders(app: FastifyInstance) {
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
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    apply(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}
