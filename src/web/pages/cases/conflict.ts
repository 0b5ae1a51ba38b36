/** One row of the conflict table: a field, what the user sent and what is stored now. */
export type TConflictRow = { field: string; yours: unknown; theirs: unknown; differs: boolean };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested objects one level down become `parent.child` fields (needs.regions, destination.employer). */
function flatten(value: Record<string, unknown> | null | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(value ?? {})) {
    if (isPlainObject(v)) for (const [ck, cv] of Object.entries(v)) out.set(`${k}.${ck}`, cv);
    else out.set(k, v);
  }
  return out;
}

/** Empty values compare equal whatever their shape (null, '', [], absent), so only real differences show. */
function normalized(v: unknown): string {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return '∅';
  if (Array.isArray(v)) return JSON.stringify([...v].map(String).sort());
  return JSON.stringify(v);
}

/**
 * The two sides of a version conflict, field by field, in the order the user's side names them (fields only
 * the stored side has come last). A stored object that was never set (null) has every field empty.
 */
export function conflictRows(
  yours: Record<string, unknown>,
  theirs: Record<string, unknown>,
): TConflictRow[] {
  const mine = flatten(yours);
  const stored = flatten(theirs);
  // a parent stored as null still lines up with the user's child fields
  for (const [k, v] of Object.entries(theirs)) {
    if (v === null && isPlainObject(yours[k])) stored.delete(k);
  }
  const fields = [...new Set([...mine.keys(), ...stored.keys()])];
  return fields.map((field) => {
    const a = mine.get(field);
    const b = stored.get(field);
    return { field, yours: a, theirs: b, differs: normalized(a) !== normalized(b) };
  });
}

/** The body of an overwrite made again on the version now stored ("以我的为准再次保存"). */
export function withVersion<T extends { version: number }>(body: T, version: number): T {
  return { ...body, version };
}
