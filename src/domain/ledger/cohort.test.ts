import { describe, expect, it } from 'vitest';
import { latestLeftCohort } from './cohort.ts';

describe('latestLeftCohort', () => {
  it('is this year’s cohort once its leaving day is over (China time), else last year’s', () => {
    expect(latestLeftCohort(new Date('2020-07-15T09:00:00Z'))).toBe(2020);
    expect(latestLeftCohort(new Date('2026-12-08T02:00:00Z'))).toBe(2026);
    expect(latestLeftCohort(new Date('2027-03-01T00:00:00Z'))).toBe(2026);
    // 30 June 23:59 in China is still the leaving day; 1 July 00:00 is not
    expect(latestLeftCohort(new Date('2020-06-30T15:59:00Z'))).toBe(2019);
    expect(latestLeftCohort(new Date('2020-06-30T16:00:00Z'))).toBe(2020);
    // new year's morning in China is already the new year
    expect(latestLeftCohort(new Date('2026-12-31T17:00:00Z'))).toBe(2026);
    expect(latestLeftCohort(new Date('2020-08-01T00:00:00Z'), '09-01')).toBe(2019);
  });
});
