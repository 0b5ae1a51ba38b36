import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { application, auditEvent } from '../../db/schema/index.ts';
import { buildGraduate, buildOrg, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildOpportunityWorld } from './opportunities-test-world.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  await w.signIn('gzEdu', await buildOrg(deps, { kind: 'province_education', regionCode: '520000' }), [
    'province_education',
  ]);
  await w.signIn('ynEdu', await buildOrg(deps, { kind: 'province_education', regionCode: '530000' }), [
    'province_education',
  ]);
  await w.signIn('ministry', await buildOrg(deps, { kind: 'ministry' }), ['ministry']);
  w.cookies.set('uniAdmin', await loginAs(app, w.ledger.admin.username));

  // 贵州: 11 target 专科 graduates of 2020 at its universities (the base), plus graduates that do not count
  const gz = await buildOrg(deps, { kind: 'university', regionCode: '520500', name: '毕节职业技术学院' });
  const inGz = { universityId: gz.id, universityProvinceCode: '520000', cohort: 2020, level: '专科' };
  for (let i = 0; i < 11; i++) await buildGraduate(deps, { ...inGz, isTarget: true });
  await buildGraduate(deps, { ...inGz, isTarget: false }); // not in the target group
  await buildGraduate(deps, { ...inGz, isTarget: true, level: '本科' }); // not 高职
  await buildGraduate(deps, { ...inGz, isTarget: true, cohort: 2019 }); // another cohort
  // a 贵州-domiciled target 专科 graduate of a 云南 college counts for 云南, where the college is
  const yn = await buildOrg(deps, { kind: 'university', regionCode: '530100' });
  await buildGraduate(deps, {
    universityId: yn.id,
    universityProvinceCode: '530000',
    level: '专科',
    isTarget: true,
  });

  // applications to 贵州's 专升本 posts of 2020: 3 applied, 1 offer, 1 hired, 1 withdrawn
  const owner = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  const post = await w.insertPost({ ownerOrgId: owner.id, kind: 'zhuanshengben', cohort: 2020 });
  const other = await w.insertPost({ ownerOrgId: owner.id, kind: 'zhuanshengben', cohort: 2019 });
  const statuses = ['applied', 'applied', 'applied', 'offer', 'hired', 'withdrawn'];
  for (const status of statuses) {
    const g = await buildGraduate(deps, { ...inGz, isTarget: false });
    await deps.database.db.insert(application).values({ opportunityId: post.id, graduateId: g.id, status });
    await deps.database.db.insert(application).values({ opportunityId: other.id, graduateId: g.id });
  }
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

describe('专升本 plan', () => {
  it('a province sets its own ratio only; the change is audited', async () => {
    const res = await w.put('gzEdu', '/api/zsb/plans', {
      provinceCode: '520000',
      cohort: 2020,
      ratioBp: 800,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ provinceName: '贵州省', ratioBp: 800, setByName: 'gzEdu' });
    const again = await w.put('gzEdu', '/api/zsb/plans', {
      provinceCode: '520000',
      cohort: 2020,
      ratioBp: 1000,
    });
    expect(again.json().ratioBp).toBe(1000);
    const [audit] = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'zsb.plan'), eq(auditEvent.entityId, '520000:2020')))
      .orderBy(auditEvent.id)
      .offset(1);
    expect(audit).toMatchObject({ before: { ratioBp: 800 }, after: { ratioBp: 1000 } });
    const foreign = await w.put('ynEdu', '/api/zsb/plans', {
      provinceCode: '520000',
      cohort: 2020,
      ratioBp: 500,
    });
    expect(foreign.statusCode).toBe(403);
    const bad = await w.put('ministry', '/api/zsb/plans', {
      provinceCode: '990000',
      cohort: 2020,
      ratioBp: 500,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await w.put('uniAdmin', '/api/zsb/plans', { provinceCode: '520000', cohort: 2020, ratioBp: 1 }))
        .statusCode,
    ).toBe(403);
    const plans = (await w.get('ynEdu', '/api/zsb/plans')).json();
    expect(plans).toEqual([]);
  });

  it('reports base, quota = ⌈ratio × base⌉, applicants and admissions per province', async () => {
    await w.put('gzEdu', '/api/zsb/plans', { provinceCode: '520000', cohort: 2020, ratioBp: 1000 });
    const report = (await w.get('gzEdu', '/api/zsb/report?cohort=2020')).json();
    expect(report.rows).toEqual([
      {
        provinceCode: '520000',
        provinceName: '贵州省',
        cohort: 2020,
        ratioBp: 1000,
        ratio: '0.1',
        base: 11,
        quota: 2, // 10 % of 11 = 1.1, rounded up
        applicants: 5,
        admitted: 2,
        fillRate: 1,
        remaining: 0,
      },
    ]);
    const all = (await w.get('ministry', '/api/zsb/report?cohort=2020')).json();
    const yn = all.rows.find((r: { provinceCode: string }) => r.provinceCode === '530000');
    expect(yn).toMatchObject({ base: 1, ratioBp: null, quota: null, remaining: null });
    expect(all.total).toMatchObject({ base: 11, quota: 2, applicants: 5, admitted: 2 });
    const ynOwn = (await w.get('ynEdu', '/api/zsb/report?cohort=2020')).json();
    expect(ynOwn.rows.map((r: { provinceCode: string }) => r.provinceCode)).toEqual(['530000']);
  });
});
