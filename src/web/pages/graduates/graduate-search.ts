import { DIFFICULTY_CATEGORIES, LEVELS, type TLevel } from '../../../domain/registry/fields.ts';
import type {
  TBoolFilter,
  TGraduateFilterSearch,
  TGraduateSearch,
  TGraduateSort,
} from '../../api/graduates.ts';
import { GRADUATE_SORT_LIST } from '../../api/registry-codes.ts';

import { PAGE_SIZES } from '../../components/server-pagination.ts';

export { PAGE_SIZES };

const DEFAULT_PAGE_SIZE = 20;
/** the server's limit for `q` and `major` */
export const MAX_TEXT_LENGTH = 50;
/** The URL value that switches the target-group toggle off (absent means on). */
export const ALL_GRADUATES = 'all';

const CODE = /^\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function bool(value: string | null): TBoolFilter | undefined {
  return value === 'true' || value === 'false' ? value : undefined;
}

function text(value: string | null): string | undefined {
  const s = value?.trim().slice(0, MAX_TEXT_LENGTH).trim();
  return s || undefined;
}

/**
 * Reads the graduate query from the URL, dropping whatever a hand-edited URL got wrong. The list opens on the
 * target group: no `target` in the URL means `target=true`, `target=all` means everyone.
 */
export function parseGraduateSearch(params: URLSearchParams): TGraduateSearch {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const search: TGraduateSearch = {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 200 ? pageSize : DEFAULT_PAGE_SIZE,
  };
  const target = params.get('target');
  if (target !== ALL_GRADUATES) search.target = bool(target) ?? 'true';
  const cohort = Number(params.get('cohort'));
  if (params.has('cohort') && Number.isInteger(cohort) && cohort >= 2000 && cohort <= 2100)
    search.cohort = cohort;
  const county = params.get('county');
  if (county && CODE.test(county)) search.county = county;
  const province = params.get('province');
  if (province && CODE.test(province)) search.province = province;
  // a county belongs to one province: a URL naming both must agree, else the county goes
  if (search.county && search.province && search.county.slice(0, 2) !== search.province.slice(0, 2)) {
    delete search.county;
  }
  if (search.county && !search.province) search.province = `${search.county.slice(0, 2)}0000`;
  const universityId = params.get('universityId');
  if (universityId && UUID.test(universityId)) search.universityId = universityId;
  const collegeId = params.get('collegeId');
  if (collegeId && UUID.test(collegeId)) search.collegeId = collegeId;
  const level = params.get('level');
  if (LEVELS.some((l) => l === level)) search.level = level as TLevel;
  const major = text(params.get('major'));
  if (major) search.major = major;
  const focusCounty = bool(params.get('focusCounty'));
  if (focusCounty) search.focusCounty = focusCounty;
  const registeredPoor = bool(params.get('registeredPoor'));
  if (registeredPoor) search.registeredPoor = registeredPoor;
  const difficulty = params.get('difficulty');
  if (DIFFICULTY_CATEGORIES.some((d) => d.code === difficulty)) search.difficulty = difficulty!;
  const q = text(params.get('q'));
  if (q) search.q = q;
  const sort = params.get('sort');
  if (GRADUATE_SORT_LIST.some((s) => s === sort)) {
    search.sort = sort as TGraduateSort;
    if (params.get('order') === 'desc') search.order = 'desc';
  }
  return search;
}

/** The URL form: defaults and empty values left out so shared links stay short. */
export function toGraduateSearchParams(search: TGraduateSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.target === undefined) params.set('target', ALL_GRADUATES);
  else if (search.target === 'false') params.set('target', 'false');
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  put('cohort', search.cohort);
  put('province', search.province);
  put('county', search.county);
  put('universityId', search.universityId);
  put('collegeId', search.collegeId);
  put('level', search.level);
  put('major', search.major);
  put('focusCounty', search.focusCounty);
  put('registeredPoor', search.registeredPoor);
  put('difficulty', search.difficulty);
  put('q', search.q);
  if (search.sort) {
    params.set('sort', search.sort);
    if (search.order === 'desc') params.set('order', 'desc');
  }
  if (search.page !== 1) params.set('page', String(search.page));
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(search.pageSize));
  return params;
}

/** Only the filters (for the counts and the export, which ignore paging and sorting). */
export function filtersOf(search: TGraduateSearch): TGraduateFilterSearch {
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = search;
  return filters;
}

/** True when a filter other than the default target toggle narrows the list. */
export function isFiltered(search: TGraduateSearch): boolean {
  const { target, ...rest } = filtersOf(search);
  return target === 'false' || Object.values(rest).some((v) => v !== undefined);
}

/**
 * A filter change: dependent filters go with their parent (a new province clears the county, a new university
 * the college) and the list goes back to page 1.
 */
export function applyFilterPatch(
  search: TGraduateSearch,
  patch: Partial<TGraduateFilterSearch>,
): TGraduateSearch {
  const next: TGraduateSearch = { ...search, ...patch, page: 1 };
  if ('province' in patch && patch.province !== search.province && !('county' in patch)) delete next.county;
  if ('universityId' in patch && patch.universityId !== search.universityId && !('collegeId' in patch)) {
    delete next.collegeId;
  }
  for (const key of Object.keys(next) as (keyof TGraduateSearch)[]) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}

/** The server's order when the URL names none. */
export const DEFAULT_SORT: TGraduateSort = 'university';

/** antd's sort order of a column for the current sort (the server sorts by university unless told). */
export function sortOrderOf(search: TGraduateSearch, column: TGraduateSort): 'ascend' | 'descend' | null {
  if ((search.sort ?? DEFAULT_SORT) !== column) return null;
  return search.order === 'desc' ? 'descend' : 'ascend';
}
