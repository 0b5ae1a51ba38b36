import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { resolveCountyCode } from './orgs.service.ts';
import { REFERENCE_DIR } from './reference.loader.ts';

const focus = parse(readFileSync(path.join(REFERENCE_DIR, 'focus-counties-2020.csv'), 'utf8'), {
  columns: true,
}) as Record<string, string>[];

let deps: TTestDeps;
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  const org = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  const user = await buildUser(deps, org, ['university_admin']);
  cookie = await loginAs(app, user.username);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

describe('resolveCountyCode', () => {
  it('maps every historical code of the 52 focus counties to its current county', async () => {
    let aliases = 0;
    for (const c of focus) {
      const current = await resolveCountyCode(deps.database.db, c.code!);
      expect(current, c.code).toMatchObject({ code: c.code, viaAlias: false });
      for (const old of c.historical_codes!.split(';').filter(Boolean)) {
        aliases++;
        const resolved = await resolveCountyCode(deps.database.db, old);
        expect(resolved, `${old} → ${c.code}`).toMatchObject({ code: c.code, viaAlias: true });
      }
    }
    expect(focus).toHaveLength(52);
    expect(aliases).toBeGreaterThan(25);
  });

  it('gives the path province → prefecture → county (522427 → 威宁)', async () => {
    const r = await resolveCountyCode(deps.database.db, '522427');
    expect(r?.path.map((p) => p.name)).toEqual(['贵州省', '毕节市', '威宁彝族回族苗族自治县']);
  });

  it('returns nothing for unknown codes and for non-county codes', async () => {
    expect(await resolveCountyCode(deps.database.db, '999999')).toBeUndefined();
    expect(await resolveCountyCode(deps.database.db, '520000')).toBeUndefined();
    expect(await resolveCountyCode(deps.database.db, '520500')).toBeUndefined();
  });
});

describe('reference routes', () => {
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  it('lists all 31 provinces with focus counts that add up to 52', async () => {
    const res = await get('/api/reference/regions');
    const provinces = res.json() as { code: string; focusCount: number; hasChildren: boolean }[];
    expect(provinces).toHaveLength(31);
    expect(provinces.every((p) => p.hasChildren)).toBe(true);
    expect(provinces.reduce((s, p) => s + p.focusCount, 0)).toBe(52);
    expect(provinces.find((p) => p.code === '520000')?.focusCount).toBe(9);
  });

  it('lists a prefecture’s counties with focus flags and historical codes', async () => {
    const counties = (await get('/api/reference/regions?parent=520500')).json() as {
      code: string;
      isFocus: boolean;
      historicalCodes: string[];
    }[];
    const weining = counties.find((c) => c.code === '520526');
    expect(weining).toMatchObject({ isFocus: true, historicalCodes: ['522427'] });
    expect(counties.find((c) => c.code === '520521')?.isFocus).toBe(false);
  });

  it('finds a county by a historical code and by name', async () => {
    const byOld = (await get('/api/reference/regions?q=522427')).json() as { code: string }[];
    expect(byOld.map((r) => r.code)).toContain('520526');
    const byName = (await get(`/api/reference/regions?q=${encodeURIComponent('威宁')}`)).json() as {
      code: string;
    }[];
    expect(byName.map((r) => r.code)).toEqual(['520526']);
  });

  it('resolves through the route and 404s an unknown code', async () => {
    expect((await get('/api/reference/regions/resolve/522427')).json()).toMatchObject({ code: '520526' });
    const missing = await get('/api/reference/regions/resolve/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    expect((await get('/api/reference/regions/resolve/abc')).statusCode).toBe(400);
  });

  it('serves the 52-county list with partners', async () => {
    const [list] = (await get('/api/reference/focus-lists')).json();
    expect(list.name).toBe('2020年52个未摘帽贫困县');
    expect(list.counties).toHaveLength(52);
    expect(list.counties.find((c: { code: string }) => c.code === '653125')).toMatchObject({
      supportKind: 'counterpart_xinjiang',
      supportPartner: '上海市',
      provinceName: '新疆维吾尔自治区',
      prefectureName: '喀什地区',
    });
  });

  it('serves the code tables with the employment classification', async () => {
    const tables = (await get('/api/reference/code-tables')).json() as {
      key: string;
      entries: { code: string; attributes: Record<string, string> }[];
    }[];
    expect(tables.map((t) => t.key)).toEqual(['destination', 'difficulty', 'employer_nature']);
    const dest = tables[0]!.entries;
    expect(dest.filter((e) => e.attributes.counted_as === 'not_employed').map((e) => e.code)).toEqual([
      '70',
      '71',
      '72',
    ]);
    expect(dest.find((e) => e.code === '50')?.attributes.group).toBe('grassroots_national');
  });

  it('serves support pairs with validity years and resolved region codes', async () => {
    const pairs = (await get('/api/reference/support-pairs')).json() as Record<string, unknown>[];
    expect(pairs).toHaveLength(39);
    expect(pairs.find((p) => p.supporterName === '苏州市')).toMatchObject({
      supporterRegionCode: '320500',
      supportedRegionCode: '520600',
      validFrom: 2016,
      validTo: 2020,
    });
    // the notes are shown as they are in the Chinese UI: no "with 中山市"
    expect(pairs.find((p) => p.supporterName === '东莞市')?.note).toBe('与中山市共同结对');
    expect(pairs.filter((p) => /[A-Za-z]/.test(String(p.note)))).toEqual([]);
  });

  it('refuses anonymous access', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/reference/regions' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});
