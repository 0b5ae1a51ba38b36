import { describe, expect, it } from 'vitest';
import { compareZh, matchesText } from './text-match.ts';

describe('matchesText', () => {
  it('matches any field, ignoring case and surrounding blanks', () => {
    expect(matchesText(' weining ', '威宁', 'WeiNing')).toBe(true);
    expect(matchesText('522427', '520526', null, '522427')).toBe(true);
    expect(matchesText('昭觉', '威宁', undefined)).toBe(false);
  });

  it('treats an empty filter as matching everything', () => {
    expect(matchesText('  ')).toBe(true);
  });
});

describe('compareZh', () => {
  it('orders by pinyin', () => {
    expect(['云南省', '甘肃省', '贵州省'].sort(compareZh)).toEqual(['甘肃省', '贵州省', '云南省']);
  });
});
