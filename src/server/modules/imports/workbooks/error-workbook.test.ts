import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../../domain/id-number.ts';
import { guessMapping } from '../../../../domain/registry/headers.ts';
import type { TCtx } from '../../../context.ts';
import { auditEvent, importRow } from '../../../db/schema/index.ts';
import { createTestDeps, type TTestDeps } from '../../../test/test-deps.ts';
import { discardBatch } from '../import-commit.service.ts';
import { stageImport } from '../import-stage.service.ts';
import { EXPLAIN_SHEET } from './error-explain.ts';
import { ERROR_COLUMN, ROW_NO_COLUMN } from './error-layout.ts';
import {
  ERROR_SHEET,
  errorWorkbookFileName,
  exportErrorWorkbook,
  writeErrorWorkbook,
} from './error-workbook.ts';
import { buildUniversityAdmin, loadWorkbook, rowTexts, writeToBuffer } from './workbook-test-helpers.ts';

let deps: TTestDeps;
let ctx: TCtx;
let otherCtx: TCtx;
const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-error-workbook-'));

const male = makeIdNumber('520102', '20000101', 311);
const female = makeIdNumber('520526', '19990601', 244);
const fixedId = makeIdNumber('520526', '20000315', 123);

const HEADER = [
  '姓名',
  '身份证号码',
  '性别',
  '学历层次',
  '院系',
  '班级',
  '专业名称',
  '生源地代码',
  '手机号码',
  '备注',
];
const ID_COL = 2; // B
const LINES = [
  '贵州测试大学2021届毕业生生源信息表,,,,,,,,,',
  HEADER.join(','),
  '赵六,5.22427E+17,男,本科,计算机学院,计科2101班,软件工程,,13800138000,',
  `王五,${male},男,本科,计算机学院,计科2101班,软件工程,520102,,`,
  `孙八,${female},男,博士后,=1+1,计科2101班,软件工程,,12345,备注文字`,
  `王五,${male},男,本科,计算机学院,计科2101班,软件工程,520102,,`,
];

