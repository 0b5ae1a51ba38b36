import { type TUserSort, USER_SORTS } from '../../../domain/api/auth.ts';
import { ROLES, type TRole } from '../../../domain/roles.ts';
import type { TUserSearch } from '../../api/users.ts';

/** antd's sort order of a column for the current sort key */
export function sortOrderOf(sort: TUserSort | undefined, column: 'username' | 'lastLoginAt' | 'createdAt') {
  const current = sort ?? 'username';
  if (current === column) return 'ascend' as const;
  if (current === `-${column}`) return 'descend' as const;
  return null;
}

import { PAGE_SIZES } from '../../components/server-pagination.ts';

export { PAGE_SIZES };
export const USER_STATUSES = ['active', 'inactive', 'locked'] as const;
const DEFAULT_PAGE_SIZE = 20;
/** the server's limit for `q` */
export const MAX_QUERY_LENGTH = 64;

function isRole(value: string | null): value is TRole {
  return ROLES.some((r) => r === value);
}

function isStatus(value: string | null): value is (typeof USER_STATUSES)[number] {
  return USER_STATUSES.some((s) => s === value);
}

/** Reads the account query from the URL, dropping whatever a hand-edited URL got wrong instead of failing. */
export function parseUserSearch(params: URLSearchParams): TUserSearch {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const search: TUserSearch = {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 200 ? pageSize : DEFAULT_PAGE_SIZE,
  };
  const q = params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH).trim();
  if (q) search.q = q;
  const role = params.get('role');
  if (isRole(role)) search.role = role;
  const status = params.get('status');
  if (isStatus(status)) search.status = status;
  const sort = params.get('sort');
  if (USER_SORTS.some((s) => s === sort) && sort !== 'username') search.sort = sort as TUserSort;
  return search;
}

/** The URL form: defaults and empty values left out so shared links stay short. */
export function toSearchParams(search: TUserSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.page !== 1) params.set('page', String(search.page));
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(search.pageSize));
  if (search.q) params.set('q', search.q);
  if (search.role) params.set('role', search.role);
  if (search.status) params.set('status', search.status);
  if (search.sort && search.sort !== 'username') params.set('sort', search.sort);
  return params;
}

/** True when a filter (not the data) may be why the list is short or empty. */
export function isFiltered(search: TUserSearch): boolean {
  return Boolean(search.q || search.role || search.status);
}
