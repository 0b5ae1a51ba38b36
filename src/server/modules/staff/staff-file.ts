import {
  MAX_STAFF_ROWS,
  STAFF_COLUMNS,
  staffFieldOfHeader,
  type TStaffField,
  type TStaffRowInput,
} from '../../../domain/accounts/staff-import.ts';
import { cleanCell } from '../../../domain/registry/parse-values.ts';
import { AppError } from '../../errors.ts';
import { ERROR_COLUMN, ROW_NO_COLUMN } from '../imports/workbooks/error-layout.ts';
import { FileReadError, readRows } from '../registry/files/read-rows.ts';

/** A staff file as read: its header, the column of each field, and every data row with its cells. */
export type TStaffFile = {
  headerRowNo: number;
  headers: string[];
  columns: Partial<Record<TStaffField, number>>;
  rows: (TStaffRowInput & { cells: string[] })[];
};

const HEADER_SEARCH_ROWS = 10;

/**
 * Read an uploaded staff file (.xlsx, or CSV in UTF-8 or GBK: the registry's readers sniff type and encoding).
 * The header is the first of the top rows naming at least two known columns; an error workbook of an earlier
 * upload can be re-uploaded as is (its 错误说明 / 原行号 columns are ignored). Whole-file problems are 400s.
 */
export async function readStaffFile(path: string, fileName: string): Promise<TStaffFile> {
  let file: Awaited<ReturnType<typeof readRows>>;
  try {
    file = await readRows(path, fileName, { maxBytes: 10 * 1024 * 1024 });
  } catch (e) {
    throw fileError(e);
  }
  let header: { rowNo: number; cells: string[]; columns: Partial<Record<TStaffField, number>> } | null = null;
  const rows: TStaffFile['rows'] = [];
  let seen = 0;
  try {
    for await (const row of file.rows) {
      if (!header) {
        seen++;
        const columns: Partial<Record<TStaffField, number>> = {};
        row.cells.forEach((cell, i) => {
          const field = staffFieldOfHeader(cell);
          if (field && columns[field] === undefined) columns[field] = i;
        });
        if (Object.keys(columns).length >= 2) header = { rowNo: row.rowNo, cells: row.cells, columns };
        else if (seen >= HEADER_SEARCH_ROWS) break;
        continue;
      }
      const values: Partial<Record<TStaffField, string>> = {};
      // cleanCell: invisible characters, and the apostrophe the cell writer put before formula-like text
      for (const [field, i] of Object.entries(header.columns))
        values[field as TStaffField] = cleanCell(row.cells[i]);
      rows.push({ rowNo: row.rowNo, values, cells: row.cells });
      if (rows.length > MAX_STAFF_ROWS) {
        throw new AppError(
          'validation_error',
          `一次最多导入 ${MAX_STAFF_ROWS} 个账户，请分批上传 / At most ${MAX_STAFF_ROWS} accounts per file; split the file`,
          { code: 'too_many_rows' },
        );
      }
    }
  } catch (e) {
    throw e instanceof AppError ? e : fileError(e);
  } finally {
    await file.close();
  }
  if (!header) {
    throw new AppError(
      'validation_error',
      '未找到表头：请使用下载的模板，第一行应为“用户名、姓名、手机号、机构代码、角色、院系、班级” / No header row found: use the downloaded template',
      { code: 'no_header' },
    );
  }
  const missing = STAFF_COLUMNS.filter((c) => c.required && header.columns[c.key] === undefined);
  if (missing.length) {
    throw new AppError(
      'validation_error',
      `缺少必填列：${missing.map((c) => c.label.zh).join('、')} / Missing required columns: ${missing.map((c) => c.label.en).join(', ')}`,
      { code: 'missing_columns', columns: missing.map((c) => c.key) },
    );
  }
  let headers = header.cells;
  const n = headers.length;
  if (headers[n - 2]?.trim() === ERROR_COLUMN && headers[n - 1]?.trim() === ROW_NO_COLUMN)
    headers = headers.slice(0, n - 2);
  if (rows.length === 0) {
    throw new AppError('validation_error', '文件中没有账户行 / The file has no account rows', {
      code: 'no_rows',
    });
  }
  return { headerRowNo: header.rowNo, headers, columns: header.columns, rows };
}

function fileError(e: unknown): unknown {
  if (e instanceof FileReadError) {
    return new AppError('validation_error', e.message, {
      code: e.code,
      ...(e.rowNo ? { rowNo: e.rowNo } : {}),
    });
  }
  return e;
}

/** What a field's column is called in messages: the header as in the file, else the column letter. */
export function columnName(file: TStaffFile, field: TStaffField): string {
  const i = file.columns[field];
  if (i === undefined) return STAFF_COLUMNS.find((c) => c.key === field)!.label.zh;
  return file.headers[i]?.trim() || columnLetter(i);
}

export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
