/**
 * Streaming XLSX reader on exceljs 4.4.0's WorkbookReader (patched: patches/exceljs+4.4.0.patch decodes UTF-8
 * across chunk boundaries, and keeps the type of a formula's cached error or boolean result).
 *
 * Memory: rows are streamed; what stays in memory is the shared-strings table (every distinct text of the
 * workbook, as Excel stores it) and the styles. Worksheets that come before the shared strings in the zip — the
 * order Excel and exceljs write — are spooled by exceljs to a temporary file and parsed from there.
 */
import ExcelJS from 'exceljs';
import {
  DEFAULT_MAX_CELL_CHARS,
  FileReadError,
  makeRow,
  type TCellGuardOptions,
  type TRow,
} from './common.ts';

export type TXlsxOptions = TCellGuardOptions;

export interface TXlsxOpened {
  /** Name of the worksheet read. */
  sheetName: string;
  rows: AsyncGenerator<TRow>;
  /** Bytes of the file read so far. Excel-written files are read whole before the first row (see above). */
  bytesRead(): number;
  /**
   * Releases the file and exceljs's temporary files if `rows` is never iterated, or not to the end (breaking out
   * of a for-await loop over `rows` does the same by itself).
   */
  close(): Promise<void>;
}

// ---- exceljs internals this module relies on (exceljs is pinned to 4.4.0) ----

interface TSheetMeta {
  name: string;
  state?: string;
  rId: string;
}
interface TWorksheetReader {
  name: string;
  iterator: unknown;
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row>;
}
interface TWorkbookReader {
  model?: { sheets?: TSheetMeta[] };
  workbookRels?: Array<{ Id: string; Target: string }>;
  properties?: { model?: { date1904?: boolean } };
  styles?: { index?: { numFmt?: unknown } };
  stream?: { bytesRead?: number; destroy(): void };
  on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): void;
  [Symbol.asyncIterator](): AsyncGenerator<TWorksheetReader>;
}

/**
 * Rows of the workbook's first worksheet — the first visible worksheet in tab order (hidden sheets and chart
 * sheets are passed over); other sheets are ignored.
 *
 * Cell values become strings:
 * - text as stored (never trimmed); rich text as its plain text; hyperlinks as their text;
 * - numbers: integers up to 2^53 exactly (`String(n)`); larger integers as Excel shows them with a `0` format —
 *   15 significant digits then zeros, e.g. an 18-digit ID number typed into a number cell comes back as
 *   `522427200001011000` (it has lost its last digits; the ID rules report that as `excel_rounded`); other
 *   numbers rounded to 15 significant digits as Excel does (`0.1+0.2` → `0.3`);
 * - dates (numbers with a date format, including the zh-CN built-in formats) as `YYYY-MM-DD`, with
 *   ` HH:mm:ss` when there is a time of day, or `HH:mm:ss` alone for a time without a date;
 * - booleans as `TRUE` / `FALSE`; error values as their text (`#VALUE!`, `#N/A` …);
 * - formulas as their cached result (same rules; '' when the file has no cached result);
 * - merged cells: only the top-left cell has the value, the others are ''.
 * `rowNo` is the Excel row number. Blank rows are skipped.
 */
export async function* readXlsxRows(path: string, opts: TXlsxOptions = {}): AsyncGenerator<TRow> {
  const opened = await openXlsx(path, opts);
  yield* opened.rows;
}

/**
 * readXlsxRows, opened: resolves once the worksheet to read has been found, so that a damaged file fails here
 * (`corrupt_file`), and a ZIP that is not a workbook too (`unsupported_type`).
 */
export async function openXlsx(path: string, opts: TXlsxOptions = {}): Promise<TXlsxOpened> {
  const maxCellChars = opts.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // styles are needed to tell dates from numbers (a date is a number with a date format)
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as TWorkbookReader;
  let sawWorkbook = false;
  let lastSheetFile: string | undefined;
  reader.on('entry', (entry) => {
    if (entry.type === 'workbook') sawWorkbook = true;
    if (entry.type === 'worksheet') lastSheetFile = entry.id;
  });
  const destroyInput = () => reader.stream?.destroy();
  const sheets = reader[Symbol.asyncIterator]();
  const nextSheet = async () => {
    try {
      return await sheets.next();
    } catch (err) {
      destroyInput();
      throw corrupt(err);
    }
  };

  let chosen: TWorksheetReader | undefined;
  for (;;) {
    const next = await nextSheet();
    if (next.done) break;
    const target = targetSheetFile(reader);
    if (target === undefined || target === lastSheetFile) {
      chosen = next.value;
      break;
    }
    skip(next.value);
  }
  if (!chosen && !sawWorkbook) {
    destroyInput();
    throw new FileReadError('unsupported_type', {
      zh: '文件是 ZIP 压缩包，但不是 Excel 工作簿。请上传 .xlsx 或 .csv 文件（如是压缩包请先解压）。',
      en: 'The file is a ZIP archive but not an Excel workbook. Upload an .xlsx or .csv file (unzip it first if it is an archive).',
    });
  }

  const date1904 = reader.properties?.model?.date1904 === true;
  const sheet = chosen;

  /** Stop early: stop reading the zip if it is still being read, else let exceljs delete its spooled sheets. */
  let released = false;
  async function release(): Promise<void> {
    if (released) return;
    released = true;
    if (sheet) skip(sheet);
    const input = reader.stream as { readableEnded?: boolean } | undefined;
    if (!input?.readableEnded) {
      destroyInput();
      return;
    }
    try {
      for (;;) {
        const next = await sheets.next();
        if (next.done) break;
        skip(next.value);
      }
    } catch {
      // going away anyway
    }
  }

  async function* rows(): AsyncGenerator<TRow> {
    let completed = false;
    let failed = false;
    try {
      if (sheet) {
        addZhCnBuiltInFormats(reader);
        let lastRowNo = 0;
        try {
          for await (const row of sheet) {
            const rowNo = Number.isInteger(row.number) && row.number > lastRowNo ? row.number : lastRowNo + 1;
            lastRowNo = rowNo;
            const cells: string[] = [];
            row.eachCell({ includeEmpty: false }, (cell, col) => {
              cells[col - 1] = cellText(cell.value, cell.numFmt, date1904);
            });
            for (let i = 0; i < cells.length; i++) cells[i] ??= '';
            const out = makeRow(rowNo, cells, maxCellChars);
            if (out) yield out;
          }
        } catch (err) {
          failed = true;
          throw corrupt(err, lastRowNo + 1);
        }
      }
      // let exceljs pass over the remaining sheets, so it removes its temporary files
      for (;;) {
        const next = await nextSheet();
        if (next.done) break;
        skip(next.value);
      }
      completed = true;
    } finally {
      released ||= completed;
      if (failed) destroyInput();
      else if (!completed) await release();
    }
  }

  return {
    sheetName: sheet?.name ?? '',
    rows: rows(),
    bytesRead: () => reader.stream?.bytesRead ?? 0,
    close: release,
  };
}

