import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditEvent } from '../../db/schema/index.ts';
import { buildGraduate, buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let admin: string;
let counselor: string;
let otherAdmin: string;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  const uni = await buildOrg(deps, { kind: 'university', regionCode: '520100', name: '贵州测试大学' });
  const other = await buildOrg(deps, { kind: 'university', regionCode: '530100', name: '云南测试大学' });
  const base = { universityId: uni.id, universityProvinceCode: '520000' };
  await buildGraduate(deps, {
    ...base,
    name: '甲',
    level: '本科',
    majorName: '软件工程',
    domicileCountyCode: '520526',
    isFocusCounty: true,
    isTarget: true,
  });
  await buildGraduate(deps, {
    ...base,
    name: '乙',
    level: '专科',
    majorName: '护理',
    domicileCountyCode: '520102',
    isRegisteredPoor: true,
    isTarget: true,
  });
  await buildGraduate(deps, {
    ...base,
    name: '丙',
    level: '本科',
    majorName: '=HYPERLINK("x")',
    domicileCountyCode: '520102',
  });
  await buildGraduate(deps, {
    universityId: other.id,
    universityProvinceCode: '530000',
    name: '丁',
    domicileCountyCode: '530627',
    isFocusCounty: true,
    isTarget: true,
  });
  admin = await loginAs(app, (await buildUser(deps, uni, ['university_admin'])).username);
  counselor = await loginAs(app, (await buildUser(deps, uni, ['counselor'])).username);
  otherAdmin = await loginAs(app, (await buildUser(deps, other, ['university_admin'])).username);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const names = async (cookie: string, query: string) =>
  ((await get(cookie, `/api/graduates?${query}`)).json().items as { name: string }[]).map((i) => i.name);

describe('graduate list', () => {
  it('filters by target group, focus county, registry, level, major and county within scope', async () => {
    expect(await names(admin, 'sort=name')).toEqual(['丙', '乙', '甲']);
    expect(await names(admin, 'target=true&sort=name')).toEqual(['乙', '甲']);
    expect(await names(admin, 'focusCounty=true')).toEqual(['甲']);
    expect(await names(admin, 'registeredPoor=true')).toEqual(['乙']);
    expect(await names(admin, 'level=本科&sort=name&order=desc')).toEqual(['甲', '丙']);
    expect(await names(admin, `major=${encodeURIComponent('软件')}`)).toEqual(['甲']);
    expect(await names(admin, 'county=520102&sort=name')).toEqual(['丙', '乙']);
    expect(await names(otherAdmin, 'sort=name')).toEqual(['丁']);
    expect((await get(admin, '/api/graduates?level=硕士')).statusCode).toBe(400);
  });

  it('shows why a graduate is in the target group, with the domicile name', async () => {
    const [item] = (await get(admin, '/api/graduates?focusCounty=true')).json().items;
    expect(item).toMatchObject({
      domicileName: '威宁彝族回族苗族自治县',
      isFocusCounty: true,
      universityName: '贵州测试大学',
    });
    expect(item.idNumberMasked).toMatch(/^5205\*{10}\d{3}[\dX]$/);
  });

  it('counts by province, county and university over the scoped set', async () => {
    const stats = (await get(admin, '/api/graduates/stats')).json();
    expect(stats).toMatchObject({ total: 3, target: 2, registeredPoor: 1, focusCounty: 1 });
    expect(stats.byProvince).toEqual([{ code: '520000', name: '贵州省', total: 3, target: 2 }]);
    expect(stats.byCounty[0]).toMatchObject({ code: '520102', total: 2, target: 1 });
    expect(stats.byUniversity).toEqual([expect.objectContaining({ name: '贵州测试大学', total: 3 })]);
  });

  it('exports the scoped, filtered list as masked, formula-safe Excel and audits it', async () => {
    const res = await get(admin, '/api/graduates/export?sort=name');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(3);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    const bing = rows.find((r) => r[1] === '丙')!;
    expect(bing[8]).toBe(`'=HYPERLINK("x")`);
    const [audit] = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'graduate.export')));
    expect(audit?.after).toMatchObject({ rows: 3 });
    expect((await get(counselor, '/api/graduates/export')).statusCode).toBe(403);
  });
});
