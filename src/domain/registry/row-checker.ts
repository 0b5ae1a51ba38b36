import { parseIdNumber } from '../id-number.ts';
import { getFieldSpec, getFieldSpecs, MAX_CELL_LENGTH, type TFieldKey, type TImportKind } from './fields.ts';
import { describeError, describeWarning, previewValue } from './messages.ts';
import { cleanCell, cleanCode, isFormulaError, isFormulaText } from './parse-values.ts';
import type { TCellError, TCellErrorCode, TCellWarning, TCellWarningCode } from './schemas.ts';

/**
 * Collects the errors and warnings of one row. Cells that are too long or hold a formula are reported once,
 * up front, and then read as blank by every later check, so one bad cell never yields a cascade of errors.
 */
export class RowChecker<K extends TImportKind> {
  private readonly found: TCellError<TFieldKey<K>>[] = [];
  private readonly noted: TCellWarning<TFieldKey<K>>[] = [];
  private readonly values = new Map<TFieldKey<K>, string>();
  private readonly blocked = new Set<TFieldKey<K>>();

  constructor(
    private readonly kind: K,
    cells: Partial<Record<TFieldKey<K>, string | undefined>>,
  ) {
    for (const [field, raw] of Object.entries(cells) as [TFieldKey<K>, string | undefined][]) {
      if (raw === undefined) continue;
      if (raw.length > MAX_CELL_LENGTH) {
        this.blocked.add(field);
        this.error(field, 'cell_too_long', raw, { length: raw.length });
        continue;
      }
      const value = cleanCell(raw);
      if (isFormulaError(value) || isFormulaText(value)) {
        this.blocked.add(field);
        this.error(field, 'formula_error', value, { formulaText: isFormulaText(value) });
        continue;
      }
      if (value !== '') this.values.set(field, value);
    }
  }

  /** Errors in the order of the template's columns, so a row reads left to right whatever the checks' order. */
  get errors(): TCellError<TFieldKey<K>>[] {
    return this.inFieldOrder(this.found);
  }

  get hasErrors(): boolean {
    return this.found.length > 0;
  }

  get warnings(): TCellWarning<TFieldKey<K>>[] {
    return this.inFieldOrder(this.noted);
  }

  private inFieldOrder<T extends { field: TFieldKey<K> }>(items: T[]): T[] {
    const order = getFieldSpecs(this.kind).map((s) => s.key);
    return [...items].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  }

  /** The cleaned cell, or undefined when blank or already reported. */
  get(field: TFieldKey<K>): string | undefined {
    return this.values.get(field);
  }

  /** Like `get`, and reports `required` when the cell is blank (but not when it was already reported). */
  require(field: TFieldKey<K>): string | undefined {
    const value = this.values.get(field);
    if (value === undefined && !this.blocked.has(field)) this.error(field, 'required', '');
    return value;
  }

  /** The cleaned cell or null: for free-text columns that only need trimming. */
  text(field: TFieldKey<K>): string | null {
    return this.values.get(field) ?? null;
  }

  error(
    field: TFieldKey<K>,
    code: TCellErrorCode,
    value: string,
    params: Record<string, unknown> = {},
  ): void {
    const spec = getFieldSpec(this.kind, field);
    const shown = previewValue(value);
    const { message, expected } = describeError(
      code,
      { ...params, label: spec.label, value: shown },
      spec.expected,
    );
    this.found.push({ field, code, value: shown, message, expected });
  }

  warn(
    field: TFieldKey<K>,
    code: TCellWarningCode,
    value: string,
    params: Record<string, unknown> = {},
  ): void {
    const spec = getFieldSpec(this.kind, field);
    const shown = previewValue(value);
    this.noted.push({
      field,
      code,
      value: shown,
      message: describeWarning(code, { ...params, label: spec.label, value: shown }),
    });
  }

  /**
   * The required ID number, normalised and validated, with the ID's birth date and gender; undefined after
   * reporting why not. Excel damage gets its own codes because the fix (format the column as text) differs.
   */
  idNumber(field: TFieldKey<K>) {
    const raw = this.require(field);
    if (raw === undefined) return undefined;
    const parsed = parseIdNumber(cleanCode(raw));
    if (!parsed.ok && parsed.error === 'empty') {
      // only decoration such as a lone apostrophe: as blank as an empty cell
      this.error(field, 'required', raw);
      return undefined;
    }
    if (!parsed.ok) {
      const digits = cleanCode(raw).toUpperCase();
      const birth = digits.length === 15 ? `19${digits.slice(6, 12)}` : digits.slice(6, 14);
      this.error(field, `id_${parsed.error}` as TCellErrorCode, raw, { birth });
      return undefined;
    }
    if (/^\d{15}$/.test(cleanCode(raw))) this.warn(field, 'id_legacy_15', raw, { converted: parsed.value });
    return parsed;
  }

  /**
   * A county code from the cell, else from the ID prefix, mapped to the current code. Codes that are neither
   * current nor historical are an error only when typed in the cell: the ID prefix is what it is.
   */
  county(
    field: TFieldKey<K>,
    idPrefix: string | undefined,
    resolve: (code: string) => string | null,
    codes: { unknown: TCellErrorCode; historical: TCellWarningCode; unresolved?: TCellWarningCode },
  ): { code: string | null; raw: string; source: 'cell' | 'id_prefix' } | undefined {
    const cell = this.get(field);
    if (cell !== undefined) {
      const raw = cleanCode(cell);
      const current = /^\d{6}$/.test(raw) ? resolve(raw) : null;
      if (current === null) {
        this.error(field, codes.unknown, cell);
        return undefined;
      }
      if (current !== raw) this.warn(field, codes.historical, cell, { from: raw, to: current });
      return { code: current, raw, source: 'cell' };
    }
    if (idPrefix === undefined) return undefined;
    const current = resolve(idPrefix);
    if (current === null && codes.unresolved) this.warn(field, codes.unresolved, '', { from: idPrefix });
    if (current !== null && current !== idPrefix) {
      this.warn(field, codes.historical, '', { from: idPrefix, to: current, fromIdPrefix: true });
    }
    return { code: current, raw: idPrefix, source: 'id_prefix' };
  }
}