function writeFile(name: string, content: string | Buffer) {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function stage(name: string, content: string | Buffer) {
  return stageImport(deps, ctx, {
    kind: 'roster',
    filePath: writeFile(name, content),
    fileName: name,
    cohort: 2021,
  });
}

async function errorCodes(batchId: string) {
  const rows = await deps.database.db
    .select()
    .from(importRow)
    .where(eq(importRow.batchId, batchId))
    .orderBy(importRow.rowNo);
  return rows.map((r) => [r.rowNo, r.status, (r.errors ?? []).map((e) => `${e.field}:${e.code}`).join(' ')]);
}

beforeAll(async () => {
  deps = await createTestDeps();
  ({ ctx } = await buildUniversityAdmin(deps));
  ({ ctx: otherCtx } = await buildUniversityAdmin(deps));
});
afterAll(async () => deps.close());

describe('error workbook', () => {
  let batchId: string;
  let workbook: Buffer;

  it('keeps the upload’s header as row 1, adds 错误说明 and 原行号, and lists each error row as uploaded', async () => {
    const batch = await stage('roster.csv', `${LINES.join('\r\n')}\r\n`);
    batchId = batch.id;
    expect(await errorCodes(batchId)).toEqual([
      [3, 'error', 'idNumber:id_excel_scientific'],
      [4, 'new', ''],
      [5, 'error', 'gender:gender_mismatch college:formula_error level:level_invalid phone:phone_invalid'],
      [6, 'error', 'idNumber:duplicate_row'],
    ]);

    let result: unknown;
    workbook = await writeToBuffer(async (out) => {
      result = await writeErrorWorkbook(deps, batchId, out);
    });
    expect(result).toEqual({ rows: 2, omittedRows: 1, notes: 5 });
    const wb = await loadWorkbook(workbook);
    expect(wb.worksheets.map((w) => w.name)).toEqual([ERROR_SHEET, EXPLAIN_SHEET]);
    const ws = wb.getWorksheet(ERROR_SHEET)!;
    expect(rowTexts(ws, 1)).toEqual([...HEADER, ERROR_COLUMN, ROW_NO_COLUMN]);
    expect(ws.actualRowCount).toBe(3);

    // row 3 of the upload: the Excel-mangled ID comes back as the same text, in a Text-formatted cell
    expect(rowTexts(ws, 2).slice(0, 9)).toEqual(
      LINES[2]!
        .split(',')
        .slice(0, 9)
        .map((v) => v || null),
    );
    const id = ws.getCell(2, ID_COL);
    expect(id.value).toBe('5.22427E+17');
    expect(id.type).toBe(ExcelJS.ValueType.String);
    expect(id.numFmt).toBe('@');
    expect(id.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(String(id.note)).toContain('科学计数法');
    expect(ws.getCell(2, 1).fill).toBeUndefined();
    expect(ws.getCell(2, 12).value).toBe(3);
    const explained = String(ws.getCell(2, 11).value);
    expect(explained).toContain('第3行「身份证号码」：值“5.22427E+17”被 Excel 转成了科学计数法');
    expect(explained).toContain('（应为：18位身份证号码（设置为文本格式））');
    expect(explained).not.toContain('「身份证号」列：');

    // row 5: four bad cells, the formula text written as inert text (never as a formula): the apostrophe of
    // the cell writer and Text format
    expect(rowTexts(ws, 3).slice(0, 10)).toEqual([
      '孙八',
      female,
      '男',
      '博士后',
      "'=1+1",
      '计科2101班',
      '软件工程',
      null,
      '12345',
      '备注文字',
    ]);
    const formula = ws.getCell(3, 5);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.formula).toBeUndefined();
    expect(formula.numFmt).toBe('@');
    const red = (col: number) => (ws.getCell(3, col).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([1, 2, 3, 4, 5, 6, 7, 9, 10].filter((col) => red(col) === 'FFFFC7CE')).toEqual([3, 4, 5, 9]);
    const parts = String(ws.getCell(3, 11).value).split('；');
    expect(parts).toHaveLength(4);
    expect(parts[0]).toMatch(
      /^第5行「性别」：填写的“男”与身份证号第17位表示的性别（女）不一致（应为：男或女/,
    );
    expect(parts[1]).toMatch(/^第5行「院系」：单元格是公式“=1\+1”/);
    expect(parts[2]).toMatch(/^第5行「学历层次」：/);
    expect(parts[3]).toMatch(/^第5行「手机号码」：/);
    expect(ws.getCell(3, 12).value).toBe(5);
  });

  it('explains how to fix and re-upload, counts errors by code, and names the duplicate left out', async () => {
    const ws = (await loadWorkbook(workbook)).getWorksheet(EXPLAIN_SHEET)!;
    const text: string[] = [];
    ws.eachRow((row) => {
      text.push(rowTexts(ws, row.number).filter(Boolean).join(' | '));
    });
    const all = text.join('\n');
    expect(all).toContain('导入错误清单 · roster.csv · 2020-07-15');
    expect(all).toContain('How to fix and upload again');
    expect(text).toContain(
      'id_excel_scientific | 身份证号被 Excel 转成科学计数法 | ID number turned into scientific notation by Excel | 1 | 1',
    );
    expect(text).toContain('duplicate_row | 同一文件中重复出现 | appears twice in the file | 1 | 1');
    expect(all).toMatch(/第6行 \/ Row 6 \| 与第4行的身份证号重复/);
  });

  it('re-uploads as the same rows under the same header, ignoring the two added columns', async () => {
    const { mapping, unmapped } = guessMapping('roster', [...HEADER, ERROR_COLUMN, ROW_NO_COLUMN]);
    expect(unmapped).toEqual([9, 10, 11]);
    const first = await stage('roster（错误行）.xlsx', workbook);
    expect(first.headerRow).toBe(1);
    expect(first.headers).toEqual([...HEADER, ERROR_COLUMN, ROW_NO_COLUMN]);
    expect(first.mapping).toEqual(mapping);
    expect(await errorCodes(first.id)).toEqual([
      [2, 'error', 'idNumber:id_excel_scientific'],
      [3, 'error', 'gender:gender_mismatch college:formula_error level:level_invalid phone:phone_invalid'],
    ]);

    // the error workbook of a re-uploaded error workbook replaces the added columns instead of adding more
    const again = await loadWorkbook(await writeToBuffer((out) => writeErrorWorkbook(deps, first.id, out)));
    const ws2 = again.getWorksheet(ERROR_SHEET)!;
    expect(rowTexts(ws2, 1)).toEqual([...HEADER, ERROR_COLUMN, ROW_NO_COLUMN]);
    expect(String(ws2.getCell(2, 11).value)).toMatch(/^第2行「身份证号码」/);
    expect(ws2.getCell(3, 12).value).toBe(3);

    // fixed in Excel, the same workbook stages clean
    const wb = await loadWorkbook(workbook);
    const ws = wb.getWorksheet(ERROR_SHEET)!;
    ws.getCell(2, ID_COL).value = fixedId;
    ws.getCell(3, 3).value = '女';
    ws.getCell(3, 4).value = '本科';
    ws.getCell(3, 5).value = '计算机学院';
    ws.getCell(3, 9).value = '13900139000';
    const fixed = await stage('fixed.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(fixed.counts).toMatchObject({ total: 2, errors: 0, new: 2 });
  });

  it('pages through many error rows in row order', async () => {
    const rows = Array.from(
      { length: 250 },
      (_, i) => `学生${i},${makeIdNumber('520102', '20000101', i + 1)},,大专班,`,
    );
    const batch = await stage('many.csv', `姓名,身份证号,性别,学历,院系\r\n${rows.join('\r\n')}\r\n`);
    expect(batch.counts).toMatchObject({ total: 250, errors: 250 });
    // pages smaller and larger than the row-number windows
    for (const opts of [
      { pageSize: 40, window: 25 },
      { pageSize: 40, window: 1000 },
    ]) {
      const buffer = await writeToBuffer((out) => writeErrorWorkbook(deps, batch.id, out, opts));
      const ws = (await loadWorkbook(buffer)).getWorksheet(ERROR_SHEET)!;
      expect(ws.actualRowCount).toBe(251);
      const rowNos: unknown[] = [];
      ws.eachRow((row) => {
        if (row.number > 1) rowNos.push(row.getCell(7).value);
      });
      expect(rowNos).toEqual(Array.from({ length: 250 }, (_, i) => i + 2));
      expect(ws.getCell(251, 1).value).toBe('学生249');
    }

    // the client going away stops the paging instead of writing into the void
    const gone = new Writable({
      highWaterMark: 1,
      write(_chunk, _enc, done) {
        this.destroy();
        done();
      },
    });
    gone.on('error', () => {});
    await expect(writeErrorWorkbook(deps, batch.id, gone, { pageSize: 40 })).rejects.toThrow('output closed');
  });

  it('is for the batch’s own users only, audits each download, and needs staged rows', async () => {
    await expect(
      writeToBuffer((out) => exportErrorWorkbook(deps, otherCtx, batchId, out)),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const buffer = await writeToBuffer((out) => exportErrorWorkbook(deps, ctx, batchId, out));
    expect((await loadWorkbook(buffer)).getWorksheet(ERROR_SHEET)!.actualRowCount).toBe(3);
    const events = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, batchId), eq(auditEvent.action, 'import.error_workbook')));
    expect(events).toHaveLength(1);
    expect(errorWorkbookFileName('roster.csv')).toBe('roster（错误行）.xlsx');
    expect(errorWorkbookFileName('roster（错误行）.xlsx')).toBe('roster（错误行）.xlsx');

    await discardBatch(deps, ctx, batchId);
    await expect(writeToBuffer((out) => exportErrorWorkbook(deps, ctx, batchId, out))).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
