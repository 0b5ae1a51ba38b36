import { CASE_STAGES, CASE_STATUSES, INTENTIONS } from '../../../domain/ledger/codes.ts';
import { CASE_SORT_LIST, SIQING_KEY_LIST, type TCaseSort } from '../../api/case-codes.ts';
import type { TCaseFilterSearch, TCaseSearch } from '../../api/cases.ts';

const DEFAULT_PAGE_SIZE = 20;
/** the server's limit for `q` */
export const MAX_QUERY_LENGTH = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.find((v) => v === value);
}

/** Reads the worklist query from the URL, dropping whatever a hand-edited URL got wrong. */
export function parseCaseSearch(params: URLSearchParams): TCaseSearch {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const search: TCaseSearch = {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 200 ? pageSize : DEFAULT_PAGE_SIZE,
  };
  const q = params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH).trim();
  if (q) search.q = q;
  const cohort = Number(params.get('cohort'));
  if (params.has('cohort') && Number.isInteger(cohort) && cohort >= 2000 && cohort <= 2100) {
    search.cohort = cohort;
  }
  const status = oneOf(CASE_STATUSES, params.get('status'));
  if (status) search.status = status;
  const stage = oneOf(CASE_STAGES, params.get('stage'));
  if (stage) search.stage = stage;
  const collegeId = params.get('collegeId');
  if (collegeId && UUID.test(collegeId)) search.collegeId = collegeId;
  const intention = oneOf(INTENTIONS, params.get('intention'));
  if (intention) search.intention = intention;
  if (params.get('overdue') === 'true') search.overdue = 'true';
  if (params.get('unpaired') === 'true') search.unpaired = 'true';
  if (params.get('noCounselor') === 'true') search.noCounselor = 'true';
  const notClear = oneOf(SIQING_KEY_LIST, params.get('notClear'));
  if (notClear) search.notClear = notClear;
  const sort = oneOf(CASE_SORT_LIST, params.get('sort'));
  if (sort && sort !== DEFAULT_SORT) search.sort = sort;
  if (params.get('order') === 'desc') search.order = 'desc';
  return search;
}

/** The URL form: defaults and empty values left out so shared links stay short. */
export function toCaseSearchParams(search: TCaseSearch): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  put('q', search.q);
  put('cohort', search.cohort);
  put('status', search.status);
  put('stage', search.stage);
  put('collegeId', search.collegeId);
  put('intention', search.intention);
  put('overdue', search.overdue);
  put('unpaired', search.unpaired);
  put('noCounselor', search.noCounselor);
  put('notClear', search.notClear);
  if (search.sort && search.sort !== DEFAULT_SORT) params.set('sort', search.sort);
  if (search.order === 'desc') params.set('order', 'desc');
  if (search.page !== 1) params.set('page', String(search.page));
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(search.pageSize));
  return params;
}

/** Only the filters (the summary ignores paging and sorting). */
export function caseFiltersOf(search: TCaseSearch): TCaseFilterSearch {
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = search;
  return filters;
}

/** The filters the summary cards toggle; the cards count over the other filters so they stay comparable. */
export const CARD_FILTERS = ['overdue', 'unpaired', 'noCounselor', 'notClear', 'status'] as const;

export function summaryFiltersOf(search: TCaseSearch): TCaseFilterSearch {
  const {
    overdue: _o,
    unpaired: _u,
    noCounselor: _c,
    notClear: _n,
    status: _s,
    ...rest
  } = caseFiltersOf(search);
  return rest;
}

export function isFiltered(search: TCaseSearch): boolean {
  return Object.values(caseFiltersOf(search)).some((v) => v !== undefined);
}

/** A filter change: back to page 1, unset values dropped. */
export function applyCasePatch(search: TCaseSearch, patch: Partial<TCaseFilterSearch>): TCaseSearch {
  const next: TCaseSearch = { ...search, ...patch, page: 1 };
  for (const key of Object.keys(next) as (keyof TCaseSearch)[]) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}

/** Most urgent first unless the user sorts by a column. */
export const DEFAULT_SORT: TCaseSort = 'urgency';

/** antd's sort order of a column for the current sort. */
export function sortOrderOf(search: TCaseSearch, column: TCaseSort): 'ascend' | 'descend' | null {
  if ((search.sort ?? DEFAULT_SORT) !== column) return null;
  return search.order === 'desc' ? 'descend' : 'ascend';
}
