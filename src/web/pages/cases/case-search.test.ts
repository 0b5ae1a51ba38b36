import { describe, expect, it } from 'vitest';
import {
  applyCasePatch,
  parseCaseSearch,
  sortOrderOf,
  summaryFiltersOf,
  toCaseSearchParams,
} from './case-search.ts';

const parse = (qs: string) => parseCaseSearch(new URLSearchParams(qs));

describe('worklist search in the URL', () => {
  it('opens on page 1, 20 rows, most urgent first', () => {
    expect(parse('')).toEqual({ page: 1, pageSize: 20 });
    expect(sortOrderOf(parse(''), 'urgency')).toBe('ascend');
    expect(toCaseSearchParams(parse('')).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const qs =
      'q=%E5%BC%A0&cohort=2020&status=seeking&stage=handed_over&collegeId=6fa66003-00f3-494b-91da-154d6171d477' +
      '&intention=employment&overdue=true&unpaired=true&notClear=needs&sort=lastContact&order=desc&page=3&pageSize=50';
    const search = parse(qs);
    expect(search).toMatchObject({
      q: '张',
      cohort: 2020,
      status: 'seeking',
      stage: 'handed_over',
      intention: 'employment',
      overdue: 'true',
      unpaired: 'true',
      notClear: 'needs',
      sort: 'lastContact',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
    expect(parse(toCaseSearchParams(search).toString())).toEqual(search);
  });

  it('drops what a hand-edited URL got wrong', () => {
    expect(
      parse(
        'status=lost&stage=x&intention=rich&overdue=yes&notClear=all&collegeId=1&cohort=1999&page=-1&sort=x',
      ),
    ).toEqual({ page: 1, pageSize: 20 });
  });

  it('goes back to page 1 on a filter change and forgets cleared filters', () => {
    const next = applyCasePatch(parse('overdue=true&page=4'), { overdue: undefined, unpaired: 'true' });
    expect(next).toEqual({ page: 1, pageSize: 20, unpaired: 'true' });
  });

  it('counts the summary over the base filters, not over the card toggles', () => {
    expect(
      summaryFiltersOf(parse('q=李&overdue=true&status=placed&notClear=needs&intention=military')),
    ).toEqual({
      q: '李',
      intention: 'military',
    });
  });
});
