/**
 * The staff import's Excel files: the template (drop-downs for roles, the org codes and the 院系 of the importer's
 * scope) and the error workbook (the bad rows in the upload's layout, bad cells red with a note). Built from the
 * roster workbooks' helpers (imports/workbooks/workbook-style.ts), so both look and behave like the rosters'.
 */
import type { Writable } from 'node:stream';
import {
  NOT_IMPORTED,
  ROLE_NAMES_ZH,
  STAFF_COLUMNS,
  type TStaffField,
} from '../../../domain/accounts/staff-import.ts';
import type { TStaffCellError } from '../../../domain/api/staff.ts';
import type { TRole } from '../../../domain/roles.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { addSafeRow } from '../../plugins/sheet-cells.ts';
import { grantsOfActor, listManageableOrgs } from '../auth/account-scope.repo.ts';
import { ERROR_COLUMN, ROW_NO_COLUMN } from '../imports/workbooks/error-layout.ts';
import {
  ADDED_FILL,
  BAD_FILL,
  BAD_FONT,
  columnWidth,
  commitWorkbook,
  createStreamingWorkbook,
  dataValidationsOf,
  HEADER_FILL,
  REQUIRED_FONT,
  TEXT_FORMAT,
} from '../imports/workbooks/workbook-style.ts';
import * as classRepo from './class-assign.repo.ts';
import type { TStaffFile } from './staff-file.ts';

export const STAFF_SHEET = '账户名单';
export const STAFF_LISTS_SHEET = '代码表';
const STAFF_TEMPLATE_ROWS = 2000;
const TEXT_COLUMNS = new Set<TStaffField>(['username', 'phone', 'orgCode']);

export type TStaffTemplateOptions = {
  orgs: { code: string; name: string; roles: TRole[] }[];
  colleges: { name: string; universityName: string }[];
};

/** The orgs (with importable roles) and colleges the signed-in user may import accounts into. */
export async function loadStaffTemplateOptions(deps: TDeps, ctx: TCtx): Promise<TStaffTemplateOptions> {
  const db = deps.database.db;
  const orgs = (await listManageableOrgs(db, grantsOfActor(ctx.user)))
    .map((o) => ({ ...o, roles: o.roles.filter((r) => !NOT_IMPORTED.includes(r)) }))
    .filter((o) => o.roles.length > 0);
  const universities = orgs.filter((o) => o.kind === 'university');
  const colleges: TStaffTemplateOptions['colleges'] = [];
  for (const u of universities) {
    for (const c of await classRepo.listColleges(db, u.id))
      colleges.push({ name: c.name, universityName: u.name });
  }
  return { orgs: orgs.map((o) => ({ code: o.code, name: o.name, roles: o.roles })), colleges };
}

export const STAFF_TEMPLATE_NAME = '账户导入模板.xlsx';

