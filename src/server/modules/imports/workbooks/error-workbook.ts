/**
 * The error workbook of an import batch: the rows in error, in the layout of the upload, with the bad cells
 * highlighted and a message column — for the user to fix in Excel and upload again.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { TCtx, TDeps } from '../../../context.ts';
import type { TStoredCellError } from '../../../db/schema/index.ts';
import { AppError, notFound } from '../../../errors.ts';
import { addSafeRow } from '../../../plugins/sheet-cells.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import * as importRepo from '../import.repo.ts';
import { getBatchForUser } from '../import-access.ts';
import { EXPLAIN_SHEET, writeExplainSheet } from './error-explain.ts';
import {
  buildErrorLayout,
  cellNote,
  describeRowErrors,
  ERROR_COLUMN,
  ROW_NO_COLUMN,
  type TErrorLayout,
} from './error-layout.ts';
import * as repo from './error-rows.repo.ts';
import {
  ADDED_FILL,
  BAD_FILL,
  BAD_FONT,
  columnWidth,
  commitWorkbook,
  createStreamingWorkbook,
  TEXT_FORMAT,
  waitForDrain,
} from './workbook-style.ts';

export const ERROR_SHEET = '错误行';
/** Bad cells beyond this many get the fill but no note: notes are buffered until the sheet ends. */
export const MAX_NOTES = 10_000;
const PAGE_SIZE = 1000;
/** row numbers per query (see listErrorRowsBetween) */
const ROW_WINDOW = 5000;
const OMITTED_LISTED = 200;

/** Batches whose staged rows still exist (discarding a batch deletes them). */
const WITH_ROWS = new Set(['staged', 'committed', 'reverted']);

export type TErrorWorkbookResult = { rows: number; omittedRows: number; notes: number };

/**
 * The error workbook of a batch the user can see, streamed to `out` (which is ended when done). Audited, as it
 * holds the uploaded cells in full — ID numbers and phones included.
 */
export async function exportErrorWorkbook(
  deps: TDeps,
  ctx: TCtx,
  batchId: string,
  out: Writable,
): Promise<TErrorWorkbookResult> {
  const batch = await getBatchForUser(deps, ctx, batchId);
  assertHasRows(batch);
  const now = deps.clock.now();
  await deps.database.db.transaction((tx) =>
    recordAudit(
      tx,
      ctx,
      {
        action: 'import.error_workbook',
        entityType: 'import_batch',
        entityId: batch.id,
        after: { fileName: batch.fileName, errorRows: batch.counts.errors ?? null },
      },
      now,
    ),
  );
  return writeErrorWorkbook(deps, batchId, out);
}

/** The download name: `roster.csv` → `roster（错误行）.xlsx`, and the same again for that file's errors. */
export function errorWorkbookFileName(uploadName: string): string {
  const base = uploadName.replace(/\.[^./\\]{1,5}$/, '').replace(/（错误行）$/, '') || 'import';
  return `${base}（错误行）.xlsx`;
}

function assertHasRows(batch: importRepo.TBatchRow) {
  if (!WITH_ROWS.has(batch.status) || !batch.headers || !batch.mapping) {
    throw new AppError(
      'conflict',
      `批次状态为 ${batch.status}，没有可下载的错误行 / Batch is ${batch.status}: there are no rows to download`,
    );
  }
}

/**
 * Write the error workbook of a batch to `out`, without access checks (see exportErrorWorkbook). Sheet 1
 * `错误行`: the header row exactly as uploaded plus `错误说明` and `原行号`, then each error row in row order
 * (streamed from the database in pages). Sheet 2 `说明`: how to fix and re-upload, and counts by error code.
 */
