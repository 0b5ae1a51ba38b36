/** Turns an audit event's before/after snapshots into rows for a key-by-key comparison. */

export type TDiffRow = {
  key: string;
  before: TCell;
  after: TCell;
  /** both snapshots exist and this key differs between them (added, removed or changed) */
  changed: boolean;
};

/** How one value is shown: missing key, JSON null, plain text, or (for nested values) JSON. */
export type TCell =
  | { kind: 'absent' }
  | { kind: 'null' }
  | { kind: 'text'; text: string }
  | { kind: 'json'; text: string; multiline: boolean };

export type TDiff = {
  rows: TDiffRow[];
  hasBefore: boolean;
  hasAfter: boolean;
  changedCount: number;
};

/** Nested JSON up to this long stays on one line. */
const INLINE_JSON_MAX = 60;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Rows for every key of either snapshot (before's order first, then keys only after has). Returns null when a
 * snapshot is present but not an object (an array or a bare value): the caller then shows raw JSON instead.
 */
export function diffSnapshots(before: unknown, after: unknown): TDiff | null {
  const hasBefore = before != null;
  const hasAfter = after != null;
  if ((hasBefore && !isRecord(before)) || (hasAfter && !isRecord(after))) return null;
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((key): TDiffRow => {
    const inBefore = Object.hasOwn(b, key);
    const inAfter = Object.hasOwn(a, key);
    return {
      key,
      before: inBefore ? toCell(b[key]) : { kind: 'absent' },
      after: inAfter ? toCell(a[key]) : { kind: 'absent' },
      changed: hasBefore && hasAfter && (inBefore !== inAfter || !sameJson(b[key], a[key])),
    };
  });
  return { rows, hasBefore, hasAfter, changedCount: rows.filter((r) => r.changed).length };
}

export function toCell(value: unknown): TCell {
  if (value === undefined) return { kind: 'absent' };
  if (value === null) return { kind: 'null' };
  if (typeof value === 'object') {
    const compact = JSON.stringify(value);
    return compact.length <= INLINE_JSON_MAX
      ? { kind: 'json', text: compact, multiline: false }
      : { kind: 'json', text: JSON.stringify(value, null, 2), multiline: true };
  }
  return { kind: 'text', text: String(value) };
}

/** Structural equality of JSON values, ignoring object key order. */
export function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) || Array.isArray(y)) {
    return (
      Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => sameJson(v, y[i]))
    );
  }
  if (isRecord(x) && isRecord(y)) {
    const kx = Object.keys(x);
    return (
      kx.length === Object.keys(y).length && kx.every((k) => Object.hasOwn(y, k) && sameJson(x[k], y[k]))
    );
  }
  return false;
}
