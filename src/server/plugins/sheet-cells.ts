import type ExcelJS from 'exceljs';

/*
 * The one cell writer of every workbook and CSV the platform writes (exports, error workbooks, templates,
 * reports). Spreadsheet apps run a cell that starts with = + - @ (or tab / CR, which some strip first) as a
 * formula: `=HYPERLINK("http://x","y")` in a graduate's name would become a live link in whoever opens the
 * export. The OWASP rule: such text is written with a leading apostrophe, and formatted as Text so that
 * editing the cell in Excel keeps it text. Numbers, dates and booleans are written as they are: a real
 * negative number stays a number. The import reader takes the apostrophe off again (cleanCell), so a
 * corrected error workbook uploads as the original file did.
 */

/** Text a spreadsheet would read as a formula or a DDE payload. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}

/** Excel's Text number format. */
export const TEXT_FORMAT = '@';

/** The value to write for `v`: formula-like text gets the apostrophe; null and undefined become empty cells. */
export function safeCellValue(v: unknown): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return looksLikeFormula(v) ? `'${v}` : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  return String(v);
}

/**
 * Add a row through the cell writer: values by position (column A first) or by column key (when the sheet has
 * `columns` with keys). Returns the row, for styles; the caller commits it on a streaming sheet.
 */
export function addSafeRow(
  ws: ExcelJS.Worksheet,
  values: readonly unknown[] | Readonly<Record<string, unknown>>,
): ExcelJS.Row {
  const neutralised: number[] = [];
  let row: ExcelJS.Row;
  if (Array.isArray(values)) {
    const cells = values.map((v, i) => {
      if (typeof v === 'string' && looksLikeFormula(v)) neutralised.push(i + 1);
      return safeCellValue(v);
    });
    row = ws.addRow(cells);
  } else {
    const byKey: Record<string, ExcelJS.CellValue> = {};
    for (const [key, v] of Object.entries(values)) {
      if (typeof v === 'string' && looksLikeFormula(v)) {
        const column = ws.getColumnKey(key);
        if (column) neutralised.push(column.number);
      }
      byKey[key] = safeCellValue(v);
    }
    row = ws.addRow(byKey);
  }
  for (const column of neutralised) row.getCell(column).numFmt = TEXT_FORMAT;
  return row;
}

/** One CSV field through the same rule, quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  const value = safeCellValue(v);
  const text = value === null ? '' : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV line (CRLF-terminated, as Excel writes) of fields through the cell writer. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
