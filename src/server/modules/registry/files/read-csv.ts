/**
 * Streaming CSV reader: fs stream → (GB18030 decoder) → csv-parse → rows. Memory stays bounded by the largest
 * record, whatever the file size.
 */

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import {
  DEFAULT_MAX_CELL_CHARS,
  FileReadError,
  makeRow,
  type TCellGuardOptions,
  type TRow,
} from './common.ts';
import { detectTextEncoding, SNIFF_BYTES, type TTextEncoding } from './detect.ts';

export type TCsvDelimiter = ',' | '\t' | ';';

export interface TCsvOptions extends TCellGuardOptions {
  /** Detected from the file when absent (see sniffCsvEncoding). */
  encoding?: TTextEncoding;
  /** Sniffed from the first lines when absent (see sniffDelimiter). */
  delimiter?: TCsvDelimiter;
  /**
   * A record (one row) bigger than this many bytes is refused as `corrupt_file` — almost always an unbalanced
   * quote that swallows the rest of the file. Default 8 MiB; raised to fit `maxCellChars` if needed.
   */
  maxRecordBytes?: number;
  /** Read chunk size; tests lower it to put chunk boundaries everywhere. */
  highWaterMark?: number;
}

export interface TCsvOpened {
  encoding: TTextEncoding;
  delimiter: TCsvDelimiter;
  rows: AsyncGenerator<TRow>;
  /** Bytes of the file read so far (for a progress bar: divide by the file size). */
  bytesRead(): number;
  /** Releases the file if `rows` is never iterated (iterating to the end, or breaking out, releases it too). */
  close(): Promise<void>;
}

export const DEFAULT_MAX_RECORD_BYTES = 8 * 1024 * 1024;
/** How far to look for the first non-ASCII byte when the first block is pure ASCII. */
const MAX_ENCODING_SCAN_BYTES = 16 * 1024 * 1024;

/**
 * Rows of a CSV (or tab- or semicolon-separated) file in UTF-8, UTF-8 with BOM, or GBK/GB18030.
 *
 * - `rowNo` is the record number counting blank lines: what Excel shows when it opens the file. It equals the
 *   physical line number unless a quoted cell spans lines (Excel shows such a record as one row, too).
 * - Blank lines (and lines of only separators) are skipped; the numbering of later rows is unaffected.
 * - Cells are returned untrimmed; quotes are removed as CSV says; a stray quote inside an unquoted cell is kept.
 * - Line endings may be CRLF, LF or CR, even mixed.
 */
export async function* readCsvRows(path: string, opts: TCsvOptions = {}): AsyncGenerator<TRow> {
  const opened = await openCsv(path, opts);
  yield* opened.rows;
}

/** readCsvRows, plus what was detected, resolved before the first row is read. */
export async function openCsv(path: string, opts: TCsvOptions = {}): Promise<TCsvOpened> {
  const encoding = opts.encoding ?? (await sniffCsvEncoding(path));
  const delimiter =
    opts.delimiter ?? sniffDelimiter(decodeSample(await readHead(path, SNIFF_BYTES), encoding));
  const maxCellChars = opts.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  // a cell of maxCellChars characters of up to 4 UTF-8 bytes must fit in a record
  const maxRecordBytes = Math.max(opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES, maxCellChars * 4 + 1024);

  const input = createReadStream(path, opts.highWaterMark ? { highWaterMark: opts.highWaterMark } : {});
  const parser = parse({
    bom: true,
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: maxRecordBytes,
  });
  const stages: Array<NodeJS.ReadableStream | NodeJS.WritableStream> = [input];
  if (encoding === 'gb18030') stages.push(iconv.decodeStream('gb18030') as unknown as Transform);
  stages.push(parser);
  // errors of any stage reach the parser, whose iteration below rethrows them
  pipeline(stages as unknown as [NodeJS.ReadableStream, NodeJS.WritableStream], () => {});

  async function* rows(): AsyncGenerator<TRow> {
    let rowNo = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        rowNo++;
        const row = makeRow(rowNo, record, maxCellChars);
        if (row) yield row;
      }
    } catch (err) {
      // csv-parse counts records (blank ones too) up to the failing one; records it parsed from the same chunk
      // before failing are not delivered
      if (err instanceof CsvError)
        throw malformed(typeof err.records === 'number' ? err.records + 1 : rowNo + 1, err);
      throw err;
    } finally {
      close();
    }
  }
  function close() {
    input.destroy();
    parser.destroy();
  }

  return { encoding, delimiter, rows: rows(), bytesRead: () => input.bytesRead, close: async () => close() };
}

