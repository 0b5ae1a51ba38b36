import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  isFiltered,
  parseOpportunitySearch,
  parseZoneSearch,
  sortOrderOf,
  toSearchParams,
} from './opportunity-search.ts';

const parse = (qs: string) => parseOpportunitySearch(new URLSearchParams(qs));

describe('parseOpportunitySearch', () => {
  it('reads every filter, paging and sorting the list offers', () => {
    expect(
      parse(
        'q=教师&kind=tegang&region=522427&level=本科&status=open&deadlineFrom=2020-07-01&deadlineTo=2020-08-31&targetPriority=true&mine=true&open=true&sort=salary&order=desc&page=3&pageSize=50',
      ),
    ).toEqual({
      q: '教师',
      kind: 'tegang',
      region: '522427',
      level: '本科',
      status: 'open',
      deadlineFrom: '2020-07-01',
      deadlineTo: '2020-08-31',
      targetPriority: 'true',
      mine: 'true',
      open: 'true',
      sort: 'salary',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops what a hand-edited URL got wrong', () => {
    expect(
      parse(
        'kind=pilot&region=52&level=博士&status=gone&deadlineFrom=July&sort=random&page=-2&pageSize=9999&mine=yes',
      ),
    ).toEqual({ page: 1, pageSize: 20 });
  });

  it('cuts a search longer than the server takes', () => {
    expect(parse(`q=${'岗'.repeat(80)}`).q).toHaveLength(50);
  });

  it('reads the zone without the staff-only flags', () => {
    expect(parseZoneSearch(new URLSearchParams('status=open&mine=true&industry=P&tag=alumni'))).toEqual({
      page: 1,
      pageSize: 20,
      industry: 'P',
      tag: 'alumni',
    });
  });
});

describe('toSearchParams', () => {
  it('leaves defaults out so shared links stay short, and round-trips', () => {
    const search = parse('kind=internship&sort=deadline&order=asc&page=1&pageSize=20');
    expect(toSearchParams(search).toString()).toBe('kind=internship');
    const full = parse('q=a&kind=tegang&sort=title&order=desc&page=2&pageSize=50&open=true');
    expect(parse(toSearchParams(full).toString())).toEqual(full);
  });
});

describe('applyPatch and isFiltered', () => {
  it('goes back to page 1 and forgets cleared filters', () => {
    const next = applyPatch({ page: 4, pageSize: 20, kind: 'tegang' as const }, { kind: undefined });
    expect(next).toEqual({ page: 1, pageSize: 20 });
    expect(isFiltered(next)).toBe(false);
    expect(isFiltered({ page: 1, pageSize: 20, sort: 'title' })).toBe(false);
    expect(isFiltered({ page: 1, pageSize: 20, level: '专科' })).toBe(true);
  });
});

describe('sortOrderOf', () => {
  it('sorts by the soonest deadline unless a column says otherwise', () => {
    expect(sortOrderOf({ page: 1, pageSize: 20 }, 'deadline')).toBe('ascend');
    expect(sortOrderOf({ page: 1, pageSize: 20 }, 'salary')).toBeNull();
    expect(sortOrderOf({ page: 1, pageSize: 20, sort: 'salary', order: 'desc' }, 'salary')).toBe('descend');
  });
});
