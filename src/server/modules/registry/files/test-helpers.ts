/** Helpers for the file-reader tests: temporary folders and collecting rows. Not used by production code. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { TRow } from './common.ts';

export async function makeTempDir(): Promise<{
  dir: string;
  file: (name: string) => string;
  remove: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'bangfu-files-'));
  return { dir, file: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function collect(rows: AsyncIterable<TRow>): Promise<TRow[]> {
  const out: TRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A minimal ZIP writer (deflated entries as Excel writes them, or stored), for hand-made workbooks. */
export function makeZip(
  entries: Array<{ name: string; data: Buffer }>,
  method: 'deflate' | 'store' = 'deflate',
): Buffer {
  const code = method === 'deflate' ? 8 : 0;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const packed = method === 'deflate' ? deflateRawSync(e.data) : e.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(code, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(code, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A workbook written by hand. Zip order: the workbook, its relations, styles and shared strings before the
 * worksheets ('styles-first': exceljs streams the sheets in place), styles after them ('styles-last'), or shared
 * strings last ('strings-last', as Excel writes: exceljs spools the sheets to temporary files). The first sheet is
 * hidden; the second has a date in the zh-CN built-in format 31, which exceljs does not know by itself.
 */
export function handmadeWorkbook(
  order: 'styles-first' | 'styles-last' | 'strings-last',
  method: 'deflate' | 'store' = 'deflate',
): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rNs = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const xml = (s: string) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, 'utf8');
  const workbook = xml(
    `<workbook ${ns} ${rNs}><sheets><sheet name="隐藏" sheetId="1" state="hidden" r:id="rId1"/>` +
      `<sheet name="名单" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  );
  const workbookRels = xml(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${rel}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId4" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const xf = (numFmtId: number) => `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
  const styles = xml(
    `<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/mm/dd\\ hh:mm"/></numFmts>` +
      `<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
      `<borders count="1"><border/></borders><cellStyleXfs count="1">${xf(0)}</cellStyleXfs>` +
      `<cellXfs count="4">${xf(0)}${xf(31)}${xf(176)}${xf(14)}</cellXfs></styleSheet>`,
  );
  const sharedStrings = xml(
    `<sst ${ns} count="3" uniqueCount="3"><si><t>姓名</t></si><si><t>出生日期</t></si>` +
      `<si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三 </t></r></si></sst>`,
  );
  const sheet1 = xml(
    `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData></worksheet>`,
  );
  const sheet2 = xml(
    `<worksheet ${ns}><sheetData>` +
      `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>备注</t></is></c></row>` +
      `<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" s="1"><v>36526</v></c><c r="C3" s="2"><v>36527.5</v></c>` +
      `<c r="D3" s="3"><v>36528</v></c><c r="E3"><v>0.30000000000000004</v></c></row>` +
      `<row><c r="A4"><v>1</v></c></row>` +
      `</sheetData></worksheet>`,
  );
  const entries = [
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
    ...(order === 'styles-first' ? [{ name: 'xl/styles.xml', data: styles }] : []),
    ...(order === 'strings-last' ? [{ name: 'xl/styles.xml', data: styles }] : []),
    ...(order !== 'strings-last' ? [{ name: 'xl/sharedStrings.xml', data: sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', data: sheet1 },
    { name: 'xl/worksheets/sheet2.xml', data: sheet2 },
    ...(order === 'styles-last' ? [{ name: 'xl/styles.xml', data: styles }] : []),
    ...(order === 'strings-last' ? [{ name: 'xl/sharedStrings.xml', data: sharedStrings }] : []),
  ];
  return makeZip(entries, method);
}
