/**
 * The one entry point of the registry importers for an uploaded file: checks size and type, detects the kind
 * and encoding from the bytes, and returns a stream of rows. Throws FileReadError for a file it cannot read.
 */
import { stat } from 'node:fs/promises';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_CELL_CHARS,
  FileReadError,
  type TCellGuardOptions,
  type TRow,
} from './common.ts';
import { SNIFF_BYTES, sniffFile, type TLooksLike, type TTextEncoding } from './detect.ts';
import { decodeSample, openCsv, readHead, sniffCsvEncoding, type TCsvDelimiter } from './read-csv.ts';
import { openXlsx } from './read-xlsx.ts';

export { FileReadError, type TFileReadErrorCode, type TRow } from './common.ts';
export type { TFileKind, TTextEncoding } from './detect.ts';

export interface TReadRowsOptions extends TCellGuardOptions {
  /** Files bigger than this are refused before reading (`file_too_large`). Default 100 MB. */
  maxBytes?: number;
  /** CSV only: see TCsvOptions.maxRecordBytes. */
  maxRecordBytes?: number;
}

export interface TReadRowsResult {
  kind: 'xlsx' | 'csv';
  /** CSV only. */
  encoding?: TTextEncoding;
  /** CSV only. */
  delimiter?: TCsvDelimiter;
  /** XLSX only: the worksheet read (the first visible one). */
  sheetName?: string;
  /** File size in bytes. */
  size: number;
  /**
   * The rows, streamed. Iterate to the end or break out of the loop (either releases the file). May throw
   * FileReadError `corrupt_file` part-way (a truncated workbook, a CSV quote that never closes).
   */
  rows: AsyncGenerator<TRow>;
  /** Bytes of the file read so far, for a progress bar (XLSX files are mostly read before the first row). */
  bytesRead(): number;
  /** Releases the file (and temporary files) when `rows` will not be iterated to the end. */
  close(): Promise<void>;
}

/**
 * Open an uploaded file for reading rows. `fileName` is the name the user uploaded (used only for messages and to
 * tell a damaged workbook from a foreign file); the kind is decided by the bytes.
 *
 * Errors (FileReadError.code): `empty_file` (0 bytes, or a text file with nothing but whitespace),
 * `file_too_large`, `unsupported_type` (legacy .xls, password-protected workbooks, ODS, HTML/XML "xls", UTF-16
 * text, images, PDFs, archives …), `corrupt_file` (a ZIP/XLSX that cannot be read, or bytes that are neither text
 * nor a known type in a file named .xlsx/.xls).
 */
export async function readRows(
  path: string,
  fileName: string,
  opts: TReadRowsOptions = {},
): Promise<TReadRowsResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxCellChars = opts.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  const { size } = await stat(path);
  if (size === 0) throw emptyFile();
  if (size > maxBytes) throw tooLarge(size, maxBytes);

  const head = await readHead(path, SNIFF_BYTES);
  const sniff = sniffFile(head, fileName);
  switch (sniff.kind) {
    case 'xlsx': {
      const x = await openXlsx(path, { maxCellChars });
      return {
        kind: 'xlsx',
        sheetName: x.sheetName,
        size,
        rows: x.rows,
        bytesRead: x.bytesRead,
        close: x.close,
      };
    }
    case 'csv': {
      const encoding = await sniffCsvEncoding(path);
      if (size <= head.length && decodeSample(head, encoding).trim() === '') throw emptyFile();
      const c = await openCsv(path, {
        encoding,
        maxCellChars,
        ...(opts.maxRecordBytes ? { maxRecordBytes: opts.maxRecordBytes } : {}),
      });
      return {
        kind: 'csv',
        encoding: c.encoding,
        delimiter: c.delimiter,
        size,
        rows: c.rows,
        bytesRead: c.bytesRead,
        close: c.close,
      };
    }
    default:
      throw notReadable(sniff.looksLike ?? 'binary');
  }
}

const ACCEPTED = {
  zh: '请上传 Excel 工作簿（.xlsx），或 CSV 文件（UTF-8 或 GBK 编码，逗号、制表符或分号分隔）。',
  en: 'Upload an Excel workbook (.xlsx), or a CSV file (UTF-8 or GBK, separated by commas, tabs or semicolons).',
};

