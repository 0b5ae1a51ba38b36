import { IMPORT_KINDS, type TImportKind } from '../../../domain/registry/fields.ts';
import type { TBatchStatus, TImportSearch, TRowStatus } from '../../api/imports.ts';
import { BATCH_STATUS_LIST, ROW_STATUS_LIST } from '../../api/registry-codes.ts';

import { PAGE_SIZES } from '../../components/server-pagination.ts';

export { PAGE_SIZES };

const DEFAULT_PAGE_SIZE = 20;

function readPage(params: URLSearchParams, key: string): number {
  const page = Number(params.get(key));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function readPageSize(params: URLSearchParams, key: string): number {
  const size = Number(params.get(key));
  return Number.isInteger(size) && size >= 1 && size <= 200 ? size : DEFAULT_PAGE_SIZE;
}

/** Reads the batch list query from the URL, dropping whatever a hand-edited URL got wrong. */
export function parseImportSearch(params: URLSearchParams): TImportSearch {
  const search: TImportSearch = {
    page: readPage(params, 'page'),
    pageSize: readPageSize(params, 'pageSize'),
  };
  const kind = params.get('kind');
  if (IMPORT_KINDS.some((k) => k === kind)) search.kind = kind as TImportKind;
  const status = params.get('status');
  if (BATCH_STATUS_LIST.some((s) => s === status)) search.status = status as TBatchStatus;
  return search;
}

/** The URL form: defaults and empty values left out so shared links stay short. */
export function toImportSearchParams(search: TImportSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.page !== 1) params.set('page', String(search.page));
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(search.pageSize));
  if (search.kind) params.set('kind', search.kind);
  if (search.status) params.set('status', search.status);
  return params;
}

/** The row tab of a batch page and its page, kept in the URL so a reload shows the same rows. */
export type TRowsSearch = { status: TRowStatus; page: number; pageSize: number };

/**
 * The tab to open: the URL's, else errors when there are any (they are what needs work), else new rows, else
 * the first tab with rows.
 */
export function parseRowsSearch(
  params: URLSearchParams,
  counts: Partial<Record<'errors' | TRowStatus, number>>,
): TRowsSearch {
  const tab = params.get('tab');
  const size = Number(params.get('rowsPageSize'));
  const pageSize = PAGE_SIZES.some((s) => s === size) ? size : DEFAULT_PAGE_SIZE;
  const page = readPage(params, 'rowsPage');
  if (ROW_STATUS_LIST.some((s) => s === tab)) return { status: tab as TRowStatus, page, pageSize };
  const countOf = (s: TRowStatus) => (s === 'error' ? counts.errors : counts[s]) ?? 0;
  const first = ROW_STATUS_LIST.find((s) => countOf(s) > 0);
  return {
    status: countOf('error') > 0 ? 'error' : countOf('new') > 0 ? 'new' : (first ?? 'new'),
    page,
    pageSize,
  };
}

/** Writes the row tab into the batch page's URL, keeping whatever else is there. */
export function withRowsSearch(params: URLSearchParams, rows: TRowsSearch): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('tab', rows.status);
  if (rows.page === 1) next.delete('rowsPage');
  else next.set('rowsPage', String(rows.page));
  if (rows.pageSize === DEFAULT_PAGE_SIZE) next.delete('rowsPageSize');
  else next.set('rowsPageSize', String(rows.pageSize));
  return next;
}
