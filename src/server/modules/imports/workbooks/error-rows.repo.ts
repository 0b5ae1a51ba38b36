import { and, asc, eq, gt, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../../db/client.ts';
import { importRow, type TStoredCellError } from '../../../db/schema/index.ts';

export type TErrorRow = { rowNo: number; errors: TStoredCellError[]; rawEncrypted: string };

/**
 * Error rows that kept their original cells with `afterRowNo < row_no <= upToRowNo`, in row order, at most
 * `limit`. Callers walk the batch in bounded row-number windows: right after staging, the table's statistics
 * are stale and the planner picks a bitmap scan of every row past `afterRowNo` plus a sort — a plain keyset
 * page would then cost O(rows) each, O(rows²) for a whole million-row batch.
 */
export async function listErrorRowsBetween(
  db: TDbOrTx,
  batchId: string,
  afterRowNo: number,
  upToRowNo: number,
  limit: number,
): Promise<TErrorRow[]> {
  const rows = await db
    .select({ rowNo: importRow.rowNo, errors: importRow.errors, rawEncrypted: importRow.rawEncrypted })
    .from(importRow)
    .where(
      and(
        eq(importRow.batchId, batchId),
        gt(importRow.rowNo, afterRowNo),
        lte(importRow.rowNo, upToRowNo),
        eq(importRow.status, 'error'),
        isNotNull(importRow.rawEncrypted),
      ),
    )
    .orderBy(asc(importRow.rowNo))
    .limit(limit);
  return rows.map((r) => ({ rowNo: r.rowNo, errors: r.errors ?? [], rawEncrypted: r.rawEncrypted! }));
}

/** The batch's last row number (0 without rows). */
export async function findMaxRowNo(db: TDbOrTx, batchId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number | null>`max(${importRow.rowNo})` })
    .from(importRow)
    .where(eq(importRow.batchId, batchId));
  return Number(row?.n ?? 0);
}

export type TErrorCodeCount = { code: string; cells: number; rows: number };

/** How many cells and rows of the batch have each error code, most frequent first. */
export async function countErrorsByCode(db: TDbOrTx, batchId: string): Promise<TErrorCodeCount[]> {
  const result: unknown = await db.execute(sql`
    select e->>'code' as code, count(*)::int as cells, count(distinct r.row_no)::int as rows
    from import_row r cross join lateral jsonb_array_elements(coalesce(r.errors, '[]'::jsonb)) e
    where r.batch_id = ${batchId} and r.status = 'error'
    group by 1 order by 2 desc, 1`);
  // node-postgres and PGlite both answer { rows }; be lenient about a driver that answers the array itself
  const rows = (
    Array.isArray(result) ? result : (result as { rows: TErrorCodeCount[] }).rows
  ) as TErrorCodeCount[];
  return rows.map((r) => ({ code: r.code, cells: Number(r.cells), rows: Number(r.rows) }));
}

/**
 * Error rows without original cells: rows flagged in SQL after staging (`duplicate_row`), which were valid
 * when staged and so were stored without their raw cells. First `limit` of them, and how many there are.
 */
export async function listRowsWithoutRaw(db: TDbOrTx, batchId: string, limit: number) {
  const where = and(
    eq(importRow.batchId, batchId),
    eq(importRow.status, 'error'),
    isNull(importRow.rawEncrypted),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ rowNo: importRow.rowNo, errors: importRow.errors })
      .from(importRow)
      .where(where)
      .orderBy(asc(importRow.rowNo))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(importRow)
      .where(where),
  ]);
  return { rows: rows.map((r) => ({ rowNo: r.rowNo, errors: r.errors ?? [] })), total: total?.n ?? 0 };
}
