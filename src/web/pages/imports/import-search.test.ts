import { describe, expect, it } from 'vitest';
import { parseImportSearch, parseRowsSearch, toImportSearchParams, withRowsSearch } from './import-search.ts';

const params = (qs: string) => new URLSearchParams(qs);

describe('batch list search', () => {
  it('reads kind, status and paging, dropping bad values', () => {
    expect(parseImportSearch(params('kind=roster&status=staged&page=2&pageSize=50'))).toEqual({
      kind: 'roster',
      status: 'staged',
      page: 2,
      pageSize: 50,
    });
    expect(parseImportSearch(params('kind=payroll&status=done&page=0&pageSize=1000'))).toEqual({
      page: 1,
      pageSize: 20,
    });
  });

  it('writes only what differs from the defaults and round-trips', () => {
    expect(toImportSearchParams({ page: 1, pageSize: 20 }).toString()).toBe('');
    const search = { page: 3, pageSize: 10, kind: 'registry' as const, status: 'committed' as const };
    expect(parseImportSearch(toImportSearchParams(search))).toEqual(search);
  });
});

describe('row tab search', () => {
  it('opens on errors when there are any, else on new rows', () => {
    expect(parseRowsSearch(params(''), { errors: 3, new: 5 }).status).toBe('error');
    expect(parseRowsSearch(params(''), { errors: 0, new: 5 }).status).toBe('new');
    expect(parseRowsSearch(params(''), { unchanged: 9 }).status).toBe('unchanged');
    expect(parseRowsSearch(params(''), {}).status).toBe('new');
  });

  it('follows the URL when it names a tab', () => {
    expect(parseRowsSearch(params('tab=review&rowsPage=2&rowsPageSize=50'), { errors: 3 })).toEqual({
      status: 'review',
      page: 2,
      pageSize: 50,
    });
    expect(parseRowsSearch(params('tab=nope&rowsPageSize=7'), { new: 1 })).toEqual({
      status: 'new',
      page: 1,
      pageSize: 20,
    });
  });

  it('writes the tab and keeps other parameters', () => {
    const next = withRowsSearch(params('x=1&rowsPage=4'), { status: 'updated', page: 1, pageSize: 20 });
    expect(next.toString()).toBe('x=1&tab=updated');
    expect(withRowsSearch(params(''), { status: 'error', page: 2, pageSize: 50 }).toString()).toBe(
      'tab=error&rowsPage=2&rowsPageSize=50',
    );
  });
});
