/**
 * The column layout of an error workbook — the upload's own columns, then 错误说明 and 原行号 — and the texts
 * that describe a row's errors.
 */
import { getFieldSpecs, type TImportKind } from '../../../../domain/registry/fields.ts';
import type { TStoredCellError } from '../../../db/schema/index.ts';
import { TEXT_FIELDS } from './workbook-style.ts';

export const ERROR_COLUMN = '错误说明';
export const ROW_NO_COLUMN = '原行号';

export type TErrorLayout = {
  /** the header cells of the upload's own columns (blank header cells as '') */
  headers: string[];
  /** number of the upload's columns; 错误说明 is column `width` (0-based), 原行号 `width + 1` */
  width: number;
  /** 0-based column of a field, when the batch mapped one */
  columnOf(field: string): number | undefined;
  /** the field mapped to a column */
  fieldAt(column: number): string | undefined;
  /** what to call a field's column in messages: its header as uploaded, else the field's label */
  headerOf(field: string): string;
  /** columns written in Excel's Text format (ID numbers, phones, codes) */
  isTextColumn(column: number): boolean;
};

/**
 * The layout for a staged batch. The upload's width is its header's, widened to any mapped column past it; an
 * upload that is itself an error workbook loses its old 错误说明 / 原行号 columns, which the new ones replace.
 */
export function buildErrorLayout(
  kind: TImportKind,
  headerCells: readonly string[],
  mapping: Readonly<Record<string, number>>,
): TErrorLayout {
  let headers = [...headerCells];
  const n = headers.length;
  if (n >= 2 && headers[n - 2]?.trim() === ERROR_COLUMN && headers[n - 1]?.trim() === ROW_NO_COLUMN) {
    headers = headers.slice(0, n - 2);
  }
  const maxMapped = Math.max(-1, ...Object.values(mapping));
  const width = Math.max(headers.length, maxMapped + 1);
  while (headers.length < width) headers.push('');
  const fields = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping)) if (!fields.has(column)) fields.set(column, field);
  const labels = new Map<string, string>(getFieldSpecs(kind).map((s) => [s.key, s.label.zh]));
  return {
    headers,
    width,
    columnOf: (field) => mapping[field],
    fieldAt: (column) => fields.get(column),
    headerOf(field) {
      const column = mapping[field];
      const header = column === undefined ? '' : (headers[column]?.trim() ?? '');
      return header || labels.get(field) || field;
    },
    isTextColumn(column) {
      const field = fields.get(column);
      return field !== undefined && TEXT_FIELDS.has(field);
    },
  };
}

/** The message without the `「身份证号」列：` the validator puts in front: the workbook names the column itself. */
export function messageBody(message: string): string {
  return message.replace(/^「[^」]*」列：/, '');
}

/**
 * One error as the 错误说明 column shows it:
 * `第3行「身份证号码」：值“5.22427E+17”被 Excel 转成了科学计数法…（应为：18位身份证号码（设置为文本格式））`.
 */
export function describeError(rowNo: number, header: string, error: TStoredCellError): string {
  const body = messageBody(error.message.zh);
  if (!error.expected) return `第${rowNo}行「${header}」：${body}`;
  return `第${rowNo}行「${header}」：${body.replace(/。$/, '')}（应为：${error.expected.zh}）`;
}

/** All errors of a row for its 错误说明 cell, joined with `；`. */
export function describeRowErrors(
  rowNo: number,
  errors: readonly TStoredCellError[],
  layout: Pick<TErrorLayout, 'headerOf'>,
): string {
  return errors.map((e) => describeError(rowNo, layout.headerOf(e.field), e)).join('；');
}

/** The note on a bad cell: what is wrong with it and what is expected, in Chinese. */
export function cellNote(errors: readonly TStoredCellError[]): string {
  return errors
    .map((e) =>
      e.expected ? `${messageBody(e.message.zh)}\n应为：${e.expected.zh}` : messageBody(e.message.zh),
    )
    .join('\n\n');
}
