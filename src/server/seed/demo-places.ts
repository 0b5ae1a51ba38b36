import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { REFERENCE_DIR } from '../modules/orgs/reference.loader.ts';
import { FOCUS_PROVINCES } from './demo-orgs.ts';
import type { Prng } from './prng.ts';

/*
 * Where synthetic people come from: the 52 focus counties (with the historical codes a 2020 graduate's ID number
 * often still carries), the other counties of the 7 provinces that hold them, and the rest of China. Read from
 * the same reference CSVs the server loads, so every code resolves.
 */

export type TFocusCounty = { code: string; historical: string[] };
export type TOriginKind = 'focus' | 'seven' | 'elsewhere';
export type TOrigin = {
  kind: TOriginKind;
  /** the current county code (the 生源地代码 cell) */
  county: string;
  /** the first six digits of the ID number: the county's code when the person was registered */
  idPrefix: string;
  historical: boolean;
};

/** Share of people from focus counties and from other counties of the 7 provinces; the rest from elsewhere. */
export type TOriginShares = { focus: number; seven: number };

export type TPlaces = {
  provinceNames: Map<string, string>;
  focus: TFocusCounty[];
  focusByProvince: Map<string, TFocusCounty[]>;
  seven: string[];
  sevenByProvince: Map<string, string[]>;
  elsewhere: string[];
};

const readReference = (file: string) =>
  parse(readFileSync(path.join(REFERENCE_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Record<string, string>[];

const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

let cached: TPlaces | null = null;

/** The county pools, read once per process. */
export function loadPlaces(): TPlaces {
  if (cached) return cached;
  const regions = readReference('regions.csv');
  const current = new Set(regions.map((r) => r.code!));
  const focusRows = readReference('focus-counties-2020.csv');
  // a historical code is usable only when it resolves to exactly one county: not reused, not split
  const owners = new Map<string, number>();
  for (const r of focusRows) {
    for (const h of (r.historical_codes ?? '').split(';').filter(Boolean))
      owners.set(h, (owners.get(h) ?? 0) + 1);
  }
  const focus = focusRows.map((r) => ({
    code: r.code!,
    historical: (r.historical_codes ?? '')
      .split(';')
      .filter((h) => h && owners.get(h) === 1 && !current.has(h)),
  }));
  const focusCodes = new Set(focus.map((f) => f.code));
  const counties = regions.filter((r) => r.level === '3' && r.name !== '市辖区').map((r) => r.code!);
  const seven = counties.filter((c) => FOCUS_PROVINCES.includes(provinceOf(c)) && !focusCodes.has(c));
  cached = {
    provinceNames: new Map(regions.filter((r) => r.level === '1').map((r) => [r.code!, r.name!])),
    focus,
    focusByProvince: groupBy(focus, (f) => provinceOf(f.code)),
    seven,
    sevenByProvince: groupBy(seven, provinceOf),
    elsewhere: counties.filter((c) => !FOCUS_PROVINCES.includes(provinceOf(c))),
  };
  return cached;
}

/**
 * Where one person is from. Students mostly study in their home province: a university of the 7 provinces
 * draws 70 % of its focus-county students and 80 % of its other students from its own province.
 */
export function pickOrigin(
  rng: Prng,
  places: TPlaces,
  shares: TOriginShares,
  universityProvince: string,
): TOrigin {
  const r = rng.next();
  if (r < shares.focus) {
    const own = places.focusByProvince.get(universityProvince);
    const f = rng.pick(own && rng.chance(0.7) ? own : places.focus);
    // about half of those from a re-coded county still carry the old code in their ID number
    const historical = f.historical.length > 0 && rng.chance(0.5);
    return {
      kind: 'focus',
      county: f.code,
      idPrefix: historical ? rng.pick(f.historical) : f.code,
      historical,
    };
  }
  if (r < shares.focus + shares.seven) {
    const own = places.sevenByProvince.get(universityProvince);
    const county = rng.pick(own && rng.chance(0.8) ? own : places.seven);
    return { kind: 'seven', county, idPrefix: county, historical: false };
  }
  const county = rng.pick(places.elsewhere);
  return { kind: 'elsewhere', county, idPrefix: county, historical: false };
}

/** A county of one province for a registry member who is not a graduate: mostly its focus counties. */
export function pickRegistryCounty(rng: Prng, places: TPlaces, province: string): TOrigin {
  const focus = places.focusByProvince.get(province) ?? [];
  if (focus.length && rng.chance(0.6)) {
    const f = rng.pick(focus);
    const historical = f.historical.length > 0 && rng.chance(0.5);
    return {
      kind: 'focus',
      county: f.code,
      idPrefix: historical ? rng.pick(f.historical) : f.code,
      historical,
    };
  }
  const county = rng.pick(places.sevenByProvince.get(province) ?? places.seven);
  return { kind: 'seven', county, idPrefix: county, historical: false };
}
