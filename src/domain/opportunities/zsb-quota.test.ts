import { describe, expect, it } from 'vitest';
import {
  buildZsbReportRow,
  computeZsbQuota,
  formatZsbRatio,
  parseZsbRatio,
  totalZsbReport,
  ZSB_RATIO_RE,
} from './zsb-quota.ts';

describe('专升本 quota', () => {
  it('rounds up exactly, where floating point would not', () => {
    expect(Math.ceil(0.07 * 100)).toBe(8); // the reason for integer arithmetic: 7.000000000000001
    expect(computeZsbQuota({ base: 300, ratio: '0.07' }).quota).toBe(21);
    expect(computeZsbQuota({ base: 100, ratio: '0.14' }).quota).toBe(14);
    expect(computeZsbQuota({ base: 20, ratio: '0.15' }).quota).toBe(3);
    expect(computeZsbQuota({ base: 31, ratio: '0.1' }).quota).toBe(4);
    expect(computeZsbQuota({ base: 30, ratio: '0.1' }).quota).toBe(3);
    expect(computeZsbQuota({ base: 100, ratio: '0.07' }).quota).toBe(7);
    expect(computeZsbQuota({ base: 1, ratio: '0.000001' }).quota).toBe(1);
    expect(computeZsbQuota({ base: 0, ratio: '0.1' }).quota).toBe(0);
    expect(computeZsbQuota({ base: 57, ratio: '0' }).quota).toBe(0);
    expect(computeZsbQuota({ base: 57, ratio: '1' }).quota).toBe(57);
  });

  it('accepts decimals, percentages and basis points alike', () => {
    expect(computeZsbQuota({ base: 20, ratio: '15%' })).toEqual({ base: 20, ratio: '0.15', quota: 3 });
    expect(computeZsbQuota({ base: 20, ratio: { basisPoints: 1500 } })).toEqual({
      base: 20,
      ratio: '0.15',
      quota: 3,
    });
    expect(computeZsbQuota({ base: 9, ratio: '12.5%' })).toEqual({ base: 9, ratio: '0.125', quota: 2 });
    expect(computeZsbQuota({ base: 8, ratio: '.125' }).quota).toBe(1);
    expect(computeZsbQuota({ base: 1_000_000_007, ratio: '0.333333' }).quota).toBe(333_333_003);
  });

  it('rejects malformed or out-of-range input', () => {
    for (const bad of ['', 'abc', '1.5', '-0.1', '150%', '0.1234567', '1e-1', '0,1']) {
      expect(parseZsbRatio(bad), bad).toBeNull();
      expect(() => computeZsbQuota({ base: 10, ratio: bad })).toThrow(RangeError);
    }
    expect(ZSB_RATIO_RE.test('0.15')).toBe(true);
    expect(parseZsbRatio({ basisPoints: 10_001 })).toBeNull();
    expect(parseZsbRatio({ basisPoints: 1.5 })).toBeNull();
    expect(() => computeZsbQuota({ base: -1, ratio: '0.1' })).toThrow(RangeError);
    expect(() => computeZsbQuota({ base: 2.5, ratio: '0.1' })).toThrow(RangeError);
  });

  it('formats ratios without trailing zeros', () => {
    expect(formatZsbRatio({ numerator: 1000, scale: 4 })).toBe('0.1');
    expect(formatZsbRatio({ numerator: 5, scale: 3 })).toBe('0.005');
    expect(formatZsbRatio({ numerator: 100, scale: 2 })).toBe('1');
    expect(formatZsbRatio({ numerator: 0, scale: 2 })).toBe('0');
  });
});

describe('专升本 report', () => {
  it('builds province rows and a total with fill rates', () => {
    const gz = buildZsbReportRow({
      provinceCode: '52',
      cohort: 2020,
      base: 31,
      ratio: '0.1',
      applicants: 9,
      admitted: 3,
    });
    expect(gz).toEqual({
      provinceCode: '52',
      cohort: 2020,
      base: 31,
      ratio: '0.1',
      quota: 4,
      applicants: 9,
      admitted: 3,
      fillRate: 0.75,
      remaining: 1,
    });
    const yn = buildZsbReportRow({
      provinceCode: '53',
      cohort: 2020,
      base: 20,
      ratio: '0.15',
      applicants: 2,
      admitted: 2,
    });
    expect(yn.fillRate).toBe(0.6667);
    const empty = buildZsbReportRow({
      provinceCode: '65',
      cohort: 2020,
      base: 0,
      ratio: '0.1',
      applicants: 0,
      admitted: 0,
    });
    expect(empty).toMatchObject({ quota: 0, fillRate: null, remaining: 0 });
    expect(totalZsbReport([gz, yn, empty], 2020)).toEqual({
      provinceCode: '',
      cohort: 2020,
      base: 51,
      ratio: '',
      quota: 7,
      applicants: 11,
      admitted: 5,
      fillRate: 0.7143,
      remaining: 2,
    });
  });
});
