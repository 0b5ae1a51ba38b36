import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../domain/id-number.ts';
import { validateRosterRow } from '../../domain/registry/validate-row.ts';
import { generateRosters, REGISTRY_HEADER, ROSTER_HEADER, type TGenerateResult } from './demo-graduates.ts';
import { demoUniversityWeight } from './demo-import.ts';
import { readDemoUniversities } from './demo-orgs.ts';
import { loadPlaces } from './demo-places.ts';

const dirs: string[] = [];
const universities = readDemoUniversities().map((u) => ({ ...u, weight: demoUniversityWeight(u) }));

async function generate(seed: number, extra: { dirty?: boolean } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-gen-test-'));
  dirs.push(dir);
  return generateRosters({
    size: 2000,
    seed,
    cohort: 2020,
    universities,
    dir,
    demoGraduate: { universityCode: 'U-10657', surname: '吴', county: '520526' },
    ...extra,
  });
}

const readCsv = (file: string) => {
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text, { bom: true, relax_column_count: true }) as string[][];
};

const places = loadPlaces();
const focusCodes = new Set(places.focus.map((f) => f.code));
const historicalCodes = new Map(places.focus.flatMap((f) => f.historical.map((h) => [h, f.code] as const)));
const regions = readFileSync(path.resolve(import.meta.dirname, '../../../reference/regions.csv'), 'utf8');
const current = new Set((parse(regions) as string[][]).slice(1).map((r) => r[0]!));
/** The server's resolver, rebuilt from the reference files: current codes, and historical codes of focus counties. */
const resolveCounty = (code: string) => (current.has(code) ? code : (historicalCodes.get(code) ?? null));

let result: TGenerateResult;
let rows: { file: string; cells: string[] }[];
let registryIds: Set<string>;

