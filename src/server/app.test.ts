import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TOrgKind } from '../domain/orgs.ts';
import { hasPermission, ROLE_ORG_KINDS, ROLES, type TPermission, type TRole } from '../domain/roles.ts';
import { buildApp } from './app.ts';
import { buildOrg, buildUser, loginAs } from './test/factories.ts';
import { createTestDeps, type TTestDeps } from './test/test-deps.ts';

let deps: TTestDeps;
let app: FastifyInstance;
const cookies = new Map<TRole, string>();

const LOOKUP: readonly TPermission[] = ['reference.read', 'employer.portal'];

const REGION_OF: Partial<Record<TOrgKind, string>> = {
  province_education: '520000',
  province_hrss: '520000',
  poverty_office: '520000',
  county_hrss: '520526',
  university: '520100',
  college: '520100',
  partner: '440100',
  employer: '520100',
};

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  for (const role of ROLES) {
    const kind = ROLE_ORG_KINDS[role][0] as TOrgKind;
    const org = await buildOrg(deps, { kind, regionCode: REGION_OF[kind] ?? null });
    const user = await buildUser(deps, org, [role]);
    cookies.set(role, await loginAs(app, user.username));
  }
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

/** Every guarded GET route and the permission it needs (null: any signed-in user; a list: any of them). */
const GUARDED: {
  url: string;
  openapiPath: string;
  permission: TPermission | readonly TPermission[] | null;
}[] = [
  { url: '/api/auth/me', openapiPath: '/api/auth/me', permission: null },
  { url: '/api/me/case', openapiPath: '/api/me/case', permission: 'self.portal' },
  { url: '/api/me/access-log', openapiPath: '/api/me/access-log', permission: 'self.portal' },
  // the employer's post form picks regions and majors; the programme's lists stay staff-only
  { url: '/api/reference/regions', openapiPath: '/api/reference/regions', permission: LOOKUP },
  {
    url: '/api/reference/regions/resolve/522427',
    openapiPath: '/api/reference/regions/resolve/{code}',
    permission: LOOKUP,
  },
  {
    url: '/api/reference/focus-lists',
    openapiPath: '/api/reference/focus-lists',
    permission: 'reference.read',
  },
  {
    url: '/api/reference/code-tables',
    openapiPath: '/api/reference/code-tables',
    permission: 'reference.read',
  },
  { url: '/api/reference/majors', openapiPath: '/api/reference/majors', permission: LOOKUP },
  {
    url: '/api/reference/support-pairs',
    openapiPath: '/api/reference/support-pairs',
    permission: 'reference.read',
  },
  { url: '/api/orgs/tree', openapiPath: '/api/orgs/tree', permission: 'orgs.read' },
  {
    url: '/api/reference/universities?q=贵州',
    openapiPath: '/api/reference/universities',
    permission: 'reference.read',
  },
  { url: '/api/audit', openapiPath: '/api/audit', permission: 'audit.read' },
  { url: '/api/audit/verify', openapiPath: '/api/audit/verify', permission: 'audit.read' },
  { url: '/api/graduates', openapiPath: '/api/graduates', permission: 'graduates.read' },
  { url: '/api/graduates/stats', openapiPath: '/api/graduates/stats', permission: 'graduates.read' },
  { url: '/api/graduates/export', openapiPath: '/api/graduates/export', permission: 'graduates.export' },
  { url: '/api/users', openapiPath: '/api/users', permission: 'users.manage' },
  {
    url: '/api/users/manageable-orgs',
    openapiPath: '/api/users/manageable-orgs',
    permission: 'users.manage',
  },
  {
    url: '/api/users/import/template',
    openapiPath: '/api/users/import/template',
    permission: 'users.manage',
  },
  { url: '/api/classes', openapiPath: '/api/classes', permission: 'classes.assign' },
  { url: '/api/imports', openapiPath: '/api/imports', permission: 'imports.manage' },
  {
    url: '/api/imports/templates/registry',
    openapiPath: '/api/imports/templates/{kind}',
    permission: 'imports.manage',
  },
  { url: '/api/notifications', openapiPath: '/api/notifications', permission: null },
  { url: '/api/cases', openapiPath: '/api/cases', permission: 'cases.read' },
  { url: '/api/cases/summary', openapiPath: '/api/cases/summary', permission: 'cases.read' },
  { url: '/api/ledger/siqing', openapiPath: '/api/ledger/siqing', permission: 'cases.read' },
  { url: '/api/ledger/rules', openapiPath: '/api/ledger/rules', permission: 'cases.read' },
  { url: '/api/handovers', openapiPath: '/api/handovers', permission: 'cases.handover' },
  { url: '/api/pairing/coverage', openapiPath: '/api/pairing/coverage', permission: 'cases.pair' },
  { url: '/api/pairing/unpaired', openapiPath: '/api/pairing/unpaired', permission: 'cases.pair' },
  { url: '/api/pairing/helpers', openapiPath: '/api/pairing/helpers', permission: 'cases.pair' },
  { url: '/api/pairing/paired', openapiPath: '/api/pairing/paired', permission: 'cases.pair' },
  { url: '/api/matching/outbox', openapiPath: '/api/matching/outbox', permission: 'cases.read' },
  { url: '/api/matching/funnel', openapiPath: '/api/matching/funnel', permission: 'cases.read' },
  { url: '/api/matching/settings', openapiPath: '/api/matching/settings', permission: 'cases.read' },
  { url: '/api/matching/runs/latest', openapiPath: '/api/matching/runs/latest', permission: 'matching.push' },
  { url: '/api/me/pushes', openapiPath: '/api/me/pushes', permission: 'self.portal' },
  { url: '/api/employers', openapiPath: '/api/employers', permission: 'employers.manage' },
  { url: '/api/opportunities', openapiPath: '/api/opportunities', permission: 'opportunities.read' },
  {
    url: '/api/opportunities/zone',
    openapiPath: '/api/opportunities/zone',
    permission: 'opportunities.read',
  },
  { url: '/api/employer/profile', openapiPath: '/api/employer/profile', permission: 'employer.portal' },
  {
    url: '/api/employer/opportunities',
    openapiPath: '/api/employer/opportunities',
    permission: 'employer.portal',
  },
  { url: '/api/me/opportunities', openapiPath: '/api/me/opportunities', permission: 'self.portal' },
  {
    url: '/api/me/opportunities/regions',
    openapiPath: '/api/me/opportunities/regions',
    permission: 'self.portal',
  },
  { url: '/api/me/applications', openapiPath: '/api/me/applications', permission: 'self.portal' },
  { url: '/api/zsb/plans', openapiPath: '/api/zsb/plans', permission: 'zsb.manage' },
  { url: '/api/zsb/report?cohort=2020', openapiPath: '/api/zsb/report', permission: 'zsb.manage' },
];
/** Routes open to anyone or guarded by their own tests (auth flows, reveal). */
const EXEMPT = [
  '/api/health',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/password',
  // SMS sign-in needs no session: sms-login.test.ts checks the limits, enumeration and the session it opens
  '/api/auth/sms/request',
  '/api/auth/sms/verify',
  '/api/graduates/{id}/reveal',
  // graduate self-service writes and files, and staff opening the account: portal.test.ts checks self-only
  // access, staff refusal and the cases.write + case-scope rule
  '/api/me/needs',
  '/api/me/progress',
  '/api/me/files',
  '/api/me/files/{id}',
  '/api/cases/{id}/self-account',
  // account writes: users.test.ts checks each refuses non-admins
  '/api/users/{id}',
  '/api/users/{id}/unlock',
  '/api/users/{id}/reset-password',
  // staff import and class assignment writes: staff.test.ts checks permission and the account / class scope
  '/api/users/import',
  '/api/users/import/errors',
  '/api/classes/counselors',
  '/api/classes/move',
  // batch routes: import.routes.test.ts checks permission and batch visibility
  '/api/imports/{id}',
  '/api/imports/{id}/rows',
  '/api/imports/{id}/remap',
  '/api/imports/{id}/commit',
  '/api/imports/{id}/discard',
  '/api/imports/{id}/revert',
  '/api/imports/{id}/error-workbook',
  '/api/imports/{id}/mapping-template',
  // marking read: notifications.test.ts checks a user can only mark their own
  '/api/notifications/{id}/read',
  '/api/notifications/read-all',
  // case routes: cases.routes.test.ts checks permission, scope, the holder rule and concurrency
  '/api/cases/{id}',
  '/api/cases/{id}/events',
  '/api/cases/{id}/needs',
  '/api/cases/{id}/plan',
  '/api/cases/{id}/verify-profile',
  '/api/cases/{id}/destination',
  '/api/cases/{id}/status',
  '/api/cases/{id}/measures',
  '/api/cases/{id}/follow-ups',
  '/api/cases/{id}/progress',
  '/api/cases/{id}/files',
  '/api/cases/{id}/files/{fileId}',
  '/api/cases/{id}/reveal',
  '/api/cases/bulk/measures',
  '/api/cases/bulk/status',
  // handover preview/commit and a batch: handover.test.ts checks permission, own university and the leaving date
  '/api/handovers/preview',
  '/api/handovers/{id}',
  // the bureau's responsible person: handover.test.ts checks holder only, own staff, not at school
  '/api/cases/{id}/responsible',
  '/api/cases/{id}/responsible-candidates',
  // pairing writes and a case's history: pairing.routes.test.ts checks permission, own university and case scope
  '/api/pairing/suggest',
  '/api/pairing/assign',
  '/api/cases/{id}/pairings',
  // matching: matching.test.ts and matching.routes.test.ts check permission, case scope, limits and self-only
  '/api/cases/{id}/recommendations',
  '/api/cases/{id}/push',
  '/api/matching/runs',
  '/api/matching/runs/{id}',
  '/api/me/pushes/{id}/view',
  // employer registration is public (rate-limited); review and the employer's own posts and applicants,
  // post writes, applying and the 专升本 plan: the opportunities module's tests check permission, area,
  // ownership (another org's post → 404) and that employers never see a flag
  '/api/employers/register',
  '/api/employers/{id}',
  '/api/employers/{id}/review',
  '/api/opportunities/{id}',
  '/api/opportunities/{id}/status',
  '/api/opportunities/{id}/applications',
  '/api/applications/{id}/status',
  '/api/employer/opportunities/{id}',
  '/api/employer/opportunities/{id}/status',
  '/api/employer/opportunities/{id}/applications',
  '/api/employer/applications/{id}/status',
  '/api/me/opportunities/{id}',
  '/api/me/applications/{id}/withdraw',
  // org tree changes: org-tree.routes.test.ts checks the permission and the scope of every role
  '/api/orgs',
  '/api/orgs/{id}',
  '/api/orgs/{id}/move',
  '/api/orgs/{id}/deactivate',
];

