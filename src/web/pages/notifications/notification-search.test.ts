import { describe, expect, it } from 'vitest';
import { parseNotificationSearch, toSearchParams } from './notification-search.ts';

describe('notification search in the URL', () => {
  it('round-trips the page, size and unread filter, leaving defaults out', () => {
    const search = { page: 3, pageSize: 50, unread: true };
    const params = toSearchParams(search);
    expect(params.toString()).toBe('unread=1&page=3&pageSize=50');
    expect(parseNotificationSearch(params)).toEqual(search);
    expect(toSearchParams({ page: 1, pageSize: 20, unread: false }).toString()).toBe('');
  });

  it('falls back to defaults for values a hand-edited URL got wrong', () => {
    expect(parseNotificationSearch(new URLSearchParams('page=-2&pageSize=9999&unread=yes'))).toEqual({
      page: 1,
      pageSize: 20,
      unread: false,
    });
  });
});