beforeAll(async () => {
  result = await generate(42);
  rows = result.rosters.flatMap((r) =>
    readCsv(r.path)
      .slice(2)
      .map((cells) => ({ file: r.fileName, cells })),
  );
  registryIds = new Set(
    result.registries.flatMap((r) =>
      readCsv(r.path)
        .slice(2)
        .map((cells) => cells[0]!),
    ),
  );
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('generateRosters', () => {
  it('is deterministic for a seed, and a different seed gives different people', async () => {
    const again = await generate(42);
    const other = await generate(43);
    const files = (r: TGenerateResult) => readdirSync(r.dir).sort();
    expect(files(again)).toEqual(files(result));
    for (const name of files(result)) {
      expect(readFileSync(path.join(again.dir, name), 'utf8')).toBe(
        readFileSync(path.join(result.dir, name), 'utf8'),
      );
    }
    expect(again.stats).toEqual(result.stats);
    const first = (r: TGenerateResult) => readFileSync(r.rosters[0]!.path, 'utf8');
    expect(first(other)).not.toBe(first(result));
  });

  it('writes a title row, the Chinese header and one file per university and per province', () => {
    expect(result.rosters).toHaveLength(universities.length);
    const gzu = result.rosters.find((r) => r.universityCode === 'U-10657')!;
    const [title, header] = readCsv(gzu.path);
    expect(title![0]).toBe('贵州大学2020届毕业生生源信息表');
    expect(header).toEqual(ROSTER_HEADER);
    // 贵州大学 has the biggest share
    expect(Math.max(...result.rosters.map((r) => r.rows))).toBe(gzu.rows);
    expect(result.registries.map((r) => r.provinceCode).sort()).toEqual([
      '450000',
      '510000',
      '520000',
      '530000',
      '620000',
      '640000',
      '650000',
    ]);
    expect(readCsv(result.registries[0]!.path)[1]).toEqual(REGISTRY_HEADER);
    expect(rows).toHaveLength(2000);
  });

  it('gives every graduate a valid, unique ID that agrees with gender and birth year, and passes validation', () => {
    const ids = new Set<string>();
    for (const { cells } of rows) {
      const id = parseIdNumber(cells[1]!);
      expect(id.ok, cells.join(',')).toBe(true);
      if (!id.ok) continue;
      ids.add(id.value);
      expect(cells[2]).toBe(id.gender === 'male' ? '男' : '女');
      expect(Number(id.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(1996);
      expect(Number(id.birthDate.slice(0, 4))).toBeLessThanOrEqual(2001);
      expect(cells[0]).toMatch(/^(\p{Script=Han}{2,4}|\p{Script=Han}+·\p{Script=Han}+)$/u);
      expect(cells[10]).toMatch(/^(1[3-9]\d{9})?$/);
      const cellsByField = Object.fromEntries(
        ['name', 'idNumber', 'gender', 'ethnicity', 'level', 'college', 'className', 'majorCode', 'majorName']
          .concat(['domicileCode', 'phone', 'difficultyCode'])
          .map((field, i) => [field, cells[i] || undefined]),
      );
      const valid = validateRosterRow(cellsByField, { cohort: 2020, resolveCounty });
      expect(valid.ok, JSON.stringify(valid.ok ? null : valid.errors)).toBe(true);
    }
    expect(ids.size).toBe(rows.length);
    for (const r of result.registries) {
      for (const cells of readCsv(r.path).slice(2)) expect(parseIdNumber(cells[0]!).ok).toBe(true);
    }
  });

  it('puts about a quarter of the graduates in the target group (registry or focus county)', () => {
    let target = 0;
    let focus = 0;
    for (const { cells } of rows) {
      const county = cells[9] || resolveCounty(cells[1]!.slice(0, 6));
      const inFocus = focusCodes.has(county ?? '');
      if (inFocus) focus++;
      if (inFocus || registryIds.has(cells[1]!)) target++;
    }
    expect(target).toBe(result.stats.target);
    expect(target / rows.length).toBeGreaterThan(0.22);
    expect(target / rows.length).toBeLessThan(0.28);
    expect(focus / rows.length).toBeGreaterThan(0.17);
    // registered-poor graduates from outside the focus counties exist, and the registry is bigger than them
    expect(target).toBeGreaterThan(focus);
    expect(registryIds.size).toBeGreaterThan(result.stats.registeredPoor * 1.5);
  });

  it('uses historical county codes in ID numbers, sometimes with the 生源地 cell left blank', () => {
    const historical = rows.filter(({ cells }) => historicalCodes.has(cells[1]!.slice(0, 6)));
    expect(historical.length).toBe(result.stats.historicalPrefix);
    expect(historical.length).toBeGreaterThan(50);
    expect(historical.some(({ cells }) => cells[9] === '')).toBe(true);
    for (const { cells } of historical)
      if (cells[9]) expect(cells[9]).toBe(historicalCodes.get(cells[1]!.slice(0, 6)));
  });

  it('places the demo graduate first in 贵州大学 计科2001班, registered-poor, with 威宁’s old code', () => {
    const d = result.demoGraduate!;
    expect(d).toMatchObject({ universityCode: 'U-10657', className: '计科2001班' });
    expect(d.name.startsWith('吴')).toBe(true);
    expect(d.idNumber.slice(0, 6)).toBe('522427');
    expect(registryIds.has(d.idNumber)).toBe(true);
    const gzu = rows.filter((r) => r.file.startsWith('贵州大学'));
    expect(gzu[0]!.cells[1]).toBe(d.idNumber);
    expect(gzu.filter(({ cells }) => cells[6] === '计科2001班').length).toBeGreaterThan(1);
  });

  it('at the default size fills both of the demo counselor’s classes, 计科2001班 and 计科2002班', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-gen-test-'));
    dirs.push(dir);
    const full = await generateRosters({ size: 20_000, seed: 2020, cohort: 2020, universities, dir });
    const gzu = readCsv(full.rosters.find((r) => r.universityCode === 'U-10657')!.path);
    const classes = gzu.filter((c) => c[5] === '计算机科学与技术学院').map((c) => c[6]);
    expect(classes.filter((c) => c === '计科2001班').length).toBeGreaterThan(20);
    expect(classes.filter((c) => c === '计科2002班').length).toBeGreaterThan(20);
    expect(full.stats.target / full.stats.graduates).toBeCloseTo(0.25, 1);
  });

  it('levels suit the institution: 专科 colleges only 专科, national universities many postgraduates', () => {
    const levels = (prefix: string) => rows.filter((r) => r.file.startsWith(prefix)).map((r) => r.cells[4]);
    expect(new Set(levels('贵州职业技术学院'))).toEqual(new Set(['专科']));
    expect(levels('清华大学').filter((l) => l === '研究生').length).toBeGreaterThan(5);
    expect(levels('贵州大学')).not.toContain('专科');
  });

  it('with dirty: true appends rows with the mistakes real rosters carry', async () => {
    const dirty = await generate(42, { dirty: true });
    expect(dirty.dirtyRows.map((d) => d.code)).toEqual([
      'id_excel_scientific',
      'id_excel_rounded',
      'gender_mismatch',
      'level_invalid',
      'phone_invalid',
      'duplicate_row',
    ]);
    const file = dirty.rosters[0]!;
    const lines = readCsv(file.path);
    const byRow = (rowNo: number) => lines[rowNo - 1]!;
    expect(byRow(dirty.dirtyRows[0]!.rowNo)[1]).toMatch(/^\d\.\d{5}E\+17$/);
    expect(byRow(dirty.dirtyRows[1]!.rowNo)[1]).toMatch(/^\d{15}000$/);
    expect(byRow(dirty.dirtyRows[5]!.rowNo)).toEqual(byRow(3));
  });
});
