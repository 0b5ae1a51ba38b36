import { describe, expect, it } from 'vitest';
import { zDate, zDateTime, zLine, zMultiline, zRawLine } from './primitives.ts';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  schema.safeParse(v).success;

describe('text primitives', () => {
  it('refuse NUL, control characters and lone surrogates, and keep ordinary text (Chinese, emoji)', () => {
    for (const schema of [zLine(), zMultiline(), zRawLine()]) {
      expect(ok(schema, '张三 · 阿依古丽 🎓')).toBe(true);
      for (const bad of [
        'a\u0000b',
        'a\u0007b',
        'a\u001bb',
        'a\u007fb',
        'a\u0085b',
        'a\ud800b',
        'a\udc00b',
        '\ud83c',
      ])
        expect(ok(schema, bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('allow \\n and \\t inside multi-line text only', () => {
    expect(ok(zMultiline(), '第一行\n\t第二行')).toBe(true);
    expect(ok(zLine(), '第一行\n第二行')).toBe(false);
    expect(ok(zLine(), 'a\tb')).toBe(false);
    expect(ok(zMultiline(), 'a\rb')).toBe(false);
  });

  it('trim, and keep the length checks chained after them', () => {
    const name = zLine().min(2).max(4);
    expect(name.parse('  张三 ')).toBe('张三');
    expect(ok(name, '张三李四王')).toBe(false);
    expect(zRawLine().parse(' pass ')).toBe(' pass ');
  });
});

describe('date primitives', () => {
  it('accept real calendar dates between 1900 and 2100, leap days included', () => {
    for (const v of ['2020-07-01', '2024-02-29', '2000-02-29', '1900-01-01', '2100-12-31'])
      expect(ok(zDate(), v), v).toBe(true);
  });

  it('refuse impossible dates and years out of range', () => {
    for (const v of [
      '2026-02-30',
      '0000-00-00',
      '2023-02-29',
      '1900-02-29',
      '2026-13-01',
      '0000-01-01',
      '2101-01-01',
      '2020-7-1',
      '2020-07-01x',
    ])
      expect(ok(zDate(), v), v).toBe(false);
  });

  it('date-times need an offset, a real date and a sane year', () => {
    expect(ok(zDateTime(), '2020-07-01T00:00:00+08:00')).toBe(true);
    expect(ok(zDateTime(), '2020-07-01T00:00:00.000Z')).toBe(true);
    for (const v of [
      '2026-02-30T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T00:00:00Z',
      '2020-07-01T25:00:00Z',
    ])
      expect(ok(zDateTime(), v), v).toBe(false);
  });
});
