import { INDUSTRIES } from '../../../domain/ledger/codes.ts';
import { EMPLOYER_TAGS, OPPORTUNITY_STATUSES } from '../../../domain/opportunities/codes.ts';
import { OPPORTUNITY_KINDS } from '../../../domain/opportunities/types.ts';
import { LEVELS } from '../../../domain/registry/fields.ts';
import type {
  TOpportunitySearch,
  TOpportunitySort,
  TPostFilters,
  TPostPaging,
  TZoneSearch,
} from '../../api/opportunities.ts';

/*
 * The post lists' queries as they travel in the URL (staff list and zone): parsed defensively, written
 * without defaults so shared links stay short.
 */

const DEFAULT_PAGE_SIZE = 20;
/** the server's limit for `q` */
export const MAX_QUERY_LENGTH = 50;
const SORTS: readonly TOpportunitySort[] = ['deadline', 'created', 'salary', 'title'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^\d{6}$/;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.find((v) => v === value);
}

function parsePaging(params: URLSearchParams): TPostPaging {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const paging: TPostPaging = {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 200 ? pageSize : DEFAULT_PAGE_SIZE,
  };
  const sort = oneOf(SORTS, params.get('sort'));
  if (sort && sort !== 'deadline') paging.sort = sort;
  if (params.get('order') === 'desc') paging.order = 'desc';
  return paging;
}

function parseFilters(params: URLSearchParams): TPostFilters {
  const f: TPostFilters = {};
  const q = params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH).trim();
  if (q) f.q = q;
  const kind = oneOf(OPPORTUNITY_KINDS, params.get('kind'));
  if (kind) f.kind = kind;
  const region = params.get('region');
  if (region && REGION.test(region)) f.region = region;
  const level = oneOf(LEVELS, params.get('level'));
  if (level) f.level = level;
  const industry = oneOf(INDUSTRIES, params.get('industry'));
  if (industry) f.industry = industry;
  const tag = oneOf(EMPLOYER_TAGS, params.get('tag'));
  if (tag) f.tag = tag;
  for (const key of ['deadlineFrom', 'deadlineTo'] as const) {
    const d = params.get(key);
    if (d && DATE.test(d)) f[key] = d;
  }
  return f;
}

/** The staff list's query from the URL, dropping whatever a hand-edited URL got wrong. */
export function parseOpportunitySearch(params: URLSearchParams): TOpportunitySearch {
  const search: TOpportunitySearch = { ...parsePaging(params), ...parseFilters(params) };
  const status = oneOf(OPPORTUNITY_STATUSES, params.get('status'));
  if (status) search.status = status;
  for (const key of ['open', 'targetPriority', 'mine'] as const) {
    if (params.get(key) === 'true') search[key] = 'true';
  }
  return search;
}

/** The zone's query from the URL. */
export function parseZoneSearch(params: URLSearchParams): TZoneSearch {
  return { ...parsePaging(params), ...parseFilters(params) };
}

/** The URL form of either search: defaults and unset values left out. */
export function toSearchParams(search: TOpportunitySearch | TZoneSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    if (key === 'sort' && value === 'deadline') continue;
    if (key === 'order' && value === 'asc') continue;
    params.set(key, String(value));
  }
  return params;
}

/** A filter change: back to page 1, unset values dropped. */
export function applyPatch<T extends TPostPaging>(search: T, patch: Partial<T>): T {
  const next = { ...search, ...patch, page: 1 };
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}

/** Whether any filter (not paging or sorting) is set. */
export function isFiltered(search: TPostPaging & Record<string, unknown>): boolean {
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = search;
  return Object.values(filters).some((v) => v !== undefined);
}

/** antd's sort order of a column for the current sort (soonest deadline first by default). */
export function sortOrderOf(search: TPostPaging, column: TOpportunitySort): 'ascend' | 'descend' | null {
  if ((search.sort ?? 'deadline') !== column) return null;
  return search.order === 'desc' ? 'descend' : 'ascend';
}
