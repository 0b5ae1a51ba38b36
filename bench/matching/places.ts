import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { REFERENCE_DIR } from '../../src/server/modules/orgs/reference.loader.ts';
import type { Prng } from '../../src/server/seed/prng.ts';

/*
 * Reference data the matching bench draws posts from: regions (prefectures and counties per province) and the
 * real major catalogues (本科 2020, 专科 2015) with their categories and classes.
 */

const read = (file: string) =>
  parse(readFileSync(path.join(REFERENCE_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Record<string, string>[];

export type TRegions = {
  provinces: string[];
  /** province (2 digits) → its prefecture codes (6 digits) */
  prefectures: Map<string, string[]>;
  /** prefecture (4 digits) → its county codes */
  counties: Map<string, string[]>;
};

export function loadRegions(): TRegions {
  const rows = read('regions.csv');
  const prefectures = new Map<string, string[]>();
  const counties = new Map<string, string[]>();
  for (const r of rows) {
    const code = r.code!;
    if (r.level === '2')
      prefectures.set(code.slice(0, 2), [...(prefectures.get(code.slice(0, 2)) ?? []), code]);
    if (r.level === '3' && r.name !== '市辖区')
      counties.set(code.slice(0, 4), [...(counties.get(code.slice(0, 4)) ?? []), code]);
  }
  return {
    provinces: rows.filter((r) => r.level === '1').map((r) => r.code!.slice(0, 2)),
    prefectures,
    counties,
  };
}

export type TCatalogue = { categories: string[]; classes: string[]; majors: string[] };

/** Category, class and major codes of one catalogue (suffix letters dropped). */
export function loadMajors(file: 'majors-undergraduate.csv' | 'majors-vocational.csv'): TCatalogue {
  const codes = read(file).map((r) => r.code!.replace(/[A-Z]+$/, ''));
  return {
    categories: codes.filter((c) => c.length === 2),
    classes: codes.filter((c) => c.length === 4),
    majors: codes.filter((c) => c.length === 6),
  };
}

/** A prefecture of the province, the capital (first listed) about a third of the time. */
export function pickPrefecture(rng: Prng, regions: TRegions, province: string): string {
  const list = regions.prefectures.get(province) ?? [`${province}0100`];
  return rng.chance(0.35) ? list[0]! : rng.pick(list);
}

export function pickCounty(rng: Prng, regions: TRegions, prefecture: string): string {
  const list = regions.counties.get(prefecture.slice(0, 4));
  return list?.length ? rng.pick(list) : prefecture;
}
