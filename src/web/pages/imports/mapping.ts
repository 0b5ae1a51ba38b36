import {
  getFieldSpecs,
  requiredFields,
  type TBilingual,
  type TImportKind,
} from '../../../domain/registry/fields.ts';

/** field key → 0-based column; a field left out is not mapped */
export type TMapping = Record<string, number>;

/** Columns offered when the header row was not found and the file's width is unknown (A … AD). */
export const UNKNOWN_WIDTH_COLUMNS = 30;
/** The server looks for the header in the first rows only. */
export const MAX_HEADER_ROW = 10;

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`bad column index ${index}`);
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The inverse of `columnLetter` (case-insensitive); undefined for anything that is not letters. */
export function columnIndex(letters: string): number | undefined {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return undefined;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `A · 姓名`, or just `A` for a blank header cell or an unknown header row. */
export function columnLabel(index: number, headers: readonly string[] | null | undefined): string {
  const cell = headers?.[index]?.trim();
  return cell ? `${columnLetter(index)} · ${cell}` : columnLetter(index);
}

/** How many columns the mapping editor offers: the header's width, or a generous guess without one. */
export function columnCount(
  headers: readonly string[] | null | undefined,
  mapping?: TMapping | null,
): number {
  const mapped = Object.values(mapping ?? {});
  const widest = mapped.length > 0 ? Math.max(...mapped) + 1 : 0;
  return Math.max(headers?.length || UNKNOWN_WIDTH_COLUMNS, widest);
}

/** A mapping without unset entries, so two mappings compare by what they map. */
export function cleanMapping(mapping: Record<string, number | null | undefined>): TMapping {
  const out: TMapping = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (typeof column === 'number' && Number.isInteger(column) && column >= 0) out[field] = column;
  }
  return out;
}

export type TMappingChange = { field: string; from?: number; to?: number };

/** What the edited mapping changes against the original, field by field in template order. */
export function mappingDiff(
  kind: TImportKind,
  original: TMapping | null | undefined,
  edited: TMapping,
): TMappingChange[] {
  const before = original ?? {};
  const keys = getFieldSpecs(kind).map((s) => s.key as string);
  // fields the server mapped that this client does not know still count
  for (const key of [...Object.keys(before), ...Object.keys(edited)]) if (!keys.includes(key)) keys.push(key);
  return keys.flatMap((field) =>
    before[field] === edited[field] ? [] : [{ field, from: before[field], to: edited[field] }],
  );
}

/** Required fields of the kind that the mapping leaves unmapped. */
export function missingRequired(kind: TImportKind, mapping: TMapping): string[] {
  return requiredFields(kind).filter((key) => mapping[key] === undefined);
}

/** Columns that more than one field reads, with those fields. */
export function sharedColumns(mapping: TMapping): Map<number, string[]> {
  const byColumn = new Map<number, string[]>();
  for (const [field, column] of Object.entries(mapping)) {
    byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
  }
  return new Map([...byColumn].filter(([, fields]) => fields.length > 1));
}

/** The label of a field in the reader's language; the raw key for one this client does not know. */
export function fieldLabel(kind: TImportKind, field: string, language: string): string {
  const spec = getFieldSpecs(kind).find((s) => s.key === field);
  return spec ? pickBilingual(spec.label, language) : field;
}

/** The half of a bilingual pair in the reader's language. */
export function pickBilingual(text: TBilingual | null | undefined, language: string): string {
  if (!text) return '';
  return language.startsWith('zh') ? text.zh : text.en;
}

/**
 * The half of a server message written as "中文 / English" in the reader's language; a message that is not in
 * two halves comes back whole. Only the first " / " splits, so an English half may itself contain slashes.
 */
export function pickServerText(text: string, language: string): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text.trim();
  const zh = text.slice(0, at).trim();
  const en = text.slice(at + 3).trim();
  return language.startsWith('zh') ? zh || en : en || zh;
}
