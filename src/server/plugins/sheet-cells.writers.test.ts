import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCtx } from '../context.ts';
import { stageImport } from '../modules/imports/import-stage.service.ts';
import { EXPLAIN_SHEET } from '../modules/imports/workbooks/error-explain.ts';
import { ERROR_SHEET, writeErrorWorkbook } from '../modules/imports/workbooks/error-workbook.ts';
import { INSTRUCTIONS_SHEET } from '../modules/imports/workbooks/template-instructions.ts';
import { LISTS_SHEET, writeTemplateWorkbook } from '../modules/imports/workbooks/template-workbook.ts';
import {
  buildUniversityAdmin,
  loadWorkbook,
  writeToBuffer,
} from '../modules/imports/workbooks/workbook-test-helpers.ts';
import { exportGraduates } from '../modules/registry/graduates-export.ts';
import {
  STAFF_LISTS_SHEET,
  writeStaffErrorWorkbook,
  writeStaffTemplate,
} from '../modules/staff/staff-workbooks.ts';
import type { TOrgRow } from '../test/factories.ts';
import { buildGraduate } from '../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../test/test-deps.ts';

/*
 * Every workbook the platform writes goes through the one cell writer (sheet-cells.ts): a name such as
 * =HYPERLINK("http://x","y"), +1+1, -2 or @SUM(A1) comes out as inert text (apostrophe, Text format, never a
 * formula), while real numbers stay numbers. One test per writer.
 */

const PAYLOADS = ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)'];

let deps: TTestDeps;
let ctx: TCtx;
let uni: TOrgRow;
const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-sheet-cells-'));

beforeAll(async () => {
  deps = await createTestDeps();
  ({ ctx, uni } = await buildUniversityAdmin(deps));
});
afterAll(async () => deps.close());

/** The cells of a sheet whose text is `'payload` for one of the payloads, keyed by payload. */
function inertCells(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const found = new Map<string, ExcelJS.Cell>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      for (const p of PAYLOADS) if (cell.value === `'${p}`) found.set(p, cell);
    }),
  );
  return found;
}

function expectAllInert(ws: ExcelJS.Worksheet, payloads = PAYLOADS) {
  const cells = inertCells(ws);
  expect([...cells.keys()].sort()).toEqual([...payloads].sort());
  for (const cell of cells.values()) {
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe('@');
  }
  // and no cell anywhere holds a payload as it was typed
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      expect(PAYLOADS).not.toContain(cell.value);
      expect(cell.formula).toBeUndefined();
    }),
  );
}

describe('the cell writer in every workbook', () => {
  it('graduates export: names inert, the cohort still a number', async () => {
    for (const name of PAYLOADS)
      await buildGraduate(deps, {
        universityId: uni.id,
        universityProvinceCode: '520000',
        name,
        isTarget: true,
      });
    const wb = await loadWorkbook(await writeToBuffer((out) => exportGraduates(deps, ctx, {}, out)));
    const ws = wb.worksheets[0]!;
    expectAllInert(ws);
    const cohort = ws.getCell(2, 4);
    expect(cohort.value).toBe(2020);
    expect(cohort.type).toBe(ExcelJS.ValueType.Number);
  });

  it('error workbook: the upload’s own header and cells, and its file name on the explain sheet, inert', async () => {
    const lines = [
      ['姓名', '身份证号码', '性别', '学历层次', '院系', '@SUM(A1)'].join(','),
      // no ID number: every row is in error and comes back in the workbook
      ...PAYLOADS.slice(1).map((name) => [name, '', '男', '本科', '计算机学院', '-2'].join(',')),
      ['张三', '', '男', '本科', '"=HYPERLINK(""http://x"",""y"")"', ''].join(','),
    ];
    const fileName = '+1+1.csv';
    const filePath = path.join(dir, 'upload.csv');
    writeFileSync(filePath, `${lines.join('\r\n')}\r\n`);
    const batch = await stageImport(deps, ctx, { kind: 'roster', filePath, fileName, cohort: 2021 });
    const wb = await loadWorkbook(await writeToBuffer((out) => writeErrorWorkbook(deps, batch.id, out)));
    expectAllInert(wb.getWorksheet(ERROR_SHEET)!);
    // the row-number column stays a number
    expect(wb.getWorksheet(ERROR_SHEET)!.getCell(2, 8).type).toBe(ExcelJS.ValueType.Number);
    let fileCell: ExcelJS.Cell | undefined;
    wb.getWorksheet(EXPLAIN_SHEET)!.eachRow((row) =>
      row.eachCell((cell) => {
        if (String(cell.value).includes(fileName) && !String(cell.value).includes('·')) fileCell = cell;
      }),
    );
    expect(fileCell?.value).toBe(`'${fileName}`);
    expect(fileCell?.numFmt).toBe('@');
  });

  it('import template: university names from the org tree inert on the lists and instructions sheets', async () => {
    const universities = PAYLOADS.map((name, i) => ({ code: `1065${i}`, name }));
    const wb = await loadWorkbook(
      await writeToBuffer((out) => writeTemplateWorkbook('roster', out, { universities, cohort: 2021 })),
    );
    expectAllInert(wb.getWorksheet(LISTS_SHEET)!);
    expectAllInert(wb.getWorksheet(INSTRUCTIONS_SHEET)!);
  });

  it('staff-account template: org and college names inert on its lists sheet', async () => {
    const orgs = PAYLOADS.map((name, i) => ({ code: `T-${i}`, name, roles: ['counselor' as const] }));
    const colleges = [{ name: '+1+1', universityName: '-2' }];
    const wb = await loadWorkbook(await writeToBuffer((out) => writeStaffTemplate(out, { orgs, colleges })));
    expectAllInert(wb.getWorksheet(STAFF_LISTS_SHEET)!);
  });

  it('staff-account error workbook: the upload’s header and cells inert, the row number a number', async () => {
    const file = {
      headerRowNo: 1,
      headers: ['用户名', '姓名', '@SUM(A1)'],
      columns: { username: 0, displayName: 1 },
      rows: PAYLOADS.map((name, i) => ({
        rowNo: i + 2,
        values: { displayName: name },
        cells: ['', name, '-2'],
      })),
    };
    const errors = file.rows.map((r) => ({
      rowNo: r.rowNo,
      field: 'username' as const,
      column: '用户名',
      message: { zh: '必填', en: 'required' },
    }));
    const wb = await loadWorkbook(await writeToBuffer((out) => writeStaffErrorWorkbook(out, file, errors)));
    const ws = wb.worksheets[0]!;
    expectAllInert(ws);
    expect(ws.getCell(2, 5).value).toBe(2);
    expect(ws.getCell(2, 5).type).toBe(ExcelJS.ValueType.Number);
  });
});
