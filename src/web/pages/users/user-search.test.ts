import { describe, expect, it } from 'vitest';
import { isFiltered, parseUserSearch, sortOrderOf, toSearchParams } from './user-search.ts';

describe('parseUserSearch', () => {
  it('defaults to the first page of 20 without filters', () => {
    const search = parseUserSearch(new URLSearchParams());
    expect(search).toEqual({ page: 1, pageSize: 20 });
    expect(isFiltered(search)).toBe(false);
  });

  it('reads filters and drops unknown roles and statuses', () => {
    expect(parseUserSearch(new URLSearchParams('page=2&q=%20gzu%20&role=helper&status=locked'))).toEqual({
      page: 2,
      pageSize: 20,
      q: 'gzu',
      role: 'helper',
      status: 'locked',
    });
    expect(parseUserSearch(new URLSearchParams('role=king&status=asleep&q=%20'))).toEqual({
      page: 1,
      pageSize: 20,
    });
  });

  it('cuts the text to what the server accepts', () => {
    expect(parseUserSearch(new URLSearchParams(`q=${'x'.repeat(100)}`)).q).toHaveLength(64);
  });
});

describe('toSearchParams', () => {
  it('round-trips and leaves defaults out', () => {
    const search = { page: 3, pageSize: 50, q: '张', status: 'inactive' as const };
    const params = toSearchParams(search);
    expect(params.toString()).toBe('page=3&pageSize=50&q=%E5%BC%A0&status=inactive');
    expect(parseUserSearch(params)).toEqual(search);
    expect(isFiltered(search)).toBe(true);
  });
});

describe('sort in the URL', () => {
  it('round-trips a sort key, leaves the default out and ignores unknown keys', () => {
    const search = parseUserSearch(new URLSearchParams('sort=-lastLoginAt'));
    expect(search.sort).toBe('-lastLoginAt');
    expect(toSearchParams(search).toString()).toBe('sort=-lastLoginAt');
    expect(parseUserSearch(new URLSearchParams('sort=username')).sort).toBeUndefined();
    expect(parseUserSearch(new URLSearchParams('sort=password')).sort).toBeUndefined();
  });

  it('tells each column its arrow', () => {
    expect(sortOrderOf(undefined, 'username')).toBe('ascend');
    expect(sortOrderOf('-createdAt', 'createdAt')).toBe('descend');
    expect(sortOrderOf('-createdAt', 'username')).toBeNull();
  });
});