export async function writeErrorWorkbook(
  deps: TDeps,
  batchId: string,
  out: Writable,
  opts: { pageSize?: number; window?: number } = {},
): Promise<TErrorWorkbookResult> {
  const db = deps.database.db;
  const batch = await importRepo.findBatch(db, batchId);
  if (!batch) throw notFound('Import batch');
  assertHasRows(batch);
  const layout = buildErrorLayout(batch.kind, batch.headers!, batch.mapping!);
  const [codeCounts, omitted] = await Promise.all([
    repo.countErrorsByCode(db, batchId),
    repo.listRowsWithoutRaw(db, batchId, OMITTED_LISTED),
  ]);

  const wb = createStreamingWorkbook(out);
  wb.creator = 'Bangfu';
  const ws = wb.addWorksheet(ERROR_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const explain = wb.addWorksheet(EXPLAIN_SHEET);
  writeHeader(ws, layout);

  const state = { rows: 0, notes: 0, notesSkipped: false, droppedCells: false };
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const window = opts.window ?? ROW_WINDOW;
  const lastRowNo = await repo.findMaxRowNo(db, batchId);
  for (let after = 0; after < lastRowNo; ) {
    const page = await repo.listErrorRowsBetween(db, batchId, after, after + window, pageSize);
    for (const row of page) {
      const cells = JSON.parse(deps.crypto.decrypt(row.rawEncrypted)) as string[];
      writeErrorRow(ws, layout, row.rowNo, cells, row.errors, state);
    }
    // a full page may leave rows in the window: continue after its last row; else skip to the window's end
    after = page.length === pageSize ? page[page.length - 1]!.rowNo : after + window;
    await waitForDrain(out);
  }
  ws.commit();

  writeExplainSheet(explain, {
    kind: batch.kind,
    fileName: batch.fileName,
    batchId: batch.id,
    generatedAt: deps.clock.now(),
    errorRows: state.rows,
    codeCounts,
    omitted: {
      total: omitted.total,
      rows: omitted.rows.map((r) => ({
        rowNo: r.rowNo,
        text: r.errors.map((e) => `${e.message.zh} / ${e.message.en}`).join('；'),
      })),
    },
    notesLimit: state.notesSkipped ? MAX_NOTES : null,
    droppedCells: state.droppedCells,
  });
  explain.commit();
  await commitWorkbook(wb, out);
  return { rows: state.rows, omittedRows: omitted.total, notes: state.notes };
}

function writeHeader(ws: ExcelJS.Worksheet, layout: TErrorLayout) {
  ws.columns = [
    ...layout.headers.map((h, i) => ({
      width: columnWidth(h, layout.fieldAt(i)),
      ...(layout.isTextColumn(i) ? { style: { numFmt: TEXT_FORMAT } } : {}),
    })),
    { width: 80 },
    { width: 8 },
  ];
  // the headers are the upload's own: they go through the cell writer like the data
  const row = addSafeRow(ws, [
    ...layout.headers.map((h) => (h === '' ? null : h)),
    ERROR_COLUMN,
    ROW_NO_COLUMN,
  ]);
  row.font = { bold: true };
  for (const [i, text] of [
    [
      layout.width + 1,
      '系统添加：本行全部错误。重新上传时忽略此列。\nAdded by Bangfu: all errors of the row; ignored on upload.',
    ],
    [
      layout.width + 2,
      '系统添加：在原上传文件中的行号。重新上传时忽略此列。\nAdded by Bangfu: row number in the original upload; ignored on upload.',
    ],
  ] as const) {
    const cell = row.getCell(i);
    cell.fill = ADDED_FILL;
    cell.note = text;
  }
  row.commit();
}

function writeErrorRow(
  ws: ExcelJS.Worksheet,
  layout: TErrorLayout,
  rowNo: number,
  cells: string[],
  errors: TStoredCellError[],
  state: { rows: number; notes: number; notesSkipped: boolean; droppedCells: boolean },
) {
  const values: (string | number | null)[] = [];
  for (let i = 0; i < layout.width; i++) {
    const v = cells[i];
    values.push(v === undefined || v === '' ? null : v);
  }
  if (cells.slice(layout.width).some((c) => c !== '')) state.droppedCells = true;
  values.push(describeRowErrors(rowNo, errors, layout), rowNo);
  // formula-like cells get the apostrophe and Text format; the import takes the apostrophe off on upload
  const row = addSafeRow(ws, values);
  const byColumn = new Map<number, TStoredCellError[]>();
  for (const e of errors) {
    const column = layout.columnOf(e.field);
    if (column === undefined || column >= layout.width) continue;
    byColumn.set(column, [...(byColumn.get(column) ?? []), e]);
  }
  for (const [column, cellErrors] of byColumn) {
    const cell = row.getCell(column + 1);
    cell.fill = BAD_FILL;
    cell.font = BAD_FONT;
    if (layout.isTextColumn(column)) cell.numFmt = TEXT_FORMAT;
    if (state.notes < MAX_NOTES) {
      cell.note = cellNote(cellErrors);
      state.notes++;
    } else state.notesSkipped = true;
  }
  row.commit();
  state.rows++;
}
