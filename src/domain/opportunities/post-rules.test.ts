import { describe, expect, it } from 'vitest';
import { canMoveApplication, employerMayPost } from './codes.ts';
import { regionPrefix, rulesOfPost } from './post-rules.ts';

describe('rulesOfPost', () => {
  it('turns the minimum level and accepted majors into rules ahead of the post’s own', () => {
    expect(
      rulesOfPost({
        minLevel: '本科',
        majorPrefixes: ['0809'],
        eligibilityRules: [{ kind: 'max_age', years: 30, referenceDate: '2020-08-31' }],
      }),
    ).toEqual([
      { kind: 'min_level', level: '本科' },
      { kind: 'major_categories', codes: ['0809'] },
      { kind: 'max_age', years: 30, referenceDate: '2020-08-31' },
    ]);
  });

  it('adds nothing for 不限, and never doubles a rule the post states itself', () => {
    expect(rulesOfPost({ minLevel: null, majorPrefixes: [], eligibilityRules: [] })).toEqual([]);
    const own = [{ kind: 'min_level' as const, level: '专科' as const }];
    expect(rulesOfPost({ minLevel: '本科', majorPrefixes: [], eligibilityRules: own })).toEqual(own);
  });
});

describe('regionPrefix', () => {
  it('drops the trailing zero pairs of provinces and prefectures', () => {
    expect(regionPrefix('520000')).toBe('52');
    expect(regionPrefix('520500')).toBe('5205');
    expect(regionPrefix('520526')).toBe('520526');
  });
});

describe('the application funnel', () => {
  it('moves forward or out, and hired, rejected and withdrawn are final', () => {
    expect(canMoveApplication('applied', 'interview')).toBe(true);
    expect(canMoveApplication('applied', 'offer')).toBe(true);
    expect(canMoveApplication('offer', 'hired')).toBe(true);
    expect(canMoveApplication('applied', 'hired')).toBe(false);
    expect(canMoveApplication('interview', 'applied')).toBe(false);
    for (const final of ['hired', 'rejected', 'withdrawn'] as const) {
      expect(canMoveApplication(final, 'interview')).toBe(false);
      expect(canMoveApplication(final, 'withdrawn')).toBe(false);
    }
  });

  it('lets employers post jobs, internships and training but not policy posts or study routes', () => {
    expect(employerMayPost('market_job')).toBe(true);
    expect(employerMayPost('internship')).toBe(true);
    expect(employerMayPost('skills_training')).toBe(true);
    expect(employerMayPost('tegang')).toBe(false);
    expect(employerMayPost('zhuanshengben')).toBe(false);
  });
});