const LOOKS_LIKE: Record<Exclude<TLooksLike, 'damaged-spreadsheet'>, { zh: string; en: string }> = {
  ole: {
    zh: '这是旧版 Excel 97-2003 工作簿（.xls）、WPS 表格（.et）或设置了打开密码的工作簿，无法直接读取。请在 Excel 或 WPS 中打开（如有密码请先取消），“另存为” Excel 工作簿（.xlsx）后再上传。',
    en: 'This is a legacy Excel 97-2003 workbook (.xls), a WPS sheet (.et) or a password-protected workbook, which cannot be read directly. Open it in Excel or WPS (remove the password if there is one), save it as an Excel workbook (.xlsx) and upload that.',
  },
  ods: {
    zh: '这是 OpenDocument 表格（.ods）。请另存为 Excel 工作簿（.xlsx）后再上传。',
    en: 'This is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook (.xlsx) and upload that.',
  },
  zip: {
    zh: '这是一个 ZIP 压缩包，不是 Excel 工作簿。',
    en: 'This is a ZIP archive, not an Excel workbook.',
  },
  'utf-16': {
    zh: '这是 UTF-16 编码的文本（Excel 的“Unicode 文本”）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）。',
    en: 'This is UTF-16 text (Excel\'s "Unicode Text"). In Excel, save it as "CSV UTF-8 (Comma delimited)" or as an Excel workbook (.xlsx).',
  },
  html: {
    zh: '这是网页（HTML）格式的表格，常见于系统导出的“.xls”文件。请在 Excel 中打开，另存为 Excel 工作簿（.xlsx）后再上传。',
    en: 'This is a web-page (HTML) table, as many systems export under an ".xls" name. Open it in Excel, save it as an Excel workbook (.xlsx) and upload that.',
  },
  xml: {
    zh: '这是 XML 文件（例如 Excel 2003 XML 表格）。请在 Excel 中打开，另存为 Excel 工作簿（.xlsx）后再上传。',
    en: 'This is an XML file (for example an Excel 2003 XML spreadsheet). Open it in Excel, save it as an Excel workbook (.xlsx) and upload that.',
  },
  png: { zh: '这是一张 PNG 图片，不是表格。', en: 'This is a PNG image, not a spreadsheet.' },
  jpeg: { zh: '这是一张 JPEG 图片，不是表格。', en: 'This is a JPEG image, not a spreadsheet.' },
  gif: { zh: '这是一张 GIF 图片，不是表格。', en: 'This is a GIF image, not a spreadsheet.' },
  pdf: { zh: '这是 PDF 文件，不是表格。', en: 'This is a PDF document, not a spreadsheet.' },
  rar: {
    zh: '这是 RAR 压缩包，请解压后上传其中的表格。',
    en: 'This is a RAR archive; extract it and upload the spreadsheet inside.',
  },
  '7z': {
    zh: '这是 7z 压缩包，请解压后上传其中的表格。',
    en: 'This is a 7z archive; extract it and upload the spreadsheet inside.',
  },
  gzip: {
    zh: '这是 gzip 压缩文件，请解压后上传。',
    en: 'This is a gzip-compressed file; decompress it and upload the result.',
  },
  binary: {
    zh: '无法识别的文件类型（既不是 Excel 工作簿也不是文本文件）。',
    en: 'Unrecognised file type (neither an Excel workbook nor a text file).',
  },
};

function notReadable(looksLike: TLooksLike): FileReadError {
  if (looksLike === 'damaged-spreadsheet') {
    return new FileReadError('corrupt_file', {
      zh: '文件已损坏，无法作为 Excel 工作簿打开。请在 Excel 或 WPS 中打开确认，另存为 Excel 工作簿（.xlsx）后再上传。',
      en: 'The file is damaged and cannot be opened as an Excel workbook. Check it in Excel or WPS, save it as an Excel workbook (.xlsx) and upload that.',
    });
  }
  const what = LOOKS_LIKE[looksLike];
  return new FileReadError('unsupported_type', {
    zh: `不支持的文件类型：${what.zh}${ACCEPTED.zh}`,
    en: `Unsupported file type: ${what.en} ${ACCEPTED.en}`,
  });
}

function emptyFile(): FileReadError {
  return new FileReadError('empty_file', {
    zh: '文件是空的，没有任何内容。',
    en: 'The file is empty.',
  });
}

function tooLarge(size: number, maxBytes: number): FileReadError {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
  return new FileReadError('file_too_large', {
    zh: `文件过大（${mb(size)} MB），上限为 ${mb(maxBytes)} MB。请拆分成几个文件分批上传。`,
    en: `The file is too large (${mb(size)} MB); the limit is ${mb(maxBytes)} MB. Split it into several files and upload them one by one.`,
  });
}
