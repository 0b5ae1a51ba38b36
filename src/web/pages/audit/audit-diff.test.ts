import { describe, expect, it } from 'vitest';
import { diffSnapshots, sameJson, toCell } from './audit-diff.ts';

describe('diffSnapshots', () => {
  it('compares an update key by key, in before order, marking what changed', () => {
    const diff = diffSnapshots(
      { displayName: '李老师', roles: ['counselor'], active: true },
      { displayName: '李明老师', roles: ['counselor', 'helper'], active: true },
    );
    expect(diff).toEqual({
      hasBefore: true,
      hasAfter: true,
      changedCount: 2,
      rows: [
        {
          key: 'displayName',
          before: { kind: 'text', text: '李老师' },
          after: { kind: 'text', text: '李明老师' },
          changed: true,
        },
        {
          key: 'roles',
          before: { kind: 'json', text: '["counselor"]', multiline: false },
          after: { kind: 'json', text: '["counselor","helper"]', multiline: false },
          changed: true,
        },
        {
          key: 'active',
          before: { kind: 'text', text: 'true' },
          after: { kind: 'text', text: 'true' },
          changed: false,
        },
      ],
    });
  });

  it('counts added and removed keys as changes, and tells null from a missing key', () => {
    const diff = diffSnapshots(
      { lockedUntil: '2020-07-01T00:00:00.000Z', a: 1 },
      { lockedUntil: null, b: 2 },
    );
    expect(diff?.rows).toEqual([
      {
        key: 'lockedUntil',
        before: { kind: 'text', text: '2020-07-01T00:00:00.000Z' },
        after: { kind: 'null' },
        changed: true,
      },
      { key: 'a', before: { kind: 'text', text: '1' }, after: { kind: 'absent' }, changed: true },
      { key: 'b', before: { kind: 'absent' }, after: { kind: 'text', text: '2' }, changed: true },
    ]);
    expect(diff?.changedCount).toBe(3);
  });

  it('marks nothing as changed when only one snapshot exists', () => {
    const diff = diffSnapshots(null, { failedLogins: 3 });
    expect(diff).toEqual({
      hasBefore: false,
      hasAfter: true,
      changedCount: 0,
      rows: [
        {
          key: 'failedLogins',
          before: { kind: 'absent' },
          after: { kind: 'text', text: '3' },
          changed: false,
        },
      ],
    });
    expect(diffSnapshots({ lockedUntil: null }, undefined)?.hasAfter).toBe(false);
  });

  it('ignores key order inside nested objects', () => {
    const diff = diffSnapshots({ o: { x: 1, y: 2 } }, { o: { y: 2, x: 1 } });
    expect(diff?.changedCount).toBe(0);
  });

  it('gives up on snapshots that are not objects, so the caller shows raw JSON', () => {
    expect(diffSnapshots([1, 2], { a: 1 })).toBeNull();
    expect(diffSnapshots({ a: 1 }, 'text')).toBeNull();
    expect(diffSnapshots(null, 3)).toBeNull();
  });

  it('has no rows when both are missing', () => {
    expect(diffSnapshots(null, null)).toEqual({
      rows: [],
      hasBefore: false,
      hasAfter: false,
      changedCount: 0,
    });
  });
});

describe('toCell', () => {
  it('shows short nested values inline and long ones pretty-printed', () => {
    expect(toCell({ a: 1 })).toEqual({ kind: 'json', text: '{"a":1}', multiline: false });
    const long = {
      errors: [
        { row: 3, code: 'bad_id' },
        { row: 9, code: 'unknown_county_code' },
      ],
    };
    expect(toCell(long)).toEqual({ kind: 'json', text: JSON.stringify(long, null, 2), multiline: true });
  });

  it('shows scalars as text', () => {
    expect(toCell(false)).toEqual({ kind: 'text', text: 'false' });
    expect(toCell(0)).toEqual({ kind: 'text', text: '0' });
    expect(toCell('')).toEqual({ kind: 'text', text: '' });
  });
});

describe('sameJson', () => {
  it('compares structurally', () => {
    expect(sameJson([1, { a: [2] }], [1, { a: [2] }])).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
