import { computeCheckChar } from '../../domain/id-number.ts';
import type { TLevel } from '../../domain/registry/fields.ts';
import { majorsFor } from './demo-majors.ts';
import { FOCUS_PROVINCES, type TDemoUniversity } from './demo-orgs.ts';
import { makeEthnicity, makeGivenName, makeName, makePhone, type TGender } from './demo-people.ts';
import {
  loadPlaces,
  pickOrigin,
  pickRegistryCounty,
  type TOrigin,
  type TOriginKind,
  type TOriginShares,
  type TPlaces,
} from './demo-places.ts';
import { drawFrom, type Prng, parseWeighted, type TWeighted } from './prng.ts';

/*
 * Synthetic people: graduates of one cohort (one roster row each) and members of registered-poor households
 * (registry rows). Everything is drawn from one seeded PRNG, so a seed and the call order fix the output.
 */

export type TDemoGraduate = {
  /** the roster row, in ROSTER_HEADER order */
  cells: string[];
  idNumber: string;
  name: string;
  className: string;
  origin: TOrigin;
  registeredPoor: boolean;
};

export type TRegistryEntry = {
  idNumber: string;
  county: string;
  idPrefix: string;
  householdRef: string;
  exitYear: string;
};

/** Probability of being in a registered-poor household, by where someone is from. */
export type TPoorRates = Record<TOriginKind, number>;

export type TPopulationOptions = {
  cohort: number;
  shares: TOriginShares;
  poorRates: TPoorRates;
};

/** The graduate forced onto the first row of a roster (the demo graduate account's own record). */
export type TForcedGraduate = { surname: string; county: string };

/** Age at graduation by level, so a 2020 cohort is born 1996–2001. */
const AGE: Record<TLevel, [number, number]> = { 研究生: [23, 24], 本科: [21, 23], 专科: [19, 22] };
const CLASS_SIZE = 32;
const DIFFICULTY = parseWeighted('0:88 1:4 2:7 3:1');
const POOR_DIFFICULTY = parseWeighted('2:60 3:30 1:5 0:5');
const EXIT_FOCUS = parseWeighted(':60 2019:15 2020:25');
const EXIT_OTHER = parseWeighted('2014:10 2015:15 2016:20 2017:20 2018:15 2019:15 :5');

const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Levels in plausible proportions for the kind of institution. */
function levelTable(u: TDemoUniversity): TWeighted<TLevel> {
  if (u.level === '专科') return [['专科', 1]];
  if (!FOCUS_PROVINCES.includes(provinceOf(u.regionCode))) {
    return [
      ['研究生', 45],
      ['本科', 55],
    ];
  }
  if (u.name.endsWith('大学')) {
    return [
      ['研究生', 15],
      ['本科', 85],
    ];
  }
  return [
    ['本科', 85],
    ['专科', 15],
  ];
}

export class DemoPopulation {
  readonly places: TPlaces;
  /** ID numbers handed out, packed as numbers (a Set of 1 M numbers is a fraction of 1 M strings) */
  private readonly ids = new Set<number>();
  private readonly households = new Map<string, number>();
  private classCounters = new Map<string, number>();

  constructor(
    readonly rng: Prng,
    private readonly options: TPopulationOptions,
  ) {
    this.places = loadPlaces();
  }

  get cohort() {
    return this.options.cohort;
  }

  /** Class numbering restarts with each university. */
  startUniversity() {
    this.classCounters = new Map();
  }

  /** A valid ID number no one else in this population has, for someone born in `year`. */
  newIdNumber(idPrefix: string, year: number, gender: TGender): string {
    const rng = this.rng;
    for (;;) {
      const month = rng.int(1, 12);
      const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
      // the 17th digit is odd for men, even for women
      const seq = gender === 'male' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
      const key = ((Number(idPrefix) * 400 + (year - 1900)) * 372 + month * 31 + day) * 1000 + seq;
      if (this.ids.has(key)) continue;
      this.ids.add(key);
      const first17 = `${idPrefix}${year}${pad(month, 2)}${pad(day, 2)}${pad(seq, 3)}`;
      return first17 + computeCheckChar(first17);
    }
  }

