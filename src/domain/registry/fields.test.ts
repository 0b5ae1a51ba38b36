import { describe, expect, it } from 'vitest';
import { getFieldSpec, getFieldSpecs, REGISTRY_FIELDS, ROSTER_FIELDS, requiredFields } from './fields.ts';
import { REGISTRY_HEADER_ALIASES, ROSTER_HEADER_ALIASES } from './header-aliases.ts';
import { matchHeader } from './headers.ts';

describe('import fields', () => {
  it('require name, ID number and level for a roster, only the ID number for the registry', () => {
    expect(requiredFields('roster')).toEqual(['name', 'idNumber', 'level']);
    expect(requiredFields('registry')).toEqual(['idNumber']);
  });

  it('give every field a label and an expected form in both languages', () => {
    for (const spec of [...ROSTER_FIELDS, ...REGISTRY_FIELDS]) {
      expect(spec.label.zh && spec.label.en && spec.expected.zh && spec.expected.en).toBeTruthy();
    }
    expect(getFieldSpec('roster', 'idNumber').expected).toEqual({
      zh: '18位身份证号码（设置为文本格式）',
      en: '18-digit ID number (column formatted as text)',
    });
  });

  it('have keys that are unique and each recognised by its own label as a header', () => {
    for (const kind of ['roster', 'registry'] as const) {
      const keys = getFieldSpecs(kind).map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
      const aliases: Record<string, readonly string[]> =
        kind === 'roster' ? ROSTER_HEADER_ALIASES : REGISTRY_HEADER_ALIASES;
      expect(Object.keys(aliases).sort()).toEqual([...keys].sort());
      // files made from our own template must map back without help
      for (const spec of getFieldSpecs(kind)) {
        expect(matchHeader(kind, spec.label.zh)).toBe(spec.key);
        expect(matchHeader(kind, spec.label.en)).toBe(spec.key);
      }
    }
  });

  it('throw on a key the kind does not have', () => {
    // @ts-expect-error: level is a roster field
    expect(() => getFieldSpec('registry', 'level')).toThrow('unknown registry field: level');
  });
});
