import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../../domain/id-number.ts';
import { getFieldSpecs, type TImportKind } from '../../../../domain/registry/fields.ts';
import { guessMapping } from '../../../../domain/registry/headers.ts';
import { parseDifficulty } from '../../../../domain/registry/parse-values.ts';
import type { TCtx } from '../../../context.ts';
import { createTestDeps, type TTestDeps } from '../../../test/test-deps.ts';
import { stageImport } from '../import-stage.service.ts';
import { INSTRUCTIONS_SHEET } from './template-instructions.ts';
import {
  LISTS_SHEET,
  loadTemplateOptions,
  TEMPLATE_ROWS,
  TEMPLATE_SHEETS,
  templateFileName,
  writeTemplateWorkbook,
} from './template-workbook.ts';
import { dataValidationsOf } from './workbook-style.ts';
import { buildUniversityAdmin, loadWorkbook, rowTexts, writeToBuffer } from './workbook-test-helpers.ts';

let deps: TTestDeps;
let ctx: TCtx;
let moeCode: string;
const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-template-'));

beforeAll(async () => {
  deps = await createTestDeps();
  ({ ctx, moeCode } = await buildUniversityAdmin(deps));
});
afterAll(async () => deps.close());

/** 1-based column of a field in the template of a kind. */
const columnOf = (kind: TImportKind, key: string) => getFieldSpecs(kind).findIndex((s) => s.key === key) + 1;

function listAt(ws: ExcelJS.Worksheet, kind: TImportKind, key: string, row = 2) {
  const letter = ws.getColumn(columnOf(kind, key)).letter;
  return dataValidationsOf(ws).model[`${letter}${row}`];
}

describe('import templates', () => {
  it('has the roster’s canonical headers, text-formatted ID columns and drop-downs for coded columns', async () => {
    const opts = await loadTemplateOptions(deps, ctx, 'roster', 2021);
    expect(opts).toEqual({ universities: [{ code: moeCode, name: expect.any(String) }], cohort: 2021 });
    const wb = await loadWorkbook(await writeToBuffer((out) => writeTemplateWorkbook('roster', out, opts)));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [TEMPLATE_SHEETS.roster, 'visible'],
      [INSTRUCTIONS_SHEET, 'visible'],
      [LISTS_SHEET, 'hidden'],
    ]);
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.roster)!;
    const specs = getFieldSpecs('roster');
    const headers = rowTexts(ws, 1) as string[];
    expect(headers).toEqual(specs.map((s) => s.label.zh));
    // every header maps back to its own field, and nothing is missing
    const guessed = guessMapping('roster', headers);
    expect(guessed.mapping).toEqual(Object.fromEntries(specs.map((s, i) => [s.key, i])));
    expect(guessed.unmapped).toEqual([]);
    // no sample row to import by mistake
    expect(ws.actualRowCount).toBe(1);
    expect(ws.getCell(1, columnOf('roster', 'idNumber')).font).toMatchObject({
      bold: true,
      color: { argb: 'FFC00000' },
    });
    expect(String(ws.getCell(1, columnOf('roster', 'idNumber')).note)).toContain('必填');

    for (const key of ['idNumber', 'phone', 'studentNo', 'majorCode', 'domicileCode', 'universityCode']) {
      expect(ws.getColumn(columnOf('roster', key)).numFmt).toBe('@');
      expect(ws.getCell(5000, columnOf('roster', key)).numFmt).toBe('@');
    }
    expect(ws.getColumn(columnOf('roster', 'name')).numFmt).toBeUndefined();

    expect(listAt(ws, 'roster', 'level')).toMatchObject({ type: 'list', formulae: ['"研究生,本科,专科"'] });
    expect(listAt(ws, 'roster', 'level', TEMPLATE_ROWS + 1)).toBeDefined();
    expect(listAt(ws, 'roster', 'level', TEMPLATE_ROWS + 2)).toBeUndefined();
    expect(listAt(ws, 'roster', 'gender')).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    const difficulty = listAt(ws, 'roster', 'difficultyCode')!;
    const items = String(difficulty.formulae[0]).replace(/^"|"$/g, '').split(',');
    expect(items).toHaveLength(8);
    expect(items).toContain('2-家庭困难');
    // every item the drop-down offers is one the importer reads
    expect(items.map(parseDifficulty)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(listAt(ws, 'roster', 'universityCode')).toMatchObject({
      type: 'list',
      formulae: [`'${LISTS_SHEET}'!$A$2:$A$2`],
    });
    expect(listAt(ws, 'roster', 'cohort')).toMatchObject({ formulae: ['"2021"'] });
    expect(listAt(ws, 'roster', 'name')).toBeUndefined();
    expect(rowTexts(wb.getWorksheet(LISTS_SHEET)!, 2)[0]).toBe(moeCode);

    const help = wb.getWorksheet(INSTRUCTIONS_SHEET)!;
    const lines: string[] = [];
    help.eachRow((row) => {
      lines.push(rowTexts(help, row.number).filter(Boolean).join(' | '));
    });
    expect(
      lines.some((l) =>
        l.startsWith(
          `身份证号 | 必填 / required | 18位身份证号码（设置为文本格式） | ${makeIdNumber('520526', '20000101', 123)}`,
        ),
      ),
    ).toBe(true);
    expect(
      lines.some((l) => l.startsWith('困难生类别 | 选填 / optional | 困难生类别代码 0–7 | 2-家庭困难')),
    ).toBe(true);
    expect(templateFileName('roster')).toBe('毕业生生源名单导入模板.xlsx');
  });

  it('stages a filled-in roster template as one new row', async () => {
    const opts = await loadTemplateOptions(deps, ctx, 'roster', 2021);
    const wb = await loadWorkbook(await writeToBuffer((out) => writeTemplateWorkbook('roster', out, opts)));
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.roster)!;
    const fill: Record<string, string> = {
      name: '张三',
      idNumber: makeIdNumber('520526', '20000315', 123),
      gender: '男',
      college: '计算机学院',
      level: '本科',
      phone: '13800138000',
      difficultyCode: '2-家庭困难',
      universityCode: moeCode,
      cohort: '2021',
    };
    for (const [key, value] of Object.entries(fill)) ws.getCell(2, columnOf('roster', key)).value = value;
    const file = path.join(dir, 'roster-template.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const batch = await stageImport(deps, ctx, {
      kind: 'roster',
      filePath: file,
      fileName: 'roster-template.xlsx',
      cohort: 2021,
    });
    expect(batch.headerRow).toBe(1);
    expect(batch.counts).toMatchObject({ total: 1, valid: 1, new: 1, errors: 0 });
  });

  it('makes the registry template without university list or roster columns', async () => {
    const wb = await loadWorkbook(
      await writeToBuffer((out) =>
        writeTemplateWorkbook('registry', out, { universities: [{ code: '10657', name: '贵州大学' }] }),
      ),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([TEMPLATE_SHEETS.registry, INSTRUCTIONS_SHEET]);
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.registry)!;
    const headers = rowTexts(ws, 1) as string[];
    expect(headers).toEqual(getFieldSpecs('registry').map((s) => s.label.zh));
    expect(guessMapping('registry', headers).missingRequired).toEqual([]);
    expect(ws.getColumn(columnOf('registry', 'idNumber')).numFmt).toBe('@');
    expect(ws.getColumn(columnOf('registry', 'householdRef')).numFmt).toBe('@');
    expect(Object.keys(dataValidationsOf(ws).model)).toHaveLength(0);
  });
});
