import type { FastifyInstance } from 'fastify';
import type { TConfig } from '../config.ts';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type TRequestOrigin = {
  method: string;
  /** the Origin header */
  origin: string | undefined;
  /** the Sec-Fetch-Site header */
  fetchSite: string | undefined;
  /** host[:port] the request was sent to (Host, or X-Forwarded-Host behind a trusted proxy) */
  host: string;
  /** http or https as the server sees it (from X-Forwarded-Proto behind a trusted proxy) */
  protocol: string;
};

/**
 * Whether a request may change state. GET, HEAD and OPTIONS always may (they change nothing). Otherwise:
 * - an Origin header must be the server's own origin or one of ALLOWED_ORIGINS (`null`, sent by sandboxed
 *   frames and some redirects, never is). The scheme is compared only behind a trusted proxy: without
 *   TRUST_PROXY a TLS proxy in front makes the server see http while the browser says https.
 * - without Origin, a Sec-Fetch-Site header must say same-origin (or none: typed by the user);
 * - with neither header the request is let through: browsers send Origin on every cross-site request that
 *   is not a GET or HEAD, so such a request comes from a non-browser client (the CLI, curl, a test, another
 *   server), which holds the session cookie only if its owner gave it.
 */
export function isAllowedOrigin(req: TRequestOrigin, config: Pick<TConfig, 'allowedOrigins' | 'trustProxy'>) {
  if (SAFE_METHODS.has(req.method)) return true;
  if (req.origin !== undefined) {
    if (config.allowedOrigins.includes(req.origin)) return true;
    let url: URL;
    try {
      url = new URL(req.origin);
    } catch {
      return false; // `null` and anything else that is no origin
    }
    if (config.trustProxy && url.protocol !== `${req.protocol}:`) return false;
    // the Host read with the Origin's scheme, so an explicit default port (`host:80`) compares equal
    return sameHost(url, req.host);
  }
  if (req.fetchSite !== undefined) return req.fetchSite === 'same-origin' || req.fetchSite === 'none';
  return true;
}

function sameHost(origin: URL, host: string): boolean {
  try {
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}

/**
 * Refuses state-changing requests sent by pages of other origins (403 cross_origin) before the session is
 * looked at. SameSite=Lax already keeps the cookie off cross-site POSTs; this also covers same-site pages
 * (another service on a sibling subdomain) and browsers without SameSite.
 */
export function registerOriginCheck(
  app: FastifyInstance,
  config: Pick<TConfig, 'allowedOrigins' | 'trustProxy'>,
) {
  app.addHook('onRequest', async (request) => {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const allowed = isAllowedOrigin(
      {
        method: request.method,
        origin: header('origin'),
        fetchSite: header('sec-fetch-site'),
        host: request.host,
        protocol: request.protocol,
      },
      config,
    );
    if (!allowed) {
      throw new AppError(
        'cross_origin',
        '请求来自其他网站，已拒绝 / A request from another site was refused',
      );
    }
  });
}
