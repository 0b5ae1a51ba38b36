import { describe, expect, it } from 'vitest';
import {
  applyFilterPatch,
  filtersOf,
  isFiltered,
  parseGraduateSearch,
  sortOrderOf,
  toGraduateSearchParams,
} from './graduate-search.ts';

const parse = (qs: string) => parseGraduateSearch(new URLSearchParams(qs));
const UNI = '6fa66003-00f3-494b-91da-154d6171d477';

describe('parseGraduateSearch', () => {
  it('opens on the target group, first page', () => {
    expect(parse('')).toEqual({ page: 1, pageSize: 20, target: 'true' });
  });

  it('reads target=all as everyone and target=false as the others', () => {
    expect(parse('target=all').target).toBeUndefined();
    expect(parse('target=false').target).toBe('false');
    expect(parse('target=yes').target).toBe('true');
  });

  it('reads every filter', () => {
    const search = parse(
      `cohort=2020&province=520000&county=520526&universityId=${UNI}&level=本科&major=农学` +
        '&focusCounty=true&registeredPoor=false&difficulty=2&q=王&sort=name&order=desc&page=3&pageSize=50',
    );
    expect(search).toEqual({
      page: 3,
      pageSize: 50,
      target: 'true',
      cohort: 2020,
      province: '520000',
      county: '520526',
      universityId: UNI,
      level: '本科',
      major: '农学',
      focusCounty: 'true',
      registeredPoor: 'false',
      difficulty: '2',
      q: '王',
      sort: 'name',
      order: 'desc',
    });
  });

  it('drops what a hand-edited URL got wrong', () => {
    expect(
      parse(
        'cohort=20x0&province=52&county=abc&universityId=1&level=博士&difficulty=9&sort=phone&order=desc&page=-1&pageSize=999&q=%20%20',
      ),
    ).toEqual({ page: 1, pageSize: 20, target: 'true' });
  });

  it('keeps a county only inside its province and derives the province from it', () => {
    expect(parse('province=510000&county=520526')).toMatchObject({ province: '510000' });
    expect(parse('province=510000&county=520526').county).toBeUndefined();
    expect(parse('county=520526')).toMatchObject({ province: '520000', county: '520526' });
  });

  it('cuts long text to the server limit', () => {
    expect(parse(`q=${'张'.repeat(80)}`).q).toHaveLength(50);
  });
});

describe('toGraduateSearchParams', () => {
  it('leaves the defaults out', () => {
    expect(toGraduateSearchParams({ page: 1, pageSize: 20, target: 'true' }).toString()).toBe('');
    expect(toGraduateSearchParams({ page: 1, pageSize: 20 }).toString()).toBe('target=all');
  });

  it('round-trips every filter', () => {
    const qs = `target=false&cohort=2020&province=520000&county=520526&universityId=${UNI}&collegeId=${UNI}&level=%E6%9C%AC%E7%A7%91&major=x&focusCounty=true&registeredPoor=true&difficulty=0&q=y&sort=cohort&order=desc&page=2&pageSize=10`;
    const search = parse(qs);
    expect(parse(toGraduateSearchParams(search).toString())).toEqual(search);
    expect(toGraduateSearchParams(search).toString()).toBe(qs);
  });
});

describe('applyFilterPatch', () => {
  const base = parse(`province=520000&county=520526&universityId=${UNI}&collegeId=${UNI}&page=4`);

  it('goes back to page 1', () => {
    expect(applyFilterPatch(base, { level: '专科' })).toMatchObject({ page: 1, level: '专科' });
  });

  it('clears the county with a new province and the college with a new university', () => {
    const next = applyFilterPatch(base, { province: '510000', universityId: undefined });
    expect(next.county).toBeUndefined();
    expect(next.collegeId).toBeUndefined();
    expect(next.province).toBe('510000');
    expect('universityId' in next).toBe(false);
  });

  it('keeps a county set in the same patch', () => {
    expect(applyFilterPatch(base, { province: '530000', county: '530102' }).county).toBe('530102');
  });
});

describe('filters', () => {
  it('separates filters from paging and sorting', () => {
    expect(filtersOf(parse('sort=name&page=2&level=本科'))).toEqual({ target: 'true', level: '本科' });
  });

  it('does not count the default toggle as a filter', () => {
    expect(isFiltered(parse(''))).toBe(false);
    expect(isFiltered(parse('target=all'))).toBe(false);
    expect(isFiltered(parse('target=false'))).toBe(true);
    expect(isFiltered(parse('q=王'))).toBe(true);
  });

  it('marks the sorted column, university by default', () => {
    expect(sortOrderOf(parse(''), 'university')).toBe('ascend');
    expect(sortOrderOf(parse('sort=name&order=desc'), 'name')).toBe('descend');
    expect(sortOrderOf(parse('sort=name'), 'university')).toBeNull();
  });
});
