import { z } from 'zod';
import { LEVELS } from './fields.ts';

/**
 * Stable codes of cell errors. Tests, the error workbook and API clients key on these strings: add codes,
 * never rename them.
 */
export const CELL_ERROR_CODES = [
  'required',
  'cell_too_long',
  'formula_error',
  'excel_scientific',
  'id_excel_scientific',
  'id_excel_rounded',
  'id_bad_format',
  'id_bad_birth_date',
  'id_bad_checksum',
  'gender_invalid',
  'gender_mismatch',
  'birth_date_invalid',
  'birth_date_mismatch',
  'level_invalid',
  'domicile_unknown',
  'phone_invalid',
  'difficulty_invalid',
  'university_unknown',
  'cohort_invalid',
  'cohort_mismatch',
  'county_unknown',
  'exit_year_invalid',
  'duplicate_row',
] as const;
export const ZCellErrorCode = z.enum(CELL_ERROR_CODES);
export type TCellErrorCode = z.infer<typeof ZCellErrorCode>;

/** Codes of warnings: the row is imported, and the preview says what was changed on the way. */
export const CELL_WARNING_CODES = [
  'id_legacy_15',
  'domicile_historical_code',
  'domicile_unresolved',
  'county_historical_code',
] as const;
export const ZCellWarningCode = z.enum(CELL_WARNING_CODES);
export type TCellWarningCode = z.infer<typeof ZCellWarningCode>;

const ZBilingual = z.object({ zh: z.string(), en: z.string() });

/** One bad cell: which field, why (code), what it held, and what the user should put there instead. */
export const ZCellError = z.object({
  field: z.string(),
  code: ZCellErrorCode,
  /** the cell as given, shortened to 50 characters for long cells */
  value: z.string(),
  /** without the row number: the caller prefixes it (see `withRowNumber`) */
  message: ZBilingual,
  expected: ZBilingual,
});
export type TCellError<F extends string = string> = Omit<z.infer<typeof ZCellError>, 'field'> & { field: F };

export const ZCellWarning = z.object({
  field: z.string(),
  code: ZCellWarningCode,
  value: z.string(),
  message: ZBilingual,
});
export type TCellWarning<F extends string = string> = Omit<z.infer<typeof ZCellWarning>, 'field'> & {
  field: F;
};

const nullableText = z.string().nullable();

/** A roster row after validation and normalisation: what the importer hashes, encrypts and upserts. */
export const ZRosterRecord = z.object({
  name: z.string(),
  /** 18 characters, normalised; legacy 15-digit numbers converted */
  idNumber: z.string().length(18),
  /** from the ID number, which is authoritative; a contradicting gender cell is an error */
  gender: z.enum(['male', 'female']),
  /** YYYY-MM-DD, from the ID number */
  birthDate: z.string(),
  level: z.enum(LEVELS),
  /** current county code after alias mapping; null when neither the cell nor the ID prefix resolves */
  domicileCode: nullableText,
  /** the code as given in the cell, or the ID prefix when the cell was empty */
  domicileRawCode: z.string(),
  domicileSource: z.enum(['cell', 'id_prefix']),
  domicileName: nullableText,
  /** 11 digits, no prefix or separators */
  phone: nullableText,
  difficultyCode: nullableText,
  ethnicity: nullableText,
  studentNo: nullableText,
  college: nullableText,
  className: nullableText,
  majorCode: nullableText,
  majorName: nullableText,
  universityCode: nullableText,
  cohort: z.number().int(),
});
export type TRosterRecord = z.infer<typeof ZRosterRecord>;

/** A registry row after validation: matched to graduates by the ID number's keyed hash. */
export const ZRegistryRecord = z.object({
  name: nullableText,
  idNumber: z.string().length(18),
  /** current county code after alias mapping; null when neither the cell nor the ID prefix resolves */
  countyCode: nullableText,
  countyRawCode: z.string(),
  countySource: z.enum(['cell', 'id_prefix']),
  countyName: nullableText,
  householdRef: nullableText,
  exitYear: z.number().int().nullable(),
});
export type TRegistryRecord = z.infer<typeof ZRegistryRecord>;

/** Outcome of validating one row: a record, or every error found in the row (not only the first). */
export type TRowResult<T, F extends string> =
  | { ok: true; value: T; warnings: TCellWarning<F>[] }
  | { ok: false; errors: TCellError<F>[]; warnings: TCellWarning<F>[] };