function malformed(rowNo: number, cause: CsvError): FileReadError {
  const tooBig = cause.code === 'CSV_MAX_RECORD_SIZE';
  return new FileReadError(
    'corrupt_file',
    tooBig
      ? {
          zh: `CSV 文件第 ${rowNo} 行过大，通常是引号不配对导致后面的内容都被当成了一个单元格。请检查该行的引号。`,
          en: `Row ${rowNo} of the CSV file is too large; usually an unbalanced quote makes the rest of the file one cell. Check the quotes on that row.`,
        }
      : {
          zh: `CSV 文件第 ${rowNo} 行附近格式有误（可能是引号不配对）：${cause.message}`,
          en: `The CSV file is malformed near row ${rowNo} (probably an unbalanced quote): ${cause.message}`,
        },
    { cause, rowNo },
  );
}

/** Up to `bytes` bytes from the start of the file. */
export async function readHead(path: string, bytes: number, position = 0): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * The encoding of a CSV file: detectTextEncoding on the first block; when that block is pure ASCII (an English
 * or numeric first part), on a block starting at the first non-ASCII byte, looked for up to 16 MB in.
 */
export async function sniffCsvEncoding(path: string): Promise<TTextEncoding> {
  let position = 0;
  while (position < MAX_ENCODING_SCAN_BYTES) {
    const block = await readHead(path, SNIFF_BYTES, position);
    if (block.length === 0) return 'utf-8';
    const firstHigh = block.findIndex((b) => b >= 0x80);
    if (firstHigh >= 0) {
      if (position === 0 && firstHigh === 0) return detectTextEncoding(block);
      // a non-ASCII run after ASCII starts with a lead byte in both UTF-8 and GB18030
      return detectTextEncoding(await readHead(path, SNIFF_BYTES, position + firstHigh));
    }
    position += block.length;
  }
  return 'utf-8';
}

/** Decode a sample for sniffing (a character cut at the end does not matter). */
export function decodeSample(sample: Buffer, encoding: TTextEncoding): string {
  const text =
    encoding === 'gb18030' ? iconv.decode(sample, 'gb18030') : new TextDecoder('utf-8').decode(sample);
  return text.replace(/^\uFEFF/, '');
}

/**
 * The separator: of comma, tab and semicolon, the one that occurs most often (outside quotes) on any one of the
 * first 20 non-blank lines — the header line normally has the most; title rows above it may have none. Comma
 * wins ties and is the default.
 */
export function sniffDelimiter(text: string): TCsvDelimiter {
  const candidates: TCsvDelimiter[] = [',', '\t', ';'];
  const best = new Map<TCsvDelimiter, number>(candidates.map((c) => [c, 0]));
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  for (const line of lines) {
    const counts = new Map<string, number>();
    let inQuotes = false;
    for (const ch of line) {
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && (ch === ',' || ch === '\t' || ch === ';'))
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    for (const c of candidates) best.set(c, Math.max(best.get(c) ?? 0, counts.get(c) ?? 0));
  }
  let pick: TCsvDelimiter = ',';
  for (const c of candidates) if ((best.get(c) ?? 0) > (best.get(pick) ?? 0)) pick = c;
  return pick;
}
