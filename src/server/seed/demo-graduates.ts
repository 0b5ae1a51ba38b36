import { once } from 'node:events';
import { createWriteStream, mkdtempSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseIdNumber } from '../../domain/id-number.ts';
import type { TDemoUniversity } from './demo-orgs.ts';
import type { TOriginShares } from './demo-places.ts';
import {
  DemoPopulation,
  type TDemoGraduate,
  type TForcedGraduate,
  type TPoorRates,
  type TRegistryEntry,
} from './demo-population.ts';
import { apportion, Prng } from './prng.ts';

/*
 * Synthetic rosters and registry extracts, written as the files universities and poverty offices really send:
 * CSV in UTF-8 with BOM, a title row above the Chinese header. The demo seed imports them through the same
 * pipeline as an upload; tests and benchmarks use them as realistic input.
 */

export const ROSTER_HEADER = [
  '姓名',
  '身份证号码',
  '性别',
  '民族',
  '学历层次',
  '院系',
  '班级',
  '专业代码',
  '专业名称',
  '生源地代码',
  '手机号码',
  '困难生类别',
];
export const REGISTRY_HEADER = ['身份证号', '所在县代码', '户编号', '脱贫年度'];

/** Default mix: target group (registry OR focus county) ≈ 20 % + 60 % × 8 % ≈ 25 % of graduates. */
export const DEFAULT_SHARES: TOriginShares = { focus: 0.2, seven: 0.6 };
export const DEFAULT_POOR_RATES: TPoorRates = { focus: 0.5, seven: 0.08, elsewhere: 0 };

export type TRosterUniversity = TDemoUniversity & {
  /** relative share of the graduates (default 1) */
  weight?: number;
};

export type TGenerateOptions = {
  /** number of graduates over all rosters (dirty rows come on top) */
  size: number;
  seed: number;
  cohort: number;
  universities: TRosterUniversity[];
  /** where to write; default a new temporary directory (the caller removes it) */
  dir?: string;
  /** registry members who are not graduates, per registered-poor graduate (default 1) */
  registryExtraRatio?: number;
  shares?: TOriginShares;
  poorRates?: TPoorRates;
  /** put this graduate on the first row of that university's roster: 本科, first college and major, registered-poor */
  demoGraduate?: TForcedGraduate & { universityCode: string };
  /** append rows with typical mistakes to the first roster (tests, benchmarks; never the demo seed) */
  dirty?: boolean;
};

export type TGeneratedFile = { path: string; fileName: string; rows: number };
export type TDirtyRow = { fileName: string; rowNo: number; field: string; code: string };

export type TGenerateResult = {
  dir: string;
  rosters: (TGeneratedFile & { universityCode: string })[];
  registries: (TGeneratedFile & { provinceCode: string })[];
  stats: {
    graduates: number;
    focusCounty: number;
    historicalPrefix: number;
    registeredPoor: number;
    /** registered-poor or from a focus county */
    target: number;
    registryRows: number;
  };
  demoGraduate: { idNumber: string; name: string; universityCode: string; className: string } | null;
  dirtyRows: TDirtyRow[];
};

/** CSV cell: quoted only when it must be. */
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Buffered CSV writer (UTF-8 with BOM, CRLF like Excel) that respects back-pressure: memory stays bounded. */
export class CsvWriter {
  private buffer = '\uFEFF';
  private readonly stream: WriteStream;
  rows = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }

  async row(cells: readonly string[]) {
    this.buffer += `${cells.map(csvCell).join(',')}\r\n`;
    this.rows++;
    if (this.buffer.length >= 64 * 1024) await this.flush();
  }

  private async flush() {
    const ok = this.stream.write(this.buffer);
    this.buffer = '';
    if (!ok) await once(this.stream, 'drain');
  }

  async close() {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}

/** A title row as Excel exports a merged title cell: the text, then empty cells across the table. */
const titleRow = (title: string, width: number) => [title, ...Array<string>(width - 1).fill('')];

export const rosterTitle = (u: TDemoUniversity, cohort: number) => `${u.name}${cohort}届毕业生生源信息表`;

/**
 * Write one university's roster: title, header, `count` graduates (the forced one first), then the dirty rows
 * if asked. `onGraduate` sees every clean graduate (for statistics and the registry).
 */
export async function writeRoster(
  population: DemoPopulation,
  u: TDemoUniversity,
  count: number,
  file: string,
  opts: { forced?: TForcedGraduate; dirty?: boolean; onGraduate?: (g: TDemoGraduate) => void } = {},
): Promise<{ rows: number; dirtyRows: TDirtyRow[] }> {
  population.startUniversity();
  const writer = new CsvWriter(file);
  await writer.row(titleRow(rosterTitle(u, population.cohort), ROSTER_HEADER.length));
  await writer.row(ROSTER_HEADER);
  let first: TDemoGraduate | null = null;
  for (let i = 0; i < count; i++) {
    const g = population.graduate(u, i === 0 ? opts.forced : undefined);
    first ??= g;
    opts.onGraduate?.(g);
    await writer.row(g.cells);
  }
  const dirtyRows: TDirtyRow[] = [];
  if (opts.dirty) {
    for (const [cells, field, code] of dirtyCells(population, u, first)) {
      await writer.row(cells);
      dirtyRows.push({ fileName: path.basename(file), rowNo: writer.rows, field, code });
    }
  }
  await writer.close();
  return { rows: writer.rows - 2, dirtyRows };
}