describe('route guards', () => {
  it('cover every API route in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, unknown>;
    };
    const documented = Object.keys(doc.paths).sort();
    expect(documented).toEqual([...GUARDED.map((r) => r.openapiPath), ...EXEMPT].sort());
  });

  for (const route of GUARDED) {
    it(`${route.url}: 401 anonymous, then 200 or 403 for each of the 12 roles per the permission table`, async () => {
      const anon = await app.inject({ method: 'GET', url: route.url });
      expect(anon.statusCode).toBe(401);
      for (const role of ROLES) {
        const res = await app.inject({
          method: 'GET',
          url: route.url,
          headers: { cookie: cookies.get(role)! },
        });
        const needed = route.permission;
        const allowed =
          needed === null ||
          (typeof needed === 'string' ? [needed] : needed).some((p) => hasPermission([role], p));
        expect(res.statusCode, `${role} ${route.url}`).toBe(allowed ? 200 : 403);
        if (!allowed) expect(res.json().error.code).toBe('forbidden');
      }
    });
  }
});

describe('HTTP basics', () => {
  it('reports database health', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('answers invalid input with 400 and the Zod issues, naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_error');
    expect(body.error.details.some((d: { path: string[] }) => d.path.includes('password'))).toBe(true);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(res.statusCode).toBe(400);
  });

  it('hides internals of unexpected errors behind a logged 500', async () => {
    const broken = await buildApp(deps);
    broken.get('/api/boom', async () => {
      throw new Error('secret detail: connection string postgres://x');
    });
    const res = await broken.inject({ method: 'GET', url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal_error');
    expect(res.body).not.toContain('secret detail');
    await broken.close();
  });

  it('gives every documented operation a Chinese summary, as the API docs are read in Chinese', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    const untranslated = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !/[\u4e00-\u9fff]/.test(op.summary ?? ''))
        .map(([method, op]) => `${method.toUpperCase()} ${path}: ${op.summary ?? '(none)'}`),
    );
    expect(untranslated).toEqual([]);
  });

  it('publishes the OpenAPI document generated from the Zod schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/auth/login'].post;
    expect(Object.keys(login.requestBody.content['application/json'].schema.properties)).toEqual([
      'username',
      'password',
    ]);
  });
});
