import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number.ts';
import { duplicateRowErrors, findDuplicateRows } from './dedupe.ts';

const A = makeIdNumber('520526', '20000101', 123);
const B = makeIdNumber('520526', '20000102', 124);

describe('findDuplicateRows', () => {
  it('groups rows with the same ID number, in order of first appearance', () => {
    const records = [
      { rowNo: 4, idNumber: B },
      { rowNo: 5, idNumber: A },
      { rowNo: 6, idNumber: makeIdNumber('520526', '20000103', 125) },
      { rowNo: 9, idNumber: A },
      { rowNo: 7, idNumber: B },
      { rowNo: 12, idNumber: A },
    ];
    expect(findDuplicateRows(records)).toEqual([
      { idNumber: B, rowNos: [4, 7] },
      { idNumber: A, rowNos: [5, 9, 12] },
    ]);
  });

  it('finds nothing in a file without repeats', () => {
    expect(findDuplicateRows([{ rowNo: 2, idNumber: A }])).toEqual([]);
    expect(findDuplicateRows([])).toEqual([]);
  });
});

describe('duplicateRowErrors', () => {
  it('flags every row but the first as duplicate_row naming the first row, with the ID masked', () => {
    const errors = duplicateRowErrors([{ idNumber: A, rowNos: [5, 9, 12] }]);
    expect([...errors.keys()]).toEqual([9, 12]);
    const error = errors.get(9);
    expect(error).toMatchObject({
      field: 'idNumber',
      code: 'duplicate_row',
      value: `5205**********${A.slice(-4)}`,
    });
    expect(error?.message.zh).toBe('「身份证号」列：与第5行的身份证号相同，同一文件中重复。');
    expect(error?.message.en).toContain('row 5');
  });
});
