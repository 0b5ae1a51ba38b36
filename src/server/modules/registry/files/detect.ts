/**
 * What kind of file an upload is, judged by its bytes — the extension is only a hint, because government files
 * arrive as text named .xls, as .xlsx saved by WPS, as CSV named .txt, or as something else renamed.
 */
import { extname } from 'node:path';

export type TFileKind = 'xlsx' | 'csv' | 'xls' | 'unknown';
export type TTextEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030';

/** How many leading bytes the callers read to sniff a file. */
export const SNIFF_BYTES = 64 * 1024;

/** What an 'unknown' (or 'xls') file looks like, for a specific message. */
export type TLooksLike =
  | 'ole' // legacy .xls, WPS .et, or a password-protected .xlsx (all OLE containers)
  | 'ods'
  | 'zip'
  | 'utf-16'
  | 'html'
  | 'xml'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'pdf'
  | 'rar'
  | '7z'
  | 'gzip'
  | 'binary' // not text, not recognised
  | 'damaged-spreadsheet'; // not recognised, and named like a spreadsheet: most likely a damaged workbook

export interface TSniffResult {
  kind: TFileKind;
  looksLike?: TLooksLike;
  /** The file name's extension, lower-case with the dot ('' when none). */
  extension: string;
}

const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.et']);

const MAGIC: Array<{ bytes: number[]; looksLike: TLooksLike }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], looksLike: 'png' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], looksLike: 'gif' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], looksLike: 'pdf' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], looksLike: 'rar' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], looksLike: '7z' },
  { bytes: [0x1f, 0x8b], looksLike: 'gzip' },
  { bytes: [0xff, 0xfe], looksLike: 'utf-16' },
  { bytes: [0xfe, 0xff], looksLike: 'utf-16' },
];

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, bytes: number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

/** `xlsx` for a ZIP (`PK\x03\x04`), `xls` for an OLE container, `csv` for text, else `unknown`. */
export function detectFileKind(firstBytes: Buffer, fileName: string): TFileKind {
  return sniffFile(firstBytes, fileName).kind;
}

/** detectFileKind with the reason, for messages. `fileName` only refines what an unrecognised file is called. */
export function sniffFile(firstBytes: Buffer, fileName: string): TSniffResult {
  const extension = extname(fileName).toLowerCase();
  const unknown = (looksLike: TLooksLike): TSniffResult => ({ kind: 'unknown', looksLike, extension });
  if (firstBytes.length === 0) return unknown('binary');

  // ZIP local file header; an empty archive starts with the end-of-central-directory record
  if (startsWith(firstBytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument puts an uncompressed "mimetype" entry first (name at offset 30)
    const nameLength = firstBytes.length >= 30 ? firstBytes.readUInt16LE(26) : 0;
    const firstName = firstBytes.subarray(30, 30 + nameLength).toString('latin1');
    if (firstName === 'mimetype') return unknown('ods');
    return { kind: 'xlsx', extension };
  }
  if (startsWith(firstBytes, [0x50, 0x4b, 0x05, 0x06])) return unknown('zip');
  if (startsWith(firstBytes, OLE)) return { kind: 'xls', looksLike: 'ole', extension };
  for (const m of MAGIC) if (startsWith(firstBytes, m.bytes)) return unknown(m.looksLike);

  if (!looksLikeText(firstBytes)) {
    return unknown(SPREADSHEET_EXTENSIONS.has(extension) ? 'damaged-spreadsheet' : 'binary');
  }
  const markup = markupKind(firstBytes);
  if (markup) return unknown(markup);
  return { kind: 'csv', extension };
}

/**
 * Text: no NUL byte, and almost no other C0 control characters (tab, CR, LF, form feed and the DOS end-of-file
 * ^Z are fine). Multi-byte UTF-8 and GB18030 sequences never use bytes below 0x30, so this holds for both.
 */
function looksLikeText(buf: Buffer): boolean {
  let controls = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] as number;
    if (b === 0) return false;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) || b === 0x7f) {
      controls++;
    }
  }
  return controls <= buf.length / 200;
}

/** HTML tables and SpreadsheetML 2003 saved as ".xls" by many systems are text, but not CSV. */
function markupKind(buf: Buffer): 'html' | 'xml' | undefined {
  const head = buf
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (/^<\?xml/.test(head)) return /<html/.test(head) ? 'html' : 'xml';
  if (/^<(!doctype|html|head|body|table|meta|div|!--)/.test(head)) return 'html';
  return undefined;
}

/** A sample that may end in the middle of a character: cut it back to the last complete UTF-8 sequence. */
function cutAtUtf8Boundary(sample: Buffer): Buffer {
  const end = sample.length;
  // walk back over at most 3 continuation bytes (10xxxxxx) to the byte that starts the last sequence
  let i = end - 1;
  while (i >= 0 && i > end - 4 && ((sample[i] as number) & 0xc0) === 0x80) i--;
  if (i < 0) return sample;
  const lead = sample[i] as number;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + need > end ? sample.subarray(0, i) : sample;
}

/**
 * The encoding of a text sample: a UTF-8 byte-order mark; else strictly valid UTF-8 (after cutting a character
 * split by the end of the sample); else GB18030, the superset of GBK and GB2312 that Chinese Excel and WPS write
 * as "CSV". A pure-ASCII sample is 'utf-8' — callers that may see Chinese only later sample further (read-csv).
 */
export function detectTextEncoding(sample: Buffer): TTextEncoding {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(cutAtUtf8Boundary(sample));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
