import { INDUSTRIES } from '../../../domain/ledger/codes.ts';
import {
  EMPLOYER_STATUSES,
  EMPLOYER_TAGS,
  type TEmployerStatus,
} from '../../../domain/opportunities/codes.ts';
import type { TEmployerFilters, TEmployerSearch, TEmployerSort } from '../../api/opportunities.ts';

/*
 * The employer review list in the URL: the status tab (待审核 first: that is the work), filters, paging,
 * sorting and the employer open in the drawer.
 */

const DEFAULT_PAGE_SIZE = 20;
export const DEFAULT_STATUS: TEmployerStatus = 'pending';
/** the server's limit for `q` */
export const MAX_QUERY_LENGTH = 50;
const SORTS: readonly TEmployerSort[] = ['created', 'name', 'region'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TEmployerUrl = TEmployerSearch & { status: TEmployerStatus; open?: string };

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.find((v) => v === value);
}

export function parseEmployerSearch(params: URLSearchParams): TEmployerUrl {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const search: TEmployerUrl = {
    status: oneOf(EMPLOYER_STATUSES, params.get('status')) ?? DEFAULT_STATUS,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 200 ? pageSize : DEFAULT_PAGE_SIZE,
  };
  const q = params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH).trim();
  if (q) search.q = q;
  const industry = oneOf(INDUSTRIES, params.get('industry'));
  if (industry) search.industry = industry;
  const tag = oneOf(EMPLOYER_TAGS, params.get('tag'));
  if (tag) search.tag = tag;
  const region = params.get('region');
  if (region && /^\d{6}$/.test(region)) search.region = region;
  const sort = oneOf(SORTS, params.get('sort'));
  if (sort && sort !== 'created') search.sort = sort;
  // newest first by default (the API's default order is desc)
  if (params.get('order') === 'asc') search.order = 'asc';
  const open = params.get('open');
  if (open && UUID.test(open)) search.open = open;
  return search;
}

export function toEmployerParams(search: TEmployerUrl): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  if (search.status !== DEFAULT_STATUS) put('status', search.status);
  put('q', search.q);
  put('industry', search.industry);
  put('tag', search.tag);
  put('region', search.region);
  if (search.sort && search.sort !== 'created') put('sort', search.sort);
  if (search.order === 'asc') put('order', 'asc');
  if (search.page !== 1) put('page', search.page);
  if (search.pageSize !== DEFAULT_PAGE_SIZE) put('pageSize', search.pageSize);
  put('open', search.open);
  return params;
}

/** The filters the tab counts share (everything but the status, paging and the drawer). */
export function countFiltersOf(search: TEmployerUrl): TEmployerFilters {
  const f: TEmployerFilters = {};
  if (search.q) f.q = search.q;
  if (search.industry) f.industry = search.industry;
  if (search.tag) f.tag = search.tag;
  if (search.region) f.region = search.region;
  return f;
}

/** The API query of the list: the URL's search without the drawer, sent in the API's order. */
export function listSearchOf(search: TEmployerUrl): TEmployerSearch {
  const { open: _o, ...rest } = search;
  return { ...rest, order: rest.order ?? 'desc' };
}

/** antd's sort order of a column (newest registration first by default). */
export function sortOrderOf(search: TEmployerUrl, column: TEmployerSort): 'ascend' | 'descend' | null {
  if ((search.sort ?? 'created') !== column) return null;
  return (search.order ?? 'desc') === 'desc' ? 'descend' : 'ascend';
}