/** The template: header, drop-downs, and a hidden 代码表 sheet with the org codes and colleges. */
export async function writeStaffTemplate(out: Writable, opts: TStaffTemplateOptions): Promise<void> {
  const wb = createStreamingWorkbook(out);
  wb.creator = 'Bangfu';
  const ws = wb.addWorksheet(STAFF_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet(STAFF_LISTS_SHEET, { state: 'hidden' });
  ws.columns = STAFF_COLUMNS.map((c) => ({
    width: Math.max(columnWidth(c.label.zh, undefined), c.key === 'classes' || c.key === 'college' ? 24 : 14),
    ...(TEXT_COLUMNS.has(c.key) ? { style: { numFmt: TEXT_FORMAT } } : {}),
  }));
  const header = addSafeRow(
    ws,
    STAFF_COLUMNS.map((c) => c.label.zh),
  );
  STAFF_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.font = c.required ? REQUIRED_FONT : { bold: true };
    cell.note = `${c.label.zh}（${c.label.en}）· ${c.required ? '必填 / Required' : '选填 / Optional'}\n应为：${c.expected.zh}\nExpected: ${c.expected.en}`;
  });
  header.commit();
  const roleNames = [...new Set(opts.orgs.flatMap((o) => o.roles))].map((r) => ROLE_NAMES_ZH[r][0]!);
  const validations: [TStaffField, string | null, string][] = [
    ['roles', roleNames.length ? `"${roleNames.join(',')}"` : null, '从列表选择；多个角色用“、”分隔'],
    [
      'orgCode',
      opts.orgs.length ? `'${STAFF_LISTS_SHEET}'!$A$2:$A$${opts.orgs.length + 1}` : null,
      '您可管理的机构代码（名称见代码表）',
    ],
    [
      'college',
      opts.colleges.length ? `'${STAFF_LISTS_SHEET}'!$D$2:$D$${opts.colleges.length + 1}` : null,
      '辅导员必填',
    ],
  ];
  for (const [field, formula, prompt] of validations) {
    if (!formula) continue;
    const i = STAFF_COLUMNS.findIndex((c) => c.key === field);
    const col = STAFF_COLUMNS[i]!;
    const letter = ws.getColumn(i + 1).letter;
    dataValidationsOf(ws).add(`${letter}2:${letter}${STAFF_TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showInputMessage: true,
      promptTitle: col.label.zh,
      prompt,
      // a warning, not a stop: several roles in one cell (辅导员、帮扶责任人) stay possible
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: col.label.zh,
      error: `应为：${col.expected.zh}`,
    });
  }
  ws.commit();
  lists.columns = [
    { width: 16, style: { numFmt: TEXT_FORMAT } },
    { width: 36 },
    { width: 30 },
    { width: 30 },
    { width: 36 },
  ];
  addSafeRow(lists, ['机构代码', '机构名称', '可授予角色', '院系', '所属高校']).commit();
  const n = Math.max(opts.orgs.length, opts.colleges.length);
  for (let i = 0; i < n; i++) {
    const o = opts.orgs[i];
    const c = opts.colleges[i];
    addSafeRow(lists, [
      o?.code ?? null,
      o?.name ?? null,
      o ? o.roles.map((r) => ROLE_NAMES_ZH[r][0]).join('、') : null,
      c?.name ?? null,
      c?.universityName ?? null,
    ]).commit();
  }
  lists.commit();
  await commitWorkbook(wb, out);
}

/** `staff.csv` → `staff（错误行）.xlsx`. */
export function staffErrorFileName(uploadName: string): string {
  const base = uploadName.replace(/\.[^./\\]{1,5}$/, '').replace(/（错误行）$/, '') || '账户导入';
  return `${base}（错误行）.xlsx`;
}

/**
 * The rows in error, in the upload's own columns, plus 错误说明 and 原行号; bad cells red with the message as a
 * note. Cells go through the one cell writer (plugins/sheet-cells.ts): formula-like text is neutralised.
 */
export async function writeStaffErrorWorkbook(out: Writable, file: TStaffFile, errors: TStaffCellError[]) {
  const wb = createStreamingWorkbook(out);
  wb.creator = 'Bangfu';
  const ws = wb.addWorksheet('错误行', { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = file.headers.length;
  ws.columns = [
    ...file.headers.map((h) => ({
      width: Math.max(14, columnWidth(h, undefined)),
      style: { numFmt: TEXT_FORMAT },
    })),
    { width: 80 },
    { width: 8 },
  ];
  const header = addSafeRow(ws, [...file.headers.map((h) => h || null), ERROR_COLUMN, ROW_NO_COLUMN]);
  header.font = { bold: true };
  header.getCell(width + 1).fill = ADDED_FILL;
  header.getCell(width + 2).fill = ADDED_FILL;
  header.commit();
  const byRow = new Map<number, TStaffCellError[]>();
  for (const e of errors) byRow.set(e.rowNo, [...(byRow.get(e.rowNo) ?? []), e]);
  for (const r of file.rows) {
    const rowErrors = byRow.get(r.rowNo);
    if (!rowErrors) continue;
    const values: (string | number | null)[] = [];
    for (let i = 0; i < width; i++) values.push(r.cells[i] ? r.cells[i]! : null);
    values.push(rowErrors.map((e) => `【${e.column}】${e.message.zh}`).join('；'), r.rowNo);
    const row = addSafeRow(ws, values);
    for (const e of rowErrors) {
      const col = file.columns[e.field];
      if (col === undefined || col >= width) continue;
      const cell = row.getCell(col + 1);
      cell.fill = BAD_FILL;
      cell.font = BAD_FONT;
      const prior = typeof cell.note === 'string' ? `${cell.note}\n` : '';
      cell.note = `${prior}${e.message.zh}\n${e.message.en}`;
    }
    row.commit();
  }
  ws.commit();
  await commitWorkbook(wb, out);
}
