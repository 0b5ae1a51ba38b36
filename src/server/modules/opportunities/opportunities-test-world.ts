import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { makeCreditCode } from '../../../domain/opportunities/credit-code.ts';
import type { TRole } from '../../../domain/roles.ts';
import { employerProfile, graduate } from '../../db/schema/index.ts';
import { buildOpportunity, buildOrg, buildUser, loginAs, type TOrgRow } from '../../test/factories.ts';
import type { TTestDeps } from '../../test/test-deps.ts';
import { buildLedgerWorld } from '../ledger/ledger-test-world.ts';

let creditSeq = 1;

/**
 * A world for opportunity tests: a university with target graduates (case files open, own accounts),
 * employers with profiles in any review state, and staff of the departments; `as(key)` calls the API as one of
 * them. Credit codes are valid and unique per test run.
 */
export async function buildOpportunityWorld(deps: TTestDeps, app: FastifyInstance) {
  const { db } = deps.database;
  const ledger = await buildLedgerWorld(deps);
  const cookies = new Map<string, string>();

  async function signIn(key: string, org: TOrgRow, roles: TRole[], displayName = key) {
    const user = await buildUser(deps, org, roles, { displayName });
    cookies.set(key, await loginAs(app, user.username));
    return user;
  }

  async function addEmployer(
    key: string,
    opts: { status?: 'pending' | 'approved' | 'rejected'; regionCode?: string; name?: string } = {},
  ) {
    const regionCode = opts.regionCode ?? '520100';
    const creditCode = makeCreditCode(regionCode, 900_000 + creditSeq++);
    const org = await buildOrg(deps, {
      kind: 'employer',
      regionCode,
      code: `E-${creditCode}`,
      name: opts.name ?? `${key}有限公司`,
    });
    await db.insert(employerProfile).values({
      orgId: org.id,
      creditCode,
      regionCode,
      industry: 'I',
      natureCode: '39',
      size: 'small',
      tags: ['alumni'],
      contactName: '王经理',
      contactPhone: '13800000000',
      status: opts.status ?? 'approved',
      createdAt: deps.clock.now(),
    });
    const user = await signIn(key, org, ['employer'], `${key}招聘专员`);
    return { org, user, creditCode };
  }

  /** A target graduate of the world's class with an open case and their own account. */
  async function addGraduate(key: string, overrides: Parameters<typeof ledger.addCase>[0] = {}) {
    const c = await ledger.addCase({
      level: '本科',
      majorCode: '080901',
      majorName: '计算机科学与技术',
      birthDate: '1998-05-01',
      ...overrides,
    });
    const user = await signIn(key, ledger.uni, ['graduate'], c.graduate.name);
    await db.update(graduate).set({ userId: user.id }).where(eq(graduate.id, c.graduate.id));
    return { ...c, user };
  }

  const call = (
    as: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: Record<string, unknown> | unknown[],
  ) =>
    app.inject({
      method,
      url,
      headers: cookies.has(as) ? { cookie: cookies.get(as)! } : {},
      ...(payload ? { payload: payload as object } : {}),
    });

  return {
    ledger,
    cookies,
    signIn,
    addEmployer,
    addGraduate,
    /** an open post inserted directly (for the states a test needs: past deadline, full quota …) */
    insertPost: (overrides: Parameters<typeof buildOpportunity>[1]) => buildOpportunity(deps, overrides),
    get: (as: string, url: string) => call(as, 'GET', url),
    post: (as: string, url: string, payload?: Record<string, unknown>) => call(as, 'POST', url, payload),
    put: (as: string, url: string, payload: Record<string, unknown>) => call(as, 'PUT', url, payload),
  };
}

/** A valid post body (a market job in 贵阳 for 本科 computing graduates) with overrides. */
export function postBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'market_job',
    title: '软件开发工程师',
    regionCodes: ['520100'],
    majorPrefixes: ['0809'],
    minLevel: '本科',
    eligibilityRules: [],
    quota: 3,
    deadline: '2020-09-30',
    salaryMin: 4000,
    salaryMax: 6000,
    description: '负责业务系统开发',
    targetPriority: true,
    industry: 'I',
    postKind: 'enterprise',
    cohort: 2020,
    employerOrgId: null,
    ...overrides,
  };
}
