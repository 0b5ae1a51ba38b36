import type { Writable } from 'node:stream';
import { and, asc, gt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TGraduateFilters } from '../../../domain/api/registry.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { graduate } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { addSafeRow } from '../../plugins/sheet-cells.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import * as repo from './graduates.repo.ts';
import { scopedWhere, toListItem } from './graduates.service.ts';

/** Exports larger than this are refused: ask for a narrower filter (or use the CLI on the server). */
export const MAX_EXPORT_ROWS = 200_000;
const PAGE = 2000;

const COLUMNS = [
  { header: '姓名', key: 'name', width: 10 },
  { header: '身份证号（脱敏）', key: 'idNumberMasked', width: 22 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '届别', key: 'cohort', width: 8 },
  { header: '院校', key: 'universityName', width: 24 },
  { header: '院系', key: 'collegeName', width: 20 },
  { header: '班级', key: 'className', width: 14 },
  { header: '专业', key: 'majorName', width: 18 },
  { header: '学历层次', key: 'level', width: 10 },
  { header: '生源地代码', key: 'domicileCountyCode', width: 12 },
  { header: '生源地', key: 'domicileName', width: 18 },
  { header: '建档立卡', key: 'isRegisteredPoor', width: 10 },
  { header: '重点县', key: 'isFocusCounty', width: 8 },
  { header: '困难生类别', key: 'difficultyCode', width: 10 },
];

/** How a value reads in the export (是/否, 男/女); addSafeRow then neutralises formula-like text. */
export function exportValue(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v === 'male') return '男';
  if (v === 'female') return '女';
  return v ?? '';
}

/**
 * Stream the scoped, filtered graduates as XLSX (masked IDs only), page by page on the primary key so memory
 * stays flat. The export is audited with its filters and row count before the first byte is written.
 */
export async function exportGraduates(deps: TDeps, ctx: TCtx, f: TGraduateFilters, out: Writable) {
  requireUser(ctx);
  const db = deps.database.db;
  const where = scopedWhere(ctx, f);
  const { total } = await repo.listGraduates(
    db,
    where,
    { sort: 'name', order: 'asc' },
    { limit: 1, offset: 0 },
  );
  if (total > MAX_EXPORT_ROWS) {
    throw new AppError(
      'validation_error',
      `导出行数 ${total} 超过上限 ${MAX_EXPORT_ROWS}，请缩小筛选范围 / ${total} rows exceed the export limit of ${MAX_EXPORT_ROWS}; narrow the filter`,
    );
  }
  await db.transaction((tx) =>
    recordAudit(
      tx,
      ctx,
      { action: 'graduate.export', entityType: 'graduate', after: { filters: f, rows: total } },
      deps.clock.now(),
    ),
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('毕业生');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await repo
      .selectGraduates(db)
      .where(and(where, gt(graduate.id, after)))
      .orderBy(asc(graduate.id))
      .limit(PAGE);
    for (const r of rows) {
      const item = toListItem(deps, r);
      const values = Object.fromEntries(
        COLUMNS.map((c) => [c.key, exportValue(item[c.key as keyof typeof item])]),
      );
      addSafeRow(sheet, values).commit();
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  sheet.commit();
  await workbook.commit();
  return total;
}
