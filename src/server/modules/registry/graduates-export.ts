import type { Writable } from 'node:stream';
import { and, asc, inArray } from 'drizzle-orm';
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
  const user = requireUser(ctx);
  const db = deps.database.db;
  const where = await scopedWhere(deps, ctx, f);
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
  // the graduates are fixed before the audit, which names each of them (their access log shows the export),
  // and exactly those are written, even if rows come into scope meanwhile
  const ids = (
    await db.select({ id: graduate.id }).from(graduate).where(where).orderBy(asc(graduate.id))
  ).map((r) => r.id);
  await db.transaction((tx) =>
    recordAudit(
      tx,
      ctx,
      {
        action: 'graduate.export',
        entityType: 'graduate',
        after: { filters: f, rows: ids.length, graduateIds: ids },
      },
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
  for (let start = 0; start < ids.length; start += PAGE) {
    const rows = await repo
      .selectGraduates(db)
      .where(and(where, inArray(graduate.id, ids.slice(start, start + PAGE))))
      .orderBy(asc(graduate.id));
    for (const r of rows) {
      const item = toListItem(deps, user, r); // the same field rule as the list
      const values = Object.fromEntries(
        COLUMNS.map((c) => [c.key, exportValue(item[c.key as keyof typeof item])]),
      );
      addSafeRow(sheet, values).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return ids.length;
}
