import { maskIdNumber } from '../id-number.ts';
import { getFieldSpec } from './fields.ts';
import { describeError } from './messages.ts';
import type { TCellError } from './schemas.ts';

export type TDuplicateGroup = {
  /** the normalised ID number shared by the rows */
  idNumber: string;
  /** row numbers in ascending order; the first is kept, the others are `duplicate_row` errors */
  rowNos: number[];
};

/**
 * Rows of one file that carry the same (normalised) ID number, in order of first appearance. A person listed
 * twice is a mistake in the file whichever copy is right, so the importer keeps the first and rejects the rest
 * rather than guess which to keep.
 */
export function findDuplicateRows(
  records: readonly { rowNo: number; idNumber: string }[],
): TDuplicateGroup[] {
  const byId = new Map<string, number[]>();
  for (const { rowNo, idNumber } of records) {
    const rows = byId.get(idNumber);
    if (rows) rows.push(rowNo);
    else byId.set(idNumber, [rowNo]);
  }
  const groups: TDuplicateGroup[] = [];
  for (const [idNumber, rowNos] of byId) {
    if (rowNos.length > 1) groups.push({ idNumber, rowNos: [...rowNos].sort((a, b) => a - b) });
  }
  return groups.sort((a, b) => (a.rowNos[0] as number) - (b.rowNos[0] as number));
}

/**
 * The `duplicate_row` error of every row but the first of each group, keyed by row number. The value is the
 * masked ID: the user needs the row it repeats, and error lists are stored.
 */
export function duplicateRowErrors(groups: readonly TDuplicateGroup[]): Map<number, TCellError<'idNumber'>> {
  const spec = getFieldSpec('roster', 'idNumber');
  const errors = new Map<number, TCellError<'idNumber'>>();
  for (const { idNumber, rowNos } of groups) {
    const [firstRow, ...rest] = rowNos;
    const value = maskIdNumber(idNumber);
    const { message, expected } = describeError(
      'duplicate_row',
      { label: spec.label, value, firstRow },
      spec.expected,
    );
    for (const rowNo of rest)
      errors.set(rowNo, { field: 'idNumber', code: 'duplicate_row', value, message, expected });
  }
  return errors;
}
