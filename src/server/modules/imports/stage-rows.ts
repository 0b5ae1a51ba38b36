import type { TFieldKey, TImportKind } from '../../../domain/registry/fields.ts';
import { findHeaderRow, guessMapping, pickCells } from '../../../domain/registry/headers.ts';
import type { TResolveCounty } from '../../../domain/registry/validate-row.ts';
import { validateRegistryRow, validateRosterRow } from '../../../domain/registry/validate-row.ts';
import type { TCrypto } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import type { TRow } from '../registry/files/common.ts';
import type * as repo from './import.repo.ts';
import { stageRegistryRecord, stageRosterRecord, storableErrors, type TUniversity } from './row-record.ts';

const HEADER_SCAN = 10;

export type THeader = { rowNo: number; cells: string[]; mapping: Partial<Record<TFieldKey, number>> };

/**
 * Find the header among the first rows (title rows and blank rows above it are skipped) and the column
 * mapping: the user's corrected mapping and header row when re-staging, else the guess. Returns the header and
 * an iterator over the data rows after it.
 */
export async function readHeader(
  kind: TImportKind,
  rows: AsyncIterable<TRow>,
  given: {
    mapping?: Partial<Record<string, number>>;
    headerRowNo?: number;
    /** the organisation's saved template: field → header text in its files */
    template?: Partial<Record<string, string>>;
  },
) {
  const options = { template: given.template as Partial<Record<TFieldKey, string>> | undefined };
  const iterator = rows[Symbol.asyncIterator]();
  const head: TRow[] = [];
  for (let i = 0; i < HEADER_SCAN; i++) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  const index = given.headerRowNo
    ? head.findIndex((r) => r.rowNo === given.headerRowNo)
    : (findHeaderRow(
        kind,
        head.map((r) => r.cells),
        undefined,
        options,
      ) ?? -1);
  if (index < 0) {
    throw new AppError(
      'validation_error',
      '未找到表头行：前10行中没有可识别的列名（如“姓名”“身份证号”） / No header row in the first 10 rows (e.g. 姓名, 身份证号)',
    );
  }
  const headerRow = head[index]!;
  const guessed = guessMapping(kind, headerRow.cells, options);
  const mapping = (given.mapping ?? guessed.mapping) as Partial<Record<TFieldKey, number>>;
  const missing = given.mapping ? [] : guessed.missingRequired;
  if (missing.length) {
    throw new AppError(
      'validation_error',
      `缺少必填列：${missing.join('、')} / Required columns missing: ${missing.join(', ')}`,
      { missing, headers: headerRow.cells },
    );
  }
  const rest = head.slice(index + 1);
  async function* dataRows(): AsyncGenerator<TRow> {
    yield* rest;
    for (let n = await iterator.next(); !n.done; n = await iterator.next()) yield n.value;
  }
  const header: THeader = { rowNo: headerRow.rowNo, cells: headerRow.cells, mapping };
  return { header, dataRows: dataRows() };
}

export type TRowContext = {
  kind: TImportKind;
  batchId: string;
  cohort: number | null;
  crypto: TCrypto;
  resolveCounty: TResolveCounty;
  /** the upload's university, or null when rows name theirs in a 院校代码 column */
  fixedUniversity: TUniversity | null;
  universitiesByCode: Map<string, TUniversity> | null;
  /** the codes of universitiesByCode, for the validator (computed once per batch) */
  knownUniversityCodes: ReadonlySet<string> | undefined;
};

/** Validate one data row and turn it into its staged form (errors keep the raw cells, encrypted). */
export function stageRow(
  ctx: TRowContext,
  mapping: Partial<Record<TFieldKey, number>>,
  row: TRow,
): repo.TStagedRow {
  const cells = pickCells(mapping, row.cells);
  const base = { batchId: ctx.batchId, rowNo: row.rowNo };
  const failed = (
    errors: Parameters<typeof storableErrors>[0],
    warnings: Parameters<typeof storableErrors>[0],
  ) => ({
    ...base,
    status: 'error' as const,
    errors: storableErrors(errors),
    warnings: storableErrors(warnings),
    rawEncrypted: ctx.crypto.encrypt(JSON.stringify(row.cells)),
  });
  if (ctx.kind === 'registry') {
    const result = validateRegistryRow(cells, { resolveCounty: ctx.resolveCounty });
    if (!result.ok) return failed(result.errors, result.warnings);
    const staged = stageRegistryRecord(ctx.crypto, result.value);
    return { ...base, status: 'new', ...staged, warnings: storableErrors(result.warnings) };
  }
  const result = validateRosterRow(cells, {
    cohort: ctx.cohort!,
    knownUniversityCodes: ctx.fixedUniversity ? undefined : ctx.knownUniversityCodes,
    resolveCounty: ctx.resolveCounty,
  });
  if (!result.ok) return failed(result.errors, result.warnings);
  const university =
    ctx.fixedUniversity ??
    (result.value.universityCode ? ctx.universitiesByCode?.get(result.value.universityCode) : undefined);
  if (!university) {
    // the validator accepted the code's shape, but this uploader may not load rows for that university
    const value = result.value.universityCode ?? '';
    const message = {
      zh: `院校代码“${value}”不在您可导入的院校范围内`,
      en: `University code "${value}" is not one you may import for`,
    };
    const expected = { zh: '本省（本校）院校代码', en: 'a university code of your province (or your own)' };
    return failed(
      [{ field: 'universityCode', code: 'university_unknown', value, message, expected }],
      result.warnings,
    );
  }
  const staged = stageRosterRecord(ctx.crypto, result.value, university);
  return { ...base, status: 'new', ...staged, warnings: storableErrors(result.warnings) };
}
