import { describe, expect, it } from 'vitest';
import { exactProduct, fillPercent, percentOfBp, previewQuota, readRatioInput } from './zsb-model.ts';

describe('readRatioInput', () => {
  it('reads decimals and percentages as basis points', () => {
    expect(readRatioInput('0.1')).toMatchObject({ ok: true, ratioBp: 1000 });
    expect(readRatioInput('10%')).toMatchObject({ ok: true, ratioBp: 1000 });
    expect(readRatioInput(' 12.5% ')).toMatchObject({ ok: true, ratioBp: 1250 });
    expect(readRatioInput('.15')).toMatchObject({ ok: true, ratioBp: 1500 });
    expect(readRatioInput('1')).toMatchObject({ ok: true, ratioBp: 10_000 });
    expect(readRatioInput('0.10000')).toMatchObject({ ok: true, ratioBp: 1000 });
  });

  it('says why a ratio is refused', () => {
    expect(readRatioInput('')).toEqual({ ok: false, reason: 'empty' });
    expect(readRatioInput('abc')).toEqual({ ok: false, reason: 'invalid' });
    expect(readRatioInput('1.5')).toEqual({ ok: false, reason: 'invalid' });
    expect(readRatioInput('120%')).toEqual({ ok: false, reason: 'invalid' });
    expect(readRatioInput('0')).toEqual({ ok: false, reason: 'zero' });
    expect(readRatioInput('0.12345')).toEqual({ ok: false, reason: 'too_precise' });
  });
});

describe('previewQuota', () => {
  it('rounds the exact product up, as the server does', () => {
    expect(previewQuota(31, '0.1')).toEqual({ exact: '3.1', quota: 4, ratioBp: 1000 });
    expect(previewQuota(20, '15%')).toEqual({ exact: '3', quota: 3, ratioBp: 1500 });
    // floating point would give 7.000000000000001 and round up to 8
    expect(previewQuota(100, '0.07')).toEqual({ exact: '7', quota: 7, ratioBp: 700 });
    expect(previewQuota(0, '0.1')).toEqual({ exact: '0', quota: 0, ratioBp: 1000 });
    expect(previewQuota(31, 'x')).toBeNull();
  });

  it('writes products exactly', () => {
    expect(exactProduct(1234, { numerator: 125, scale: 3 })).toBe('154.25');
    expect(exactProduct(3, { numerator: 1, scale: 0 })).toBe('3');
  });
});

describe('percentOfBp and fillPercent', () => {
  it('formats ratios and fill rates for people', () => {
    expect(percentOfBp(1000)).toBe('10%');
    expect(percentOfBp(1250)).toBe('12.5%');
    expect(percentOfBp(5)).toBe('0.05%');
    expect(percentOfBp(10_000)).toBe('100%');
    expect(fillPercent(0.3333)).toBe(33.3);
    expect(fillPercent(null)).toBe(0);
  });
});
