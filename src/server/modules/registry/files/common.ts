/**
 * Shared pieces of the registry file readers: the row shape, the typed error, and the per-cell size guard.
 */

/** One non-blank row of a sheet or CSV file. */
export interface TRow {
  /**
   * 1-based row number as the user sees it in Excel: the worksheet's own row number for XLSX; for CSV the record
   * number counting blank lines (equal to the physical line number unless a quoted cell contains line breaks,
   * which Excel also shows as one row).
   */
  rowNo: number;
  /** Cell texts, column A = index 0; missing cells are ''; trailing empty cells are dropped. Never trimmed. */
  cells: string[];
  /** 0-based indexes of cells that were longer than `maxCellChars` and have been cut to that length. */
  cellTooLong?: number[];
}

export interface TCellGuardOptions {
  /** Cells longer than this (UTF-16 code units) are truncated and flagged. Default 32,767 — Excel's own limit. */
  maxCellChars?: number;
}

export const DEFAULT_MAX_CELL_CHARS = 32_767;
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export type TFileReadErrorCode = 'empty_file' | 'unsupported_type' | 'file_too_large' | 'corrupt_file';

/**
 * What went wrong with an uploaded file as a whole. `message` is "中文 / English" like the API's other errors;
 * `zh` and `en` hold each language alone. `rowNo` is set when the problem is at a known row.
 */
export class FileReadError extends Error {
  readonly zh: string;
  readonly en: string;
  readonly rowNo: number | undefined;

  constructor(
    readonly code: TFileReadErrorCode,
    text: { zh: string; en: string },
    options: { cause?: unknown; rowNo?: number } = {},
  ) {
    super(`${text.zh} / ${text.en}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FileReadError';
    this.zh = text.zh;
    this.en = text.en;
    this.rowNo = options.rowNo;
  }
}

/**
 * Builds a TRow: cuts cells over the limit (flagging them), drops trailing empty cells, and returns null for a
 * blank row (every cell ''), which the readers skip — numbering of the rows after it is unaffected.
 */
export function makeRow(rowNo: number, cells: string[], maxCellChars: number): TRow | null {
  let last = cells.length - 1;
  while (last >= 0 && cells[last] === '') last--;
  if (last < 0) return null;
  if (last < cells.length - 1) cells.length = last + 1;
  let tooLong: number[] | undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as string;
    if (c.length > maxCellChars) {
      cells[i] = truncate(c, maxCellChars);
      tooLong ??= [];
      tooLong.push(i);
    }
  }
  return tooLong ? { rowNo, cells, cellTooLong: tooLong } : { rowNo, cells };
}

/**
 * Cut to at most `max` code units without leaving half of a surrogate pair at the end. The result is a copy: a
 * plain slice would be a V8 "sliced string" that keeps the whole (maybe megabyte-long) original alive.
 */
export function truncate(s: string, max: number): string {
  let end = Math.min(max, s.length);
  const lastCode = s.charCodeAt(end - 1);
  if (lastCode >= 0xd800 && lastCode <= 0xdbff) end--;
  return Buffer.from(s.slice(0, end), 'utf16le').toString('utf16le');
}
