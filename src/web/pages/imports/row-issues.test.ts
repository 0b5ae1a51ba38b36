import { describe, expect, it } from 'vitest';
import type { TImportRow } from '../../../domain/api/imports.ts';
import { flattenIssues } from './row-issues.ts';

const issue = (field: string) => ({ field, code: 'x', value: 'v', message: { zh: '错', en: 'bad' } });
const row = (rowNo: number, errors: string[], warnings: string[] = []): TImportRow => ({
  rowNo,
  status: 'error',
  errors: errors.map(issue),
  warnings: warnings.map(issue),
  changes: [],
  preview: null,
});

describe('flattenIssues', () => {
  it('gives one line per issue, errors before warnings, the first spanning the row', () => {
    const lines = flattenIssues([row(3, ['idNumber', 'gender'], ['domicileCode']), row(5, ['level'])]);
    expect(lines.map((l) => [l.rowNo, l.severity, l.issue.field, l.span])).toEqual([
      [3, 'error', 'idNumber', 3],
      [3, 'error', 'gender', 0],
      [3, 'warning', 'domicileCode', 0],
      [5, 'error', 'level', 1],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
  });

  it('leaves out rows without issues', () => {
    expect(flattenIssues([row(2, [])])).toEqual([]);
  });
});
