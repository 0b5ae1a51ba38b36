import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DISCIPLINE_CATEGORIES,
  majorCategoryName,
  majorCategoryOf,
  majorMatches,
  normalizeMajorCode,
  VOCATIONAL_CATEGORIES,
} from './majors.ts';

const rows = (file: string) =>
  readFileSync(new URL(`../../../reference/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map(([code, name, classCode, className, categoryCode, categoryName]) => ({
      code: code!,
      name: name!,
      classCode: classCode!,
      className: className!,
      categoryCode: categoryCode!,
      categoryName: categoryName!,
    }));

describe('major codes', () => {
  it('reads category and class from the prefixes', () => {
    expect(majorCategoryOf('080901', '本科')).toEqual({ categoryCode: '08', classCode: '0809' });
    expect(majorCategoryOf('080911TK', '本科')).toEqual({ categoryCode: '08', classCode: '0809' });
    expect(majorCategoryOf('670102K', '专科')).toEqual({ categoryCode: '67', classCode: '6701' });
    expect(majorCategoryOf('0812', '研究生')).toEqual({ categoryCode: '08', classCode: '0812' });
    expect(majorCategoryOf('0812', '本科')).toBeNull();
    expect(majorCategoryOf('计算机', null)).toBeNull();
    expect(normalizeMajorCode(' 080904k ')).toBe('080904');
  });

  it('matches prefixes; an empty list is 不限', () => {
    expect(majorMatches([], '080901')).toBe(true);
    expect(majorMatches(['08'], '080901')).toBe(true);
    expect(majorMatches(['0809', '12'], '120203K')).toBe(true);
    expect(majorMatches(['0809'], '080701')).toBe(false);
    expect(majorMatches(['080904K'], '080904')).toBe(true);
    expect(majorMatches([''], '080904')).toBe(false);
    expect(majorMatches(['08'], '')).toBe(false);
  });

  it('names 门类 and 大类', () => {
    expect(majorCategoryName('08')).toBe('工学');
    expect(majorCategoryName('61')).toBe('电子信息大类');
    expect(majorCategoryName('99')).toBeNull();
  });
});

describe('the catalogues in reference/', () => {
  for (const [file, names, count] of [
    ['majors-undergraduate.csv', DISCIPLINE_CATEGORIES, 12],
    ['majors-vocational.csv', VOCATIONAL_CATEGORIES, 19],
  ] as const) {
    it(`${file}: every 门类/大类 and 专业类 is present and every row is consistent`, () => {
      const all = rows(file);
      const categories = all.filter((r) => r.code.length === 2);
      expect(categories).toHaveLength(count);
      for (const c of categories) expect(names[c.code], c.code).toBe(c.name);
      const classes = new Map(all.filter((r) => r.code.length === 4).map((r) => [r.code, r.name]));
      for (const r of all) {
        expect(names[r.categoryCode], r.code).toBe(r.categoryName);
        expect(r.code.startsWith(r.categoryCode), r.code).toBe(true);
        if (r.code.length === 2) continue;
        expect(classes.get(r.classCode), r.code).toBe(r.className);
        expect(normalizeMajorCode(r.code).startsWith(r.classCode), r.code).toBe(true);
      }
      expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
    });
  }
});