/** The mistakes real rosters carry, each with the error the import must report. */
function dirtyCells(population: DemoPopulation, u: TDemoUniversity, first: TDemoGraduate | null) {
  const fresh = () => [...population.graduate(u).cells];
  const rows: [string[], string, string][] = [];
  const scientific = fresh();
  scientific[1] = `${scientific[1]!.slice(0, 1)}.${scientific[1]!.slice(1, 6)}E+17`;
  rows.push([scientific, 'idNumber', 'id_excel_scientific']);
  // Excel keeps 15 significant digits: the last three become 0 (and the checksum then fails)
  let rounded = fresh();
  while (parseIdNumber(`${rounded[1]!.slice(0, 15)}000`).ok) rounded = fresh();
  rounded[1] = `${rounded[1]!.slice(0, 15)}000`;
  rows.push([rounded, 'idNumber', 'id_excel_rounded']);
  const gender = fresh();
  gender[2] = gender[2] === '男' ? '女' : '男';
  rows.push([gender, 'gender', 'gender_mismatch']);
  const level = fresh();
  level[4] = '博士后';
  rows.push([level, 'level', 'level_invalid']);
  const phone = fresh();
  phone[10] = '1380013800';
  rows.push([phone, 'phone', 'phone_invalid']);
  rows.push([[...(first?.cells ?? fresh())], 'idNumber', 'duplicate_row']);
  return rows;
}

const rosterFileName = (u: TDemoUniversity, cohort: number) => `${u.name}${cohort}届毕业生生源信息.csv`;

/**
 * Write one roster CSV per university (graduates split by `weight`) and one registry CSV per province: the
 * registered-poor graduates plus other members of poor households. Deterministic for a seed.
 */
export async function generateRosters(opts: TGenerateOptions): Promise<TGenerateResult> {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'bangfu-demo-'));
  const population = new DemoPopulation(new Prng(opts.seed), {
    cohort: opts.cohort,
    shares: opts.shares ?? DEFAULT_SHARES,
    poorRates: opts.poorRates ?? DEFAULT_POOR_RATES,
  });
  const counts = apportion(
    opts.size,
    opts.universities.map((u) => u.weight ?? 1),
  );
  const result: TGenerateResult = {
    dir,
    rosters: [],
    registries: [],
    stats: {
      graduates: 0,
      focusCounty: 0,
      historicalPrefix: 0,
      registeredPoor: 0,
      target: 0,
      registryRows: 0,
    },
    demoGraduate: null,
    dirtyRows: [],
  };
  const { stats } = result;
  const registry: TRegistryEntry[] = [];
  for (const [i, u] of opts.universities.entries()) {
    const count = counts[i]!;
    const dirty = !!opts.dirty && result.rosters.length === 0;
    if (count === 0 && !dirty) continue;
    const wanted = opts.demoGraduate?.universityCode === u.code ? opts.demoGraduate : undefined;
    const forced = wanted && count > 0 ? wanted : undefined;
    const fileName = rosterFileName(u, opts.cohort);
    const file = path.join(dir, fileName);
    const written = await writeRoster(population, u, count, file, {
      forced,
      dirty,
      onGraduate: (g) => {
        stats.graduates++;
        if (g.origin.kind === 'focus') stats.focusCounty++;
        if (g.origin.historical) stats.historicalPrefix++;
        if (g.registeredPoor) {
          stats.registeredPoor++;
          registry.push(population.registryEntryFor(g));
        }
        if (g.registeredPoor || g.origin.kind === 'focus') stats.target++;
        if (forced && !result.demoGraduate) {
          result.demoGraduate = {
            idNumber: g.idNumber,
            name: g.name,
            universityCode: u.code,
            className: g.className,
          };
        }
      },
    });
    result.rosters.push({ universityCode: u.code, path: file, fileName, rows: written.rows });
    result.dirtyRows.push(...written.dirtyRows);
  }
  result.registries = await writeRegistries(population, registry, dir, opts.registryExtraRatio ?? 1);
  stats.registryRows = result.registries.reduce((n, r) => n + r.rows, 0);
  return result;
}

/** Add the non-graduate members, then write one extract per province, sorted by household like the source. */
async function writeRegistries(
  population: DemoPopulation,
  graduates: TRegistryEntry[],
  dir: string,
  extraRatio: number,
) {
  const rng = population.rng;
  const entries = [...graduates];
  const extras = graduates.length ? Math.round(graduates.length * extraRatio) : 0;
  for (let i = 0; i < extras; i++) {
    const near = rng.pick(graduates);
    entries.push(
      rng.chance(0.6) ? population.familyMember(near) : population.stranger(`${near.county.slice(0, 2)}0000`),
    );
  }
  const byProvince = new Map<string, TRegistryEntry[]>();
  for (const e of entries) {
    const p = `${e.county.slice(0, 2)}0000`;
    const list = byProvince.get(p);
    if (list) list.push(e);
    else byProvince.set(p, [e]);
  }
  const files: (TGeneratedFile & { provinceCode: string })[] = [];
  for (const province of [...byProvince.keys()].sort()) {
    const rows = byProvince.get(province)!;
    // plain code-unit order: the same file whatever the machine's locale
    const key = (e: TRegistryEntry) => `${e.householdRef}|${e.idNumber}`;
    rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const name = population.places.provinceNames.get(province) ?? province;
    const fileName = `${name}建档立卡贫困人口名单.csv`;
    const writer = new CsvWriter(path.join(dir, fileName));
    await writer.row(
      titleRow(`${name}建档立卡贫困人口信息（${population.cohort}年）`, REGISTRY_HEADER.length),
    );
    await writer.row(REGISTRY_HEADER);
    for (const e of rows) await writer.row([e.idNumber, e.county, e.householdRef, e.exitYear]);
    await writer.close();
    files.push({ provinceCode: province, path: writer.path, fileName, rows: rows.length });
  }
  return files;
}
