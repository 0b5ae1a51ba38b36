/**
 * The downloadable Excel template of an import kind: one header row with the canonical labels, Text format on
 * number and code columns, drop-down lists on coded columns, and a 填写说明 sheet. No sample row in the data
 * sheet, so an example can never be imported by mistake.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import {
  DIFFICULTY_CATEGORIES,
  getFieldSpecs,
  LEVELS,
  type TFieldSpec,
  type TImportKind,
} from '../../../../domain/registry/fields.ts';
import type { TCtx, TDeps } from '../../../context.ts';
import { addSafeRow } from '../../../plugins/sheet-cells.ts';
import { requireUser } from '../../auth/auth.service.ts';
import { allowedUniversities } from '../import-access.ts';
import {
  INSTRUCTIONS_SHEET,
  type TTemplateOptions,
  writeInstructionsSheet,
} from './template-instructions.ts';
import {
  columnWidth,
  commitWorkbook,
  createStreamingWorkbook,
  dataValidationsOf,
  HEADER_FILL,
  KIND_LABELS,
  REQUIRED_FONT,
  TEXT_FIELDS,
  TEXT_FORMAT,
} from './workbook-style.ts';

export type { TTemplateOptions } from './template-instructions.ts';

export const TEMPLATE_SHEETS: Record<TImportKind, string> = {
  roster: '毕业生名单',
  registry: '建档立卡名单',
};
export const LISTS_SHEET = '代码表';
/**
 * Rows (below the header) that get the drop-down lists. Bounded, because exceljs and some other readers expand
 * a validation range cell by cell; Text format is set on the whole column and has no such limit.
 */
export const TEMPLATE_ROWS = 10_000;

type TList = { formula: string; prompt: string };

/** The drop-down of a coded column, if it has one. Inline lists stay far below Excel's 255-character limit. */
function listFor(spec: TFieldSpec, opts: TTemplateOptions): TList | null {
  const inline = (values: readonly string[]) => `"${values.join(',')}"`;
  switch (spec.key) {
    case 'level':
      return { formula: inline(LEVELS), prompt: '研究生、本科或专科' };
    case 'gender':
      return { formula: inline(['男', '女']), prompt: '男或女（须与身份证号一致）' };
    case 'difficultyCode':
      return {
        formula: inline(DIFFICULTY_CATEGORIES.map((c) => `${c.code}-${c.name}`)),
        prompt: '从列表选择，或填代码 0–7',
      };
    case 'universityCode':
      // a province has dozens of universities: the list lives on a hidden sheet
      return opts.universities?.length
        ? {
            formula: `'${LISTS_SHEET}'!$A$2:$A$${opts.universities.length + 1}`,
            prompt: '5位院校代码，可从列表选择（名称见“填写说明”）',
          }
        : null;
    case 'cohort':
      return opts.cohort
        ? { formula: inline([String(opts.cohort)]), prompt: `本次导入为 ${opts.cohort} 届` }
        : null;
    default:
      return null;
  }
}

/**
 * Write the template of an import kind to `out` (ended when done). `universities` adds the 院校代码 drop-down,
 * `cohort` the 毕业年份 one (roster only).
 */
export async function writeTemplateWorkbook(
  kind: TImportKind,
  out: Writable,
  opts: TTemplateOptions = {},
): Promise<void> {
  const specs = getFieldSpecs(kind) as readonly TFieldSpec[];
  const universities = kind === 'roster' ? opts.universities : undefined;
  const options = { ...opts, universities };
  const wb = createStreamingWorkbook(out);
  wb.creator = 'Bangfu';
  const dataSheet = TEMPLATE_SHEETS[kind];
  const ws = wb.addWorksheet(dataSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const instructions = wb.addWorksheet(INSTRUCTIONS_SHEET);
  const lists = universities?.length ? wb.addWorksheet(LISTS_SHEET, { state: 'hidden' }) : null;

  ws.columns = specs.map((s) => ({
    width: columnWidth(s.label.zh, s.key),
    ...(TEXT_FIELDS.has(s.key) ? { style: { numFmt: TEXT_FORMAT } } : {}),
  }));
  writeTemplateHeader(ws, specs);
  specs.forEach((spec, i) => {
    const list = listFor(spec, options);
    if (!list) return;
    const letter = ws.getColumn(i + 1).letter;
    dataValidationsOf(ws).add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [list.formula],
      showInputMessage: true,
      promptTitle: spec.label.zh,
      prompt: list.prompt,
      // a warning, not a stop: synonyms the importer accepts (硕士 → 研究生, "2") stay possible
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: spec.label.zh,
      error: `请从列表中选择：${spec.expected.zh}`,
    });
  });
  ws.commit();

  writeInstructionsSheet(instructions, kind, dataSheet, options);
  instructions.commit();

  if (lists && universities) {
    lists.columns = [{ width: 12, style: { numFmt: TEXT_FORMAT } }, { width: 40 }];
    addSafeRow(lists, ['院校代码', '院校名称']).commit();
    for (const u of universities) addSafeRow(lists, [u.code, u.name]).commit();
    lists.commit();
  }
  await commitWorkbook(wb, out);
}

function writeTemplateHeader(ws: ExcelJS.Worksheet, specs: readonly TFieldSpec[]) {
  const row = addSafeRow(
    ws,
    specs.map((s) => s.label.zh),
  );
  specs.forEach((s, i) => {
    const cell = row.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.font = s.required ? REQUIRED_FONT : { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    const need = s.required ? '必填 / Required' : '选填 / Optional';
    cell.note = `${s.label.zh}（${s.label.en}）· ${need}\n应为：${s.expected.zh}\nExpected: ${s.expected.en}`;
  });
  row.commit();
}

/**
 * Template options for the signed-in user: for a roster, the universities they may import for (by the code
 * 院校代码 cells carry: the MOE code when there is one). Other users get a template without that list.
 */
export async function loadTemplateOptions(
  deps: TDeps,
  ctx: TCtx,
  kind: TImportKind,
  cohort?: number,
): Promise<TTemplateOptions> {
  const user = requireUser(ctx);
  if (kind !== 'roster') return {};
  const rows = await allowedUniversities(deps, user);
  const universities = rows
    .map((u) => ({ code: u.moeCode ?? u.code, name: u.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { ...(universities.length ? { universities } : {}), ...(cohort ? { cohort } : {}) };
}

/** The download name, e.g. `毕业生生源名单导入模板.xlsx`. */
export function templateFileName(kind: TImportKind): string {
  return `${KIND_LABELS[kind].zh}导入模板.xlsx`;
}