/** The sheetN of xl/worksheets/sheetN.xml to read: the first visible worksheet in tab order. */
function targetSheetFile(reader: TWorkbookReader): string | undefined {
  const rels = reader.workbookRels;
  const sheets = reader.model?.sheets;
  if (!rels || !sheets) return undefined;
  for (const s of sheets) {
    if (s.state === 'hidden' || s.state === 'veryHidden') continue;
    const target = rels.find((r) => r.Id === s.rId)?.Target;
    const m = target ? /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(target) : null;
    if (m) return m[1];
  }
  return undefined;
}

/** A worksheet we do not read: release the temporary file exceljs may have opened for it. */
function skip(ws: TWorksheetReader): void {
  const it = ws.iterator as { destroy?: () => void; on?: (e: string, f: () => void) => void } | undefined;
  // exceljs unlinks a spooled sheet's temp file right after handing it over; a skipped sheet's read stream may
  // still be opening it and then fails with ENOENT — nobody reads it, so that error must not go unhandled
  // (an unhandled stream error would take the whole server down)
  if (it && typeof it.on === 'function') it.on('error', () => {});
  if (it && typeof it.destroy === 'function') it.destroy();
}

function corrupt(err: unknown, rowNo?: number): FileReadError {
  if (err instanceof FileReadError) return err;
  return new FileReadError(
    'corrupt_file',
    {
      zh: '文件已损坏或不是有效的 Excel 工作簿，无法读取。请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）后再上传。',
      en: 'The file is damaged or not a valid Excel workbook and cannot be read. Open it in Excel or WPS, save it as an Excel workbook (.xlsx) and upload that.',
    },
    rowNo === undefined ? { cause: err } : { cause: err, rowNo },
  );
}

/**
 * Built-in number formats 27–36 and 50–58 are locale-dependent; exceljs knows no format for them, so a date
 * formatted `yyyy"年"m"月"d"日"` (id 31) by Chinese Excel would come through as a serial number. Give them
 * their zh-CN formats — all dates or times — unless the file defines them.
 */
const ZH_CN_BUILTIN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

function addZhCnBuiltInFormats(reader: TWorkbookReader): void {
  // after styles.xml is parsed, index.numFmt is an array of format codes by id
  const byId = reader.styles?.index?.numFmt;
  if (!Array.isArray(byId)) return;
  for (const [id, code] of Object.entries(ZH_CN_BUILTIN_FORMATS)) {
    if (byId[Number(id)] === undefined) byId[Number(id)] = code;
  }
}

// ---- cell values → text ----

/** A cell value as text; see readXlsxRows for the rules. */
export function cellText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      // a plain number with a date format arrives as a Date; a formula's result does not
      return isDateFormat(numFmt) ? dateText(excelSerialToDate(value, date1904)) : numberText(value);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return dateText(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return (v.richText as Array<{ text?: unknown }>)
      .map((run) => (typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if ('error' in v) return String(v.error);
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, numFmt, date1904);
  if ('text' in v) return cellText(v.text, numFmt, date1904); // hyperlink
  return '';
}

/** exceljs's own test (utils.isDateFmt): date letters outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYY-MM-DD, with HH:mm:ss when there is a time of day; HH:mm:ss alone for a time (Excel's day 0). */
export function dateText(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return '';
  const t = new Date(Math.round(ms / 1000) * 1000);
  const date = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  if (date === '1899-12-30' && time !== '00:00:00') return time;
  return time === '00:00:00' ? date : `${date} ${time}`;
}

/**
 * A number as Excel shows it: integers up to 2^53 exactly; larger integers with 15 significant digits and the
 * rest zeros (a double cannot hold more, and Excel keeps 15); other numbers rounded to 15 significant digits.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return ''; // an empty <v/> parses as NaN
  if (Number.isInteger(n)) {
    if (Math.abs(n) <= Number.MAX_SAFE_INTEGER) return String(n === 0 ? 0 : n);
    const [mantissa, exponent] = Math.abs(n).toExponential(14).split('e') as [string, string];
    const digits = mantissa.replace('.', '');
    return (n < 0 ? '-' : '') + digits.padEnd(Number(exponent) + 1, '0');
  }
  return String(Number(n.toPrecision(15)));
}
