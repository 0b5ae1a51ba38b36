import { getFieldSpecs, requiredFields, type TFieldKey, type TImportKind } from './fields.ts';
import { REGISTRY_HEADER_ALIASES, ROSTER_HEADER_ALIASES } from './header-aliases.ts';

/**
 * Canonical form of a header cell: full-width → half-width (NFKC), bracketed notes such as "（必填）" or
 * "【18位】" removed, then spaces, line breaks, colons, asterisks, underscores, dashes and dots removed and
 * lower-cased. Two headers that differ only in such decoration are the same column to a person, so to us.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/[\s:*_\-.]/g, '')
    .toLowerCase();
}

function buildDictionary(aliases: Record<string, readonly string[]>): Map<string, string> {
  const dict = new Map<string, string>();
  for (const [field, variants] of Object.entries(aliases)) {
    for (const variant of variants) dict.set(normalizeHeader(variant), field);
  }
  return dict;
}

// Built once per module load; aliases are normalised the same way as the headers they are compared with.
const DICTIONARIES: Record<TImportKind, Map<string, string>> = {
  roster: buildDictionary(ROSTER_HEADER_ALIASES),
  registry: buildDictionary(REGISTRY_HEADER_ALIASES),
};

/** The field a header names, or null. Exact after normalisation: no fuzzy matching, no confidence. */
export function matchHeader<K extends TImportKind>(kind: K, header: string): TFieldKey<K> | null {
  const key = normalizeHeader(header);
  if (key === '') return null;
  return (DICTIONARIES[kind].get(key) as TFieldKey<K> | undefined) ?? null;
}

export type THeaderMapping<F extends string> = {
  /** field → 0-based column index; the first column wins when several name the same field */
  mapping: Partial<Record<F, number>>;
  /** non-blank header columns that name no field */
  unmapped: number[];
  missingRequired: F[];
  /** fields named by more than one column, with all those columns in order */
  duplicates: { field: F; columns: number[] }[];
};

export type TGuessOptions<F extends string> = {
  /** an organisation's saved template: field → header text as it appears in its files; wins over the dictionary */
  template?: Partial<Record<F, string>>;
};

/**
 * Map header cells to fields. Deterministic: the same headers always give the same mapping, so the preview the
 * user confirms is exactly what the import uses.
 */
export function guessMapping<K extends TImportKind>(
  kind: K,
  headers: readonly string[],
  options: TGuessOptions<TFieldKey<K>> = {},
): THeaderMapping<TFieldKey<K>> {
  type F = TFieldKey<K>;
  const fromTemplate = new Map<string, F>();
  for (const [field, header] of Object.entries(options.template ?? {}) as [F, string | undefined][]) {
    if (header) fromTemplate.set(normalizeHeader(header), field);
  }
  const columnsByField = new Map<F, number[]>();
  const unmapped: number[] = [];
  headers.forEach((header, column) => {
    const key = normalizeHeader(header ?? '');
    if (key === '') return;
    const field = fromTemplate.get(key) ?? matchHeader(kind, header);
    if (field === null) {
      unmapped.push(column);
      return;
    }
    columnsByField.set(field, [...(columnsByField.get(field) ?? []), column]);
  });

  const mapping: Partial<Record<F, number>> = {};
  const duplicates: { field: F; columns: number[] }[] = [];
  // Field order, not column order, so results compare equal across files with shuffled columns
  for (const { key } of getFieldSpecs(kind)) {
    const columns = columnsByField.get(key);
    if (!columns) continue;
    mapping[key] = columns[0] as number;
    if (columns.length > 1) duplicates.push({ field: key, columns });
  }
  const missingRequired = requiredFields(kind).filter((key) => mapping[key] === undefined);
  return { mapping, unmapped, missingRequired, duplicates };
}

/**
 * Index of the header row among the first `maxScan` rows: the first row that maps every required field or at
 * least three known fields. Skips title rows ("XX大学2020届毕业生生源信息表"), merged-cell remnants and blank
 * rows above the header. Null when no row qualifies.
 */
export function findHeaderRow<K extends TImportKind>(
  kind: K,
  rows: readonly (readonly string[])[],
  maxScan = 10,
  options: TGuessOptions<TFieldKey<K>> = {},
): number | null {
  const limit = Math.min(rows.length, maxScan);
  for (let i = 0; i < limit; i++) {
    const { mapping, missingRequired } = guessMapping(kind, rows[i] ?? [], options);
    if (missingRequired.length === 0 || Object.keys(mapping).length >= 3) return i;
  }
  return null;
}

/** The mapped cells of one data row, ready for `validateRosterRow` / `validateRegistryRow`. */
export function pickCells<F extends string>(
  mapping: Partial<Record<F, number>>,
  row: readonly (string | undefined)[],
): Partial<Record<F, string>> {
  const cells: Partial<Record<F, string>> = {};
  for (const [field, column] of Object.entries(mapping) as [F, number | undefined][]) {
    const value = column === undefined ? undefined : row[column];
    if (value !== undefined) cells[field] = value;
  }
  return cells;
}
