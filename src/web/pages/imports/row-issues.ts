import type { TImportRow } from '../../../domain/api/imports.ts';

export type TIssue = TImportRow['errors'][number];

/** One line of the error table: one issue of one row; the row's first line spans the row number cell. */
export type TIssueLine = {
  key: string;
  rowNo: number;
  severity: 'error' | 'warning';
  issue: TIssue;
  /** rows the row-number cell spans: the issue count on the first line, 0 on the others */
  span: number;
};

/** Errors first, then warnings, row by row, so each row reads top-down as one block. */
export function flattenIssues(rows: readonly TImportRow[]): TIssueLine[] {
  return rows.flatMap((row) => {
    const issues = [
      ...row.errors.map((issue) => ({ severity: 'error' as const, issue })),
      ...row.warnings.map((issue) => ({ severity: 'warning' as const, issue })),
    ];
    return issues.map(({ severity, issue }, i) => ({
      key: `${row.rowNo}-${severity}-${i}`,
      rowNo: row.rowNo,
      severity,
      issue,
      span: i === 0 ? issues.length : 0,
    }));
  });
}
