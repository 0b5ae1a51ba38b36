import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMajorCatalogue } from '../../../domain/api/reference.ts';
import { majorCategoryOf, normalizeMajorCode } from '../../../domain/opportunities/majors.ts';
import { buildApp } from '../../app.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { REFERENCE_DIR } from './reference.loader.ts';

/*
 * The demo seed's majors, read from its source text: the seed keeps them as compact strings
 * ("080901:计算机科学与技术:计科 …") and exports only a per-college lookup.
 */
const DEMO_SOURCE = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed/demo-majors.ts'),
  'utf8',
);
const demoMajors = [
  ...new Set([...DEMO_SOURCE.matchAll(/(\d{6}[A-Z]{0,2}):([^:\s']+):/g)].map((m) => m[0])),
].map((s) => {
  const [code, name] = s.split(':');
  return { code: code!, name: name! };
});

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

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TMajorCatalogue[];
};
const csvLines = (file: string) =>
  readFileSync(path.join(REFERENCE_DIR, file), 'utf8').trim().split('\n').length - 1;

describe('major catalogues', () => {
  it('loads both CSVs completely, in catalogue order', async () => {
    const all = await get('/api/reference/majors');
    expect(all.map((c) => [c.key, c.level])).toEqual([
      ['major_undergraduate', '本科'],
      ['major_vocational', '专科'],
    ]);
    expect(all[0]!.entries).toHaveLength(csvLines('majors-undergraduate.csv'));
    expect(all[1]!.entries).toHaveLength(csvLines('majors-vocational.csv'));
    expect(all[0]!.entries.find((e) => e.code === '080901')).toEqual({
      code: '080901',
      name: '计算机科学与技术',
      classCode: '0809',
      categoryCode: '08',
    });
    expect(all[0]!.entries.find((e) => e.code === '08')).toMatchObject({ name: '工学', classCode: null });
    const vocational = await get('/api/reference/majors?level=专科');
    expect(vocational.map((c) => c.key)).toEqual(['major_vocational']);
    const res = await app.inject({
      method: 'GET',
      url: '/api/reference/majors?level=硕士',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(400);
  });

  it('finds every demo major with its name, and every major sits under its own class', async () => {
    const entries = (await get('/api/reference/majors')).flatMap((c) =>
      c.entries.map((e) => ({ ...e, level: c.level })),
    );
    const byDigits = new Map(entries.map((e) => [normalizeMajorCode(e.code), e]));
    expect(demoMajors.length).toBeGreaterThan(80);
    for (const m of demoMajors) {
      const found = byDigits.get(normalizeMajorCode(m.code));
      expect(found?.name, m.code).toBe(m.name);
    }
    for (const e of entries.filter((x) => normalizeMajorCode(x.code).length === 6)) {
      expect(majorCategoryOf(e.code, e.level), e.code).toEqual({
        categoryCode: e.categoryCode,
        classCode: e.classCode,
      });
      expect(byDigits.get(e.classCode!)?.name, e.code).toMatch(/类$/);
    }
  });
});
