import { describe, expect, it } from 'vitest';
import {
  cleanCell,
  cleanName,
  isExcelScientific,
  isFormulaError,
  parseDateCell,
  parseDifficulty,
  parseYear,
} from './parse-values.ts';

describe('cleanCell', () => {
  it('trims whitespace of every kind, drops zero-width characters and unwraps ="…"', () => {
    expect(cleanCell(undefined)).toBe('');
    expect(cleanCell('\u3000 张三\u00a0\t')).toBe('张三');
    expect(cleanCell('张\u200b三\ufeff')).toBe('张三');
    expect(cleanCell(' ="0123" ')).toBe('0123');
  });

  it('takes off the apostrophe the error workbook writes before = + - @, and keeps any other apostrophe', () => {
    expect(cleanCell("'+86 13900001111")).toBe('+86 13900001111');
    expect(cleanCell("'=1+1")).toBe('=1+1');
    expect(cleanCell("'-2")).toBe('-2');
    expect(cleanCell("'@SUM(A1)")).toBe('@SUM(A1)');
    expect(cleanCell("'0123")).toBe("'0123");
    expect(cleanCell("O'Brien")).toBe("O'Brien");
  });
});

describe('cleanName', () => {
  it('removes inner spaces of Chinese names only', () => {
    expect(cleanName('张  三')).toBe('张三');
    expect(cleanName('热依拉・艾买提')).toBe('热依拉·艾买提');
    expect(cleanName('John  Smith')).toBe('John Smith');
  });
});

describe('recognisers', () => {
  it('know Excel error values and scientific notation', () => {
    expect(['#VALUE!', '#ref!', '#N/A', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!'].every(isFormulaError)).toBe(
      true,
    );
    expect(isFormulaError('#1')).toBe(false);
    expect(isExcelScientific('5.22427E+17')).toBe(true);
    expect(isExcelScientific('５.２２４２７Ｅ＋１７')).toBe(true);
    expect(isExcelScientific('522427')).toBe(false);
  });
});

describe('parseDateCell', () => {
  it('reads dates, year-months and Excel serials', () => {
    expect(parseDateCell('2000年01月01日')).toBe('2000-01-01');
    expect(parseDateCell('2000-01-01 00:00:00')).toBe('2000-01-01');
    expect(parseDateCell('200001')).toBe('2000-01');
    expect(parseDateCell('36526')).toBe('2000-01-01');
    expect(parseDateCell('44197')).toBe('2021-01-01');
    expect(parseDateCell('2000-02-29')).toBe('2000-02-29');
    expect(parseDateCell('1999-02-29')).toBeNull();
    expect(parseDateCell('2000-00')).toBeNull();
    expect(parseDateCell('abc')).toBeNull();
  });
});

describe('parseDifficulty and parseYear', () => {
  it('read codes, names and years', () => {
    expect(parseDifficulty('7')).toBe('7');
    expect(parseDifficulty('就业困难、家庭困难和残疾')).toBe('7');
    expect(parseDifficulty('3 就业困难和家庭困难')).toBe('3');
    expect(parseDifficulty('')).toBeNull();
    expect(parseYear('2020')).toBe(2020);
    expect(parseYear('２０２０届')).toBe(2020);
    expect(parseYear('1999')).toBeNull();
    expect(parseYear('20')).toBeNull();
  });
});
