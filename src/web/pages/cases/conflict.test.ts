import { describe, expect, it } from 'vitest';
import { conflictRows, withVersion } from './conflict.ts';

describe('conflictRows', () => {
  it('lines up nested needs field by field and marks what differs', () => {
    const rows = conflictRows(
      { intention: 'employment', needs: { regions: ['520000'], salaryFloor: 3000, constraints: '' } },
      { intention: 'further_study', needs: { regions: ['520000'], salaryFloor: null } },
    );
    expect(rows).toEqual([
      { field: 'intention', yours: 'employment', theirs: 'further_study', differs: true },
      { field: 'needs.regions', yours: ['520000'], theirs: ['520000'], differs: false },
      { field: 'needs.salaryFloor', yours: 3000, theirs: null, differs: true },
      { field: 'needs.constraints', yours: '', theirs: undefined, differs: false },
    ]);
  });

  it('treats a never-set stored object as empty fields', () => {
    const rows = conflictRows(
      { destinationCode: '10', destination: { employer: '贵州茅台' } },
      { destinationCode: null, destination: null },
    );
    expect(rows.map((r) => [r.field, r.differs])).toEqual([
      ['destinationCode', true],
      ['destination.employer', true],
    ]);
  });

  it('ignores the order of list values', () => {
    const [row] = conflictRows({ plannedMeasures: ['a', 'b'] }, { plannedMeasures: ['b', 'a'] });
    expect(row?.differs).toBe(false);
  });

  it('keeps fields only the stored side has', () => {
    const rows = conflictRows({ status: 'paused' }, { status: 'seeking', note: 'x' });
    expect(rows.map((r) => r.field)).toEqual(['status', 'note']);
  });
});

describe('withVersion', () => {
  it('re-sends the same body on the stored version', () => {
    expect(withVersion({ version: 3, status: 'closed' }, 5)).toEqual({ version: 5, status: 'closed' });
  });
});
