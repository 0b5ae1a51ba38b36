import { describe, expect, it } from 'vitest';
import {
  countFiltersOf,
  listSearchOf,
  parseEmployerSearch,
  sortOrderOf,
  toEmployerParams,
} from './employer-search.ts';

const parse = (qs: string) => parseEmployerSearch(new URLSearchParams(qs));
const ID = '6fa66003-00f3-494b-91da-154d6171d477';

describe('parseEmployerSearch', () => {
  it('opens on the pending tab, newest first', () => {
    const s = parse('');
    expect(s).toEqual({ status: 'pending', page: 1, pageSize: 20 });
    expect(listSearchOf(s)).toEqual({ status: 'pending', page: 1, pageSize: 20, order: 'desc' });
    expect(sortOrderOf(s, 'created')).toBe('descend');
  });

  it('reads filters and the drawer, and drops what is wrong', () => {
    expect(
      parse(`status=approved&q=黔程&industry=I&tag=alumni&region=520102&open=${ID}&sort=name&order=asc`),
    ).toEqual({
      status: 'approved',
      q: '黔程',
      industry: 'I',
      tag: 'alumni',
      region: '520102',
      open: ID,
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: 20,
    });
    expect(parse('status=banned&industry=Z&tag=x&region=52&open=../x&page=0')).toEqual({
      status: 'pending',
      page: 1,
      pageSize: 20,
    });
  });

  it('round-trips through the URL without defaults', () => {
    const s = parse(`status=rejected&q=a&open=${ID}&page=2`);
    expect(toEmployerParams(s).toString()).toBe(`status=rejected&q=a&page=2&open=${ID}`);
    expect(parse(toEmployerParams(s).toString())).toEqual(s);
    expect(toEmployerParams(parse('status=pending')).toString()).toBe('');
  });

  it('counts tabs over the other filters only', () => {
    expect(countFiltersOf(parse(`status=approved&q=a&tag=alumni&page=3&open=${ID}`))).toEqual({
      q: 'a',
      tag: 'alumni',
    });
  });
});
