/**
 * Pieces shared by the error workbook and the import templates: the streaming writer, fills and fonts, which
 * fields are typed as text, and column widths.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TBilingual, TImportKind } from '../../../../domain/registry/fields.ts';

/**
 * Fields whose cells must stay text in Excel: long digit strings (ID, phone, student and household numbers)
 * that Excel would turn into scientific notation, and codes with leading zeros (major, county, university).
 */
export const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'idNumber',
  'studentNo',
  'majorCode',
  'domicileCode',
  'phone',
  'universityCode',
  'countyCode',
  'householdRef',
]);

// Excel's Text format and the formula rule live with the one cell writer (plugins/sheet-cells.ts): rows are
// written with its addSafeRow
export { looksLikeFormula, TEXT_FORMAT } from '../../../plugins/sheet-cells.ts';

/** Excel's own "light red fill with dark red text", the look users know for bad cells. */
export const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
export const BAD_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
/** columns Bangfu added to a user's layout (ignored on re-upload) */
export const ADDED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
export const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

export const KIND_LABELS: Record<TImportKind, TBilingual> = {
  roster: { zh: '毕业生生源名单', en: 'graduate roster' },
  registry: { zh: '建档立卡名单', en: 'poverty registry' },
};

/**
 * A streaming workbook writer on `out`: rows are written out as they are committed, so memory stays bounded
 * whatever the row count. Strings are written inline (`t="str"`), never as shared strings or formulas.
 */
export function createStreamingWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}

/**
 * exceljs writes into the zip without backpressure; waiting for `out` to drain between pages of rows keeps
 * what is buffered to about one page. Throws when `out` was closed (the client went away), to stop paging.
 */
export async function waitForDrain(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('output closed');
  if (!out.writableNeedDrain) return;
  const ac = new AbortController();
  await Promise.race([
    once(out, 'drain', { signal: ac.signal }),
    once(out, 'close', { signal: ac.signal }),
  ]).finally(() => ac.abort());
  if (out.destroyed) throw new Error('output closed');
}

/**
 * Finish the workbook. exceljs's commit waits for `out` to finish, which never happens when the client went
 * away and `out` was destroyed: stop waiting then, with an error.
 */
export async function commitWorkbook(wb: ExcelJS.stream.xlsx.WorkbookWriter, out: Writable): Promise<void> {
  const ac = new AbortController();
  const closedEarly = once(out, 'close', { signal: ac.signal }).then(() => {
    if (!out.writableFinished) throw new Error('output closed');
  });
  try {
    await Promise.race([wb.commit(), closedEarly]);
  } finally {
    ac.abort();
  }
}

/** Display width of a text in Excel column units: CJK and full-width characters count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** A column wide enough for its header (and, for text fields, an 18-digit number), within sane bounds. */
export function columnWidth(header: string, field: string | undefined): number {
  const min = field === 'idNumber' ? 22 : field && TEXT_FIELDS.has(field) ? 14 : 10;
  return Math.min(40, Math.max(min, textWidth(header) + 4));
}

/** `2020-07-15` in China Standard Time, as the user would date the file. */
export function formatChinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** exceljs has `worksheet.dataValidations` (in-memory and streaming) but its typings leave it out. */
export type TDataValidations = {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, validation: ExcelJS.DataValidation): void;
};
export function dataValidationsOf(ws: ExcelJS.Worksheet): TDataValidations {
  return (ws as unknown as { dataValidations: TDataValidations }).dataValidations;
}
