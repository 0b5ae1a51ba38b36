import { describe, expect, it } from 'vitest';
import { parseAuditSearch, toSearchParams } from './audit-search.ts';

describe('parseAuditSearch', () => {
  it('defaults to the first page of 20', () => {
    expect(parseAuditSearch(new URLSearchParams())).toEqual({ page: 1, pageSize: 20 });
  });

  it('reads filters and drops invalid values', () => {
    const search = parseAuditSearch(
      new URLSearchParams(
        'page=3&pageSize=50&action=auth.login&actor=%20&from=2020-07-01T00:00:00.000Z&to=nope',
      ),
    );
    expect(search).toEqual({ page: 3, pageSize: 50, action: 'auth.login', from: '2020-07-01T00:00:00.000Z' });
  });

  it('ignores a page that is not a positive integer and an oversized page size', () => {
    expect(parseAuditSearch(new URLSearchParams('page=-2&pageSize=5000'))).toEqual({ page: 1, pageSize: 20 });
  });
});

describe('toSearchParams', () => {
  it('round-trips and leaves defaults out', () => {
    const search = { page: 2, pageSize: 20, entityType: 'user' };
    const params = toSearchParams(search);
    expect(params.toString()).toBe('page=2&entityType=user');
    expect(parseAuditSearch(params)).toEqual(search);
  });
});
