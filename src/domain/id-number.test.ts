import { describe, expect, it } from 'vitest';
import {
  computeCheckChar,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  parseIdNumber,
} from './id-number.ts';

const toFullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('computeCheckChar', () => {
  it('matches the worked examples of GB 11643-1999', () => {
    // 11010519491231002X and 440524188001010014 are the standard's own sample numbers
    expect(computeCheckChar('11010519491231002')).toBe('X');
    expect(computeCheckChar('44052418800101001')).toBe('4');
  });
});

describe('parseIdNumber', () => {
  it('accepts a valid 18-digit number and reads region, birth date and gender from it', () => {
    const id = makeIdNumber('522427', '19980512', 123);
    expect(parseIdNumber(id)).toEqual({
      ok: true,
      value: id,
      regionCode: '522427',
      birthDate: '1998-05-12',
      gender: 'male',
    });
    const even = makeIdNumber('522427', '19980512', 124);
    expect(parseIdNumber(even)).toMatchObject({ ok: true, gender: 'female' });
  });

  it('accepts the standard sample number ending in X, also written with a lower-case x', () => {
    expect(parseIdNumber('11010519491231002X')).toMatchObject({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(parseIdNumber('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('normalises full-width digits, full-width X and spaces (as pasted from Word or WeChat)', () => {
    const id = '52242719980518123X';
    expect(parseIdNumber(toFullWidth(id))).toMatchObject({ ok: true, value: id });
    expect(parseIdNumber(' 522427 19980518 123x ')).toMatchObject({ ok: true, value: id });
    expect(parseIdNumber('522427\u300019980518\u3000123X')).toMatchObject({ ok: true, value: id });
    expect(parseIdNumber('５２２４２７１９９８０５１８１２３ｘ')).toMatchObject({ ok: true, value: id });
    expect(normalizeIdNumber('１２３ ４ｘ')).toBe('1234X');
  });

  it('converts a legacy 15-digit number: inserts 19 into the year and computes the check character', () => {
    expect(parseIdNumber('110105491231002')).toEqual({
      ok: true,
      value: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(parseIdNumber('440524800101001')).toMatchObject({
      ok: true,
      value: makeIdNumber('440524', '19800101', 1),
      gender: 'male',
    });
  });

  it('recognises Excel scientific notation and says so', () => {
    expect(parseIdNumber('5.22427E+17')).toEqual({ ok: false, error: 'excel_scientific' });
    expect(parseIdNumber('5.22427e+17')).toEqual({ ok: false, error: 'excel_scientific' });
    expect(parseIdNumber('5E+17')).toEqual({ ok: false, error: 'excel_scientific' });
  });

  it('flags 18 digits ending in 000 with a wrong checksum as rounded by Excel', () => {
    // 522427199805011003 is the valid number; Excel keeps 15 significant digits and shows …1000
    expect(parseIdNumber('522427199805011003')).toMatchObject({ ok: true });
    expect(parseIdNumber('522427199805011000')).toEqual({ ok: false, error: 'excel_rounded' });
  });

  it('does not flag a valid number that happens to end in 000', () => {
    expect(parseIdNumber('522427199805061000')).toMatchObject({ ok: true, value: '522427199805061000' });
  });

  it('reports a wrong check character as bad_checksum', () => {
    const id = makeIdNumber('522427', '19980512', 123);
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(parseIdNumber(wrong)).toEqual({ ok: false, error: 'bad_checksum' });
    expect(parseIdNumber('11010519491231002Y')).toEqual({ ok: false, error: 'bad_format' });
  });

  it('rejects impossible birth dates', () => {
    expect(parseIdNumber(makeIdNumber('522427', '20000230', 1))).toEqual({
      ok: false,
      error: 'bad_birth_date',
    });
    expect(parseIdNumber(makeIdNumber('522427', '19981301', 1))).toEqual({
      ok: false,
      error: 'bad_birth_date',
    });
    expect(parseIdNumber(makeIdNumber('522427', '19980500', 1))).toEqual({
      ok: false,
      error: 'bad_birth_date',
    });
    expect(parseIdNumber(makeIdNumber('522427', '19990229', 1))).toEqual({
      ok: false,
      error: 'bad_birth_date',
    });
    expect(parseIdNumber(makeIdNumber('522427', '18991231', 1))).toEqual({
      ok: false,
      error: 'bad_birth_date',
    });
    // 2000 was a leap year
    expect(parseIdNumber(makeIdNumber('522427', '20000229', 1))).toMatchObject({ ok: true });
  });

  it('rejects empty input and wrong lengths', () => {
    expect(parseIdNumber('')).toEqual({ ok: false, error: 'empty' });
    expect(parseIdNumber('   ')).toEqual({ ok: false, error: 'empty' });
    expect(parseIdNumber('5224271998051212')).toEqual({ ok: false, error: 'bad_format' });
    expect(parseIdNumber('5224271998051212345')).toEqual({ ok: false, error: 'bad_format' });
    expect(parseIdNumber('52242719980512123A')).toEqual({ ok: false, error: 'bad_format' });
  });
});

describe('masking', () => {
  it('shows only the first four and last four characters of an ID number', () => {
    expect(maskIdNumber('52242719980518123X')).toBe('5224**********123X');
    expect(maskIdNumber('52242719980518123X')).toHaveLength(18);
    expect(maskIdNumber('12345678')).toBe('********');
  });

  it('shows only the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123456')).toBe('******');
  });
});