  /** One graduate of university `u`, as a roster row. */
  graduate(u: TDemoUniversity, forced?: TForcedGraduate): TDemoGraduate {
    const rng = this.rng;
    const origin = forced
      ? this.originOf(forced.county)
      : pickOrigin(rng, this.places, this.options.shares, provinceOf(u.regionCode));
    const level = forced ? '本科' : drawFrom(rng, levelTable(u));
    const gender: TGender = rng.chance(0.5) ? 'male' : 'female';
    const [minAge, maxAge] = AGE[level];
    const idNumber = this.newIdNumber(origin.idPrefix, this.options.cohort - rng.int(minAge, maxAge), gender);
    const ethnicity = makeEthnicity(rng, origin.county);
    const name = forced
      ? forced.surname + makeGivenName(rng, gender)
      : makeName(rng, gender, origin.county, ethnicity);
    const collegeIndex = forced ? 0 : rng.int(0, u.colleges.length - 1);
    const college = u.colleges[collegeIndex]!;
    const majors = majorsFor(college, level);
    // earlier majors in the list are the college's big ones
    const major = forced ? majors[0]! : majors[this.rankedIndex(majors.length)]!;
    const infix = level === '研究生' ? '研' : level === '专科' && u.level === '本科' ? '专' : '';
    const counterKey = `${collegeIndex}|${level}|${major.abbr}`;
    const seen = this.classCounters.get(counterKey) ?? 0;
    this.classCounters.set(counterKey, seen + 1);
    const className = `${major.abbr}${infix}${this.options.cohort % 100}${pad(Math.floor(seen / CLASS_SIZE) + 1, 2)}班`;
    const registeredPoor = forced ? true : rng.chance(this.options.poorRates[origin.kind]);
    // some rosters leave 生源地 blank: the ID prefix (maybe a historical code) stands in
    const domicile = !forced && rng.chance(0.15) ? '' : origin.county;
    const phone = rng.chance(0.98) ? makePhone(rng) : '';
    const difficulty = drawFrom(rng, registeredPoor ? POOR_DIFFICULTY : DIFFICULTY);
    const cells = [
      name,
      idNumber,
      gender === 'male' ? '男' : '女',
      ethnicity,
      level,
      college,
      className,
      major.code,
      major.name,
      domicile,
      phone,
      difficulty,
    ];
    return { cells, idNumber, name, className, origin, registeredPoor };
  }

  /** The registry row of a registered-poor graduate's household. */
  registryEntryFor(g: TDemoGraduate): TRegistryEntry {
    return {
      idNumber: g.idNumber,
      county: g.origin.county,
      idPrefix: g.origin.idPrefix,
      householdRef: this.newHousehold(g.origin.county),
      exitYear: this.exitYear(g.origin.kind),
    };
  }

  /** A parent or younger sibling in the same household, registered in the same place. */
  familyMember(of: TRegistryEntry): TRegistryEntry {
    const rng = this.rng;
    const cohort = this.options.cohort;
    const year = rng.chance(0.6) ? cohort - rng.int(42, 62) : cohort - rng.int(8, 25);
    const idNumber = this.newIdNumber(of.idPrefix, year, rng.chance(0.5) ? 'male' : 'female');
    return { ...of, idNumber };
  }

  /** Someone of another registered-poor household of the province, not a graduate of this cohort. */
  stranger(province: string): TRegistryEntry {
    const rng = this.rng;
    const origin = pickRegistryCounty(rng, this.places, province);
    const year = this.options.cohort - rng.int(5, 70);
    return {
      idNumber: this.newIdNumber(origin.idPrefix, year, rng.chance(0.5) ? 'male' : 'female'),
      county: origin.county,
      idPrefix: origin.idPrefix,
      householdRef: this.newHousehold(origin.county),
      exitYear: this.exitYear(origin.kind),
    };
  }

  /** An index in [0, n) where 0 is the most likely (weights n, n-1, …, 1). */
  private rankedIndex(n: number): number {
    let r = this.rng.next() * ((n * (n + 1)) / 2);
    for (let i = 0; i < n; i++) {
      r -= n - i;
      if (r < 0) return i;
    }
    return n - 1;
  }

  private originOf(county: string): TOrigin {
    const focus = this.places.focus.find((f) => f.code === county);
    if (focus) {
      const old = focus.historical[0];
      return { kind: 'focus', county, idPrefix: old ?? county, historical: old !== undefined };
    }
    const kind = FOCUS_PROVINCES.includes(provinceOf(county)) ? 'seven' : 'elsewhere';
    return { kind, county, idPrefix: county, historical: false };
  }

  /** 户编号: county, township and village codes, then a household number unique within the county. */
  private newHousehold(county: string): string {
    const n = (this.households.get(county) ?? 0) + 1;
    this.households.set(county, n);
    return `${county}${pad(this.rng.int(100, 130), 3)}${pad(this.rng.int(1, 40), 3)}${pad(n, 4)}`;
  }

  private exitYear(kind: TOriginKind): string {
    // the 52 counties were still poor in 2020: most of their households had not exited yet
    return drawFrom(this.rng, kind === 'focus' ? EXIT_FOCUS : EXIT_OTHER);
  }
}
