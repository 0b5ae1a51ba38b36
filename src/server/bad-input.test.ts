import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../domain/roles.ts';
import { buildApp } from './app.ts';
import { queryRows } from './db/query.ts';
import { AppError } from './errors.ts';
import { buildOpportunityWorld } from './modules/opportunities/opportunities-test-world.ts';
import {
  BAD,
  fitsUrl,
  inputSchema,
  sample,
  slotsOf,
  type TIds,
  type TJsonSchema,
  urlValue,
  withValue,
} from './test/bad-input-corpus.ts';
import { buildOrg, loginAs } from './test/factories.ts';
import { createTestDeps, type TTestDeps } from './test/test-deps.ts';

/*
 * Issue 11, "bad input never answers 500": every route of the route table (so routes added later are covered
 * without touching this file) × a corpus of bad values for each of its query parameters, path parameters and
 * body fields (NUL, lone surrogates, control characters, impossible dates, broken ids, numbers out of range,
 * unknown enum values), one bad value at a time with the rest of the request valid, sent as a user whose role
 * passes the route's guard. No answer may be a 5xx, and no table may change.
 */

let deps: TTestDeps;
let app: FastifyInstance;
const sessions = new Map<TRole | 'anonymous', string>();
let ids: TIds;

/** Sessions tried in this order; the first whose role passes the route's guard calls it. */
const ROLE_ORDER: TRole[] = [
  'university_admin',
  'counselor',
  'graduate',
  'employer',
  'province_education',
  'province_hrss',
  'ministry',
  'system_admin',
];

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  const world = await buildOpportunityWorld(deps, app);
  const { ledger } = world;
  const grad = await world.addGraduate('graduate');
  const employer = await world.addEmployer('employer');
  const post = await world.insertPost({ ownerOrgId: ledger.uni.id });
  await world.signIn('university_admin', ledger.uni, ['university_admin']);
  sessions.set('counselor', await loginAs(app, ledger.counselor.username));
  const staff: [TRole, Parameters<typeof buildOrg>[1]][] = [
    ['province_education', { kind: 'province_education', regionCode: '520000' }],
    ['province_hrss', { kind: 'province_hrss', regionCode: '520000' }],
    ['ministry', { kind: 'ministry' }],
    ['system_admin', { kind: 'system' }],
  ];
  for (const [role, org] of staff) await world.signIn(role, await buildOrg(deps, org), [role]);
  for (const role of ROLE_ORDER) if (!sessions.has(role)) sessions.set(role, world.cookies.get(role)!);
  ids = {
    id: grad.caseId,
    caseId: grad.caseId,
    graduateId: grad.graduate.id,
    opportunityId: post.id,
    employerOrgId: employer.org.id,
    helperUserId: ledger.helper.id,
    userId: ledger.counselor.id,
    collegeId: ledger.college.id,
    universityId: ledger.uni.id,
    orgId: ledger.uni.id,
    parentId: ledger.uni.id,
  };
}, 120_000);

afterAll(async () => {
  await app?.close();
  await deps?.close();
});

/** Which session calls the route: none without a guard, else the first role its guard lets through. */
async function sessionFor(preHandler: unknown): Promise<string | undefined> {
  const guards = [preHandler].flat().filter((g): g is (req: unknown, reply: unknown) => unknown => !!g);
  if (guards.length === 0) return undefined;
  for (const role of ROLE_ORDER) {
    const request = { ctx: { user: { id: ids.userId, username: 'probe', roles: [role], orgId: ids.orgId } } };
    try {
      for (const g of guards) await g(request, {});
      return sessions.get(role);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'forbidden' || err.code === 'unauthenticated')) continue;
      return sessions.get(role); // a guard that needs more than the role: try the route as this user
    }
  }
  return sessions.get(ROLE_ORDER[0]!);
}

/** Row count and a digest of every table but the sessions (their last-seen time moves with each request). */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    deps.database.db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'user_session'
        order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number | string; h: string | null }>(
      deps.database.db,
      sql.raw(
        `select count(*) as n, md5(string_agg(md5(t::text), '' order by md5(t::text))) as h from "${name}" t`,
      ),
    );
    out[name] = `${row!.n}:${row!.h ?? ''}`;
  }
  return out;
}

function urlOf(route: string, params: Record<string, unknown>, query: Record<string, unknown>): string {
  const path = route.replace(/:([A-Za-z]+)/g, (_, k: string) => urlValue(params[k] ?? ids[k] ?? ids.id));
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) pairs.push(`${k}=${urlValue(item)}`);
  }
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

describe('bad input (issue 11)', () => {
  it('never answers 5xx and writes nothing, on every route of the route table', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    let requests = 0;
    let routes = 0;
    for (const route of app.routeTable) {
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) continue;
      const methods = [route.method].flat().filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
      const schema = (route.schema ?? {}) as Record<string, unknown>;
      const parts = {
        query: inputSchema(schema.querystring),
        params: inputSchema(schema.params),
        body: inputSchema(schema.body),
      };
      const slots = slotsOf(parts);
      if (slots.length === 0) continue;
      const cookie = await sessionFor(route.preHandler);
      const base = {
        query: (parts.query ? sample(parts.query, '', ids) : {}) as Record<string, unknown>,
        params: (parts.params ? sample(parts.params, '', ids) : {}) as Record<string, unknown>,
        body: parts.body ? sample(parts.body, '', ids) : undefined,
      };
      for (const method of methods) {
        routes++;
        for (const slot of slots) {
          for (const bad of BAD[slot.kind]) {
            if (slot.where !== 'body' && !fitsUrl(bad)) continue;
            const req = { ...base, [slot.where]: withValue(base[slot.where], slot.path, bad) };
            const res = await app.inject({
              method: method as 'GET',
              url: urlOf(route.url, req.params, req.query),
              headers: cookie ? { cookie } : {},
              ...(req.body !== undefined && method !== 'GET' ? { payload: req.body as object } : {}),
            });
            requests++;
            if (res.statusCode >= 500)
              failures.push(
                `${method} ${route.url} ${slot.where}.${slot.path.join('.')}=${JSON.stringify(bad).slice(0, 40)} → ${res.statusCode}`,
              );
          }
        }
      }
    }
    await app.importJobs.drain();
    await app.matchingJobs.drain();
    console.log(`fuzz: ${requests} requests over ${routes} routes, ${failures.length} × 5xx`);
    expect(failures).toEqual([]);
    expect(routes).toBeGreaterThan(50);
    const after = await snapshot();
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    // on failure, the newest audit_event rows usually name the request that wrote
    expect(changed, 'tables written by bad requests').toEqual([]);
  }, 300_000);
});

/** The JSON Schema sampler must give valid requests, or the bad values would only ever meet validation. */
describe('the fuzz test’s valid samples', () => {
  it('pass the route schemas they were made from', () => {
    const invalid: string[] = [];
    for (const route of app.routeTable) {
      const schema = (route.schema ?? {}) as Record<
        string,
        { safeParse?: (v: unknown) => { success: boolean } }
      >;
      for (const part of ['querystring', 'params', 'body'] as const) {
        const zod = schema[part];
        const json = inputSchema(zod);
        if (!zod?.safeParse || !json) continue;
        if (!zod.safeParse(sample(json as TJsonSchema, '', ids)).success)
          invalid.push(`${route.url} ${part}`);
      }
    }
    // a few bodies have cross-field rules the sampler does not know; most must be valid
    expect(invalid.length, invalid.join('\n')).toBeLessThan(5);
  });
});
