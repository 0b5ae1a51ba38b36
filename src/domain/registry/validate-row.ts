import type { TRegistryField, TRosterField } from './fields.ts';
import {
  cleanCode,
  cleanName,
  isExcelScientific,
  parseDateCell,
  parseDifficulty,
  parseGender,
  parseLevel,
  parsePhone,
  parseYear,
} from './parse-values.ts';
import { RowChecker } from './row-checker.ts';
import type { TRegistryRecord, TRosterRecord, TRowResult } from './schemas.ts';

/** Cells of one row by field, as `pickCells` produces them; unmapped fields are absent. */
export type TRosterCells = Partial<Record<TRosterField, string | undefined>>;
export type TRegistryCells = Partial<Record<TRegistryField, string | undefined>>;

/**
 * Maps a 6-digit county code, current or historical, to the current code; null when unknown. Backed by the
 * region and region_alias tables on the server, by a loaded copy in the web app.
 */
export type TResolveCounty = (code: string) => string | null;

export type TRosterContext = {
  /** the cohort of the upload; a cohort cell, when present, must agree */
  cohort: number;
  /** when given, a university code cell must be one of these; otherwise it must merely look like one */
  knownUniversityCodes?: ReadonlySet<string>;
  resolveCounty: TResolveCounty;
};

export type TRegistryContext = { resolveCounty: TResolveCounty };

const GENDER_NAMES = { male: { zh: '男', en: 'male' }, female: { zh: '女', en: 'female' } } as const;

/**
 * Validate and normalise one roster row. Reports every bad cell of the row, not only the first, so the user
 * fixes a row once. The ID number is authoritative for gender and birth date; the cells are only checked.
 */
export function validateRosterRow(
  cells: TRosterCells,
  ctx: TRosterContext,
): TRowResult<TRosterRecord, TRosterField> {
  const c = new RowChecker('roster', cells);
  const name = c.require('name');
  const id = c.idNumber('idNumber');

  const levelCell = c.require('level');
  const level = levelCell === undefined ? null : parseLevel(levelCell);
  if (levelCell !== undefined && level === null) c.error('level', 'level_invalid', levelCell);

  const genderCell = c.get('gender');
  if (genderCell !== undefined) {
    const gender = parseGender(genderCell);
    if (gender === null) c.error('gender', 'gender_invalid', genderCell);
    else if (id && gender !== id.gender) {
      const named = GENDER_NAMES[id.gender];
      c.error('gender', 'gender_mismatch', genderCell, { idGenderZh: named.zh, idGenderEn: named.en });
    }
  }

  const birthCell = c.get('birthDate');
  if (birthCell !== undefined) {
    const birth = parseDateCell(birthCell);
    if (birth === null) c.error('birthDate', 'birth_date_invalid', birthCell);
    // a 出生年月 cell (YYYY-MM) only has to agree on year and month
    else if (id && !id.birthDate.startsWith(birth)) {
      c.error('birthDate', 'birth_date_mismatch', birthCell, { idBirth: id.birthDate });
    }
  }

  const domicile = c.county('domicileCode', id?.regionCode, ctx.resolveCounty, {
    unknown: 'domicile_unknown',
    historical: 'domicile_historical_code',
    unresolved: 'domicile_unresolved',
  });

  const phoneCell = c.get('phone');
  const phone = phoneCell === undefined ? null : parsePhone(phoneCell);
  if (phoneCell !== undefined && phone === null) c.error('phone', 'phone_invalid', phoneCell);

  const difficultyCell = c.get('difficultyCode');
  const difficultyCode = difficultyCell === undefined ? null : parseDifficulty(difficultyCell);
  if (difficultyCell !== undefined && difficultyCode === null) {
    c.error('difficultyCode', 'difficulty_invalid', difficultyCell);
  }

  const universityCell = c.get('universityCode');
  const universityCode = universityCell === undefined ? null : cleanCode(universityCell);
  if (universityCell !== undefined && universityCode !== null) {
    const known = ctx.knownUniversityCodes
      ? ctx.knownUniversityCodes.has(universityCode)
      : /^\d{5}$/.test(universityCode);
    if (!known) c.error('universityCode', 'university_unknown', universityCell);
  }

  const cohortCell = c.get('cohort');
  if (cohortCell !== undefined) {
    const cohort = parseYear(cohortCell);
    if (cohort === null) c.error('cohort', 'cohort_invalid', cohortCell);
    // a row of another cohort in this upload is a mistake in the file, not a reason to file it elsewhere
    else if (cohort !== ctx.cohort) c.error('cohort', 'cohort_mismatch', cohortCell, { cohort: ctx.cohort });
  }

  const studentNo = c.get('studentNo');
  if (studentNo !== undefined && isExcelScientific(studentNo))
    c.error('studentNo', 'excel_scientific', studentNo);

  if (c.hasErrors || name === undefined || !id || level === null || !domicile) {
    return { ok: false, errors: c.errors, warnings: c.warnings };
  }
  return {
    ok: true,
    value: {
      name: cleanName(name),
      idNumber: id.value,
      gender: id.gender,
      birthDate: id.birthDate,
      level,
      domicileCode: domicile.code,
      domicileRawCode: domicile.raw,
      domicileSource: domicile.source,
      domicileName: c.text('domicileName'),
      phone,
      difficultyCode,
      ethnicity: c.text('ethnicity'),
      studentNo: studentNo === undefined ? null : cleanCode(studentNo),
      college: c.text('college'),
      className: c.text('className'),
      majorCode: c.text('majorCode')?.normalize('NFKC').replace(/\s/g, '') ?? null,
      majorName: c.text('majorName'),
      universityCode,
      cohort: ctx.cohort,
    },
    warnings: c.warnings,
  };
}

/**
 * Validate and normalise one row of a 建档立卡 registry extract. Only the ID number matters for matching; the
 * county falls back to the ID prefix, like a roster's domicile.
 */
export function validateRegistryRow(
  cells: TRegistryCells,
  ctx: TRegistryContext,
): TRowResult<TRegistryRecord, TRegistryField> {
  const c = new RowChecker('registry', cells);
  const name = c.text('name');
  const id = c.idNumber('idNumber');
  const county = c.county('countyCode', id?.regionCode, ctx.resolveCounty, {
    unknown: 'county_unknown',
    historical: 'county_historical_code',
  });

  const householdRef = c.get('householdRef');
  if (householdRef !== undefined && isExcelScientific(householdRef)) {
    c.error('householdRef', 'excel_scientific', householdRef);
  }

  const exitYearCell = c.get('exitYear');
  const exitYear = exitYearCell === undefined ? null : parseYear(exitYearCell);
  if (exitYearCell !== undefined && exitYear === null) c.error('exitYear', 'exit_year_invalid', exitYearCell);

  if (c.hasErrors || !id || !county) return { ok: false, errors: c.errors, warnings: c.warnings };
  return {
    ok: true,
    value: {
      name: name === null ? null : cleanName(name),
      idNumber: id.value,
      countyCode: county.code,
      countyRawCode: county.raw,
      countySource: county.source,
      countyName: c.text('countyName'),
      householdRef: householdRef === undefined ? null : cleanCode(householdRef),
      exitYear,
    },
    warnings: c.warnings,
  };
}
