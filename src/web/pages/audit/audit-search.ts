import type { TAuditSearch } from '../../api/audit.ts';

import { PAGE_SIZES } from '../../components/server-pagination.ts';

export { PAGE_SIZES };

const DEFAULT_PAGE_SIZE = 20;
const TEXT_KEYS = ['action', 'actor', 'entityType'] as const;
const DATE_KEYS = ['from', 'to'] as const;

/** Reads the audit query from the URL, dropping whatever a hand-edited URL got wrong instead of failing. */
export function parseAuditSearch(params: URLSearchParams): TAuditSearch {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const search: TAuditSearch = {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 200 ? pageSize : DEFAULT_PAGE_SIZE,
  };
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) search[key] = value.slice(0, key === 'action' ? 100 : 64);
  }
  for (const key of DATE_KEYS) {
    const value = params.get(key);
    if (value && !Number.isNaN(Date.parse(value))) search[key] = value;
  }
  return search;
}

/** The URL form: defaults and empty values left out so shared links stay short. */
export function toSearchParams(search: TAuditSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.page !== 1) params.set('page', String(search.page));
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(search.pageSize));
  for (const key of [...TEXT_KEYS, ...DATE_KEYS]) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  return params;
}
