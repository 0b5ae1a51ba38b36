import type { TNotificationSearch } from '../../api/notifications.ts';

const DEFAULT_PAGE_SIZE = 20;

/** The notifications page's query from the URL; whatever a hand-edited URL got wrong falls back to defaults. */
export function parseNotificationSearch(params: URLSearchParams): TNotificationSearch {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 200 ? pageSize : DEFAULT_PAGE_SIZE,
    unread: params.get('unread') === '1',
  };
}

/** The URL form: defaults left out so shared links stay short. */
export function toSearchParams(search: TNotificationSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.unread) params.set('unread', '1');
  if (search.page !== 1) params.set('page', String(search.page));
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(search.pageSize));
  return params;
}
