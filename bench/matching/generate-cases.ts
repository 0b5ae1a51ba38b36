import { randomUUID } from 'node:crypto';
import { POST_KINDS } from '../../src/domain/ledger/codes.ts';
import type { TCrypto } from '../../src/server/crypto.ts';
import { collegeCode, type TDemoUniversity } from '../../src/server/seed/demo-orgs.ts';
import type { DemoPopulation } from '../../src/server/seed/demo-population.ts';
import { drawFrom, type Prng, parseWeighted } from '../../src/server/seed/prng.ts';

/*
 * Open cases for the matching bench: the demo generator's target graduates (40 % from the 52 focus counties,
 * most of the rest from the other counties of their 7 provinces), each with a seeking case whose 就业需求 look
 * like a season's: mostly employment, some grassroots programmes and further study; preferred regions near home
 * or on the east coast; a salary floor for most; a few never confirmed.
 */

type TRow = Record<string, unknown>;

const INTENTION = parseWeighted(
  'employment:62 grassroots:10 further_study:10 military:3 entrepreneurship:3 not_now:4 unconfirmed:8',
);
const PREFERRED = parseWeighted('prefecture:35 province:20 east:35 campus:10');
const EAST = ['440000', '330000', '320000', '310000', '110000', '350000', '370000'];
const INDUSTRY = parseWeighted('C:20 I:15 P:12 Q:8 F:8 G:10 M:6 K:5 H:5 S:5 O:6');

export const CASE_COLUMNS = {
  graduate: [
    'id',
    'cohort',
    'name',
    'id_hash',
    'id_encrypted',
    'id_masked',
    'university_id',
    'university_province_code',
    'college_id',
    'class_name',
    'college_name',
    'domicile_county_code',
    'province_code',
    'gender',
    'birth_date',
    'major_code',
    'major_name',
    'level',
    'is_registered_poor',
    'is_focus_county',
    'is_target',
    'created_at',
  ],
  ledger_case: [
    'id',
    'graduate_id',
    'cohort',
    'university_id',
    'province_code',
    'status',
    'stage',
    'holder_org_id',
    'opened_at',
    'intention',
    'needs',
    'needs_confirmed_at',
    'version',
    'updated_at',
  ],
} as const;

export type TCaseGenContext = {
  rng: Prng;
  population: DemoPopulation;
  crypto: TCrypto;
  cohort: number;
  now: Date;
  orgIds: Map<string, string>;
};

function needsFor(rng: Prng, county: string, campus: string): { intention: string | null; needs: TRow } {
  const drawn = drawFrom(rng, INTENTION);
  if (drawn === 'unconfirmed') return { intention: null, needs: {} };
  const regions = rng.chance(0.45)
    ? []
    : [
        ...new Set(
          Array.from({ length: rng.int(1, 2) }, () => {
            const kind = drawFrom(rng, PREFERRED);
            if (kind === 'prefecture') return `${county.slice(0, 4)}00`;
            if (kind === 'province') return `${county.slice(0, 2)}0000`;
            if (kind === 'campus') return campus;
            return rng.pick(EAST);
          }),
        ),
      ];
  const some = (max: number, pick: () => string) =>
    rng.chance(0.4) ? [] : [...new Set(Array.from({ length: rng.int(1, max) }, pick))];
  return {
    intention: drawn,
    needs: {
      regions,
      returnHome: rng.chance(0.4),
      partnerProvinces: rng.chance(0.3),
      industries: some(3, () => drawFrom(rng, INDUSTRY)),
      postKinds: some(2, () => rng.pick(POST_KINDS)),
      salaryFloor: rng.chance(0.3) ? null : rng.int(5, 12) * 500,
    },
  };
}

/** `size` graduates of university `u`, each with an open (seeking) case held by the university. */
export function generateCases(g: TCaseGenContext, u: TDemoUniversity, size: number) {
  const { rng, population, crypto } = g;
  const universityId = g.orgIds.get(u.code)!;
  const batch: { graduate: TRow[]; ledger_case: TRow[] } = { graduate: [], ledger_case: [] };
  const at = g.now.toISOString();
  population.startUniversity();
  for (let i = 0; i < size; i++) {
    const p = population.graduate(u);
    const [name, idNumber, gender, , level, college, className, majorCode, majorName] = p.cells as string[];
    const county = p.origin.county;
    const id = randomUUID();
    batch.graduate.push({
      id,
      cohort: g.cohort,
      name,
      id_hash: crypto.keyedHash(idNumber!),
      // the matching engine never reads it: a placeholder keeps the load quick
      id_encrypted: 'bench',
      id_masked: `${idNumber!.slice(0, 4)}**********${idNumber!.slice(14)}`,
      university_id: universityId,
      university_province_code: `${u.regionCode.slice(0, 2)}0000`,
      college_id: g.orgIds.get(collegeCode(u.code, Math.max(0, u.colleges.indexOf(college!))))!,
      class_name: className,
      college_name: college,
      domicile_county_code: county,
      province_code: `${county.slice(0, 2)}0000`,
      gender,
      birth_date: `${idNumber!.slice(6, 10)}-${idNumber!.slice(10, 12)}-${idNumber!.slice(12, 14)}`,
      major_code: majorCode,
      major_name: majorName,
      level,
      is_registered_poor: p.registeredPoor,
      is_focus_county: p.origin.kind === 'focus',
      is_target: true,
      created_at: at,
    });
    const { intention, needs } = needsFor(rng, county, u.regionCode);
    batch.ledger_case.push({
      id: randomUUID(),
      graduate_id: id,
      cohort: g.cohort,
      university_id: universityId,
      province_code: `${county.slice(0, 2)}0000`,
      status: 'seeking',
      stage: 'school',
      holder_org_id: universityId,
      opened_at: at,
      intention,
      needs,
      needs_confirmed_at: intention ? at : null,
      version: 1,
      updated_at: at,
    });
  }
  return batch;
}
