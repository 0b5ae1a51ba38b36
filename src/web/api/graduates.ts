import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { GRADUATE_SORTS, TGraduateListItem, TGraduateStats } from '../../domain/api/registry.ts';
import type { TLevel } from '../../domain/registry/fields.ts';
import { apiDownload, apiFetch } from './client.ts';

export type TGraduateSort = (typeof GRADUATE_SORTS)[number];
export type TBoolFilter = 'true' | 'false';

/** Filters shared by the list, the counts and the export, as they travel in the URL. */
export type TGraduateFilterSearch = {
  /** `undefined` means "everyone"; the page's default (target group only) is `'true'` */
  target?: TBoolFilter;
  cohort?: number;
  province?: string;
  county?: string;
  universityId?: string;
  collegeId?: string;
  level?: TLevel;
  major?: string;
  focusCounty?: TBoolFilter;
  registeredPoor?: TBoolFilter;
  difficulty?: string;
  q?: string;
};

export type TGraduateSearch = TGraduateFilterSearch & {
  page: number;
  pageSize: number;
  sort?: TGraduateSort;
  order?: 'asc' | 'desc';
};

export type TGraduatePage = { items: TGraduateListItem[]; total: number; page: number; pageSize: number };

/** The API query: every value as a string, unset ones left out. */
export function filterQuery(f: TGraduateFilterSearch): Record<string, string | undefined> {
  return {
    target: f.target,
    cohort: f.cohort === undefined ? undefined : String(f.cohort),
    province: f.province,
    county: f.county,
    universityId: f.universityId,
    collegeId: f.collegeId,
    level: f.level,
    major: f.major,
    focusCounty: f.focusCounty,
    registeredPoor: f.registeredPoor,
    difficulty: f.difficulty,
    q: f.q,
  };
}

export function useGraduatePage(search: TGraduateSearch) {
  return useQuery({
    queryKey: ['graduates', 'page', search],
    queryFn: () =>
      apiFetch<TGraduatePage>('/api/graduates', {
        query: {
          ...filterQuery(search),
          page: String(search.page),
          pageSize: String(search.pageSize),
          sort: search.sort,
          order: search.order,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useGraduateStats(filters: TGraduateFilterSearch) {
  return useQuery({
    queryKey: ['graduates', 'stats', filters],
    queryFn: () => apiFetch<TGraduateStats>('/api/graduates/stats', { query: filterQuery(filters) }),
    placeholderData: keepPreviousData,
  });
}

export function useRevealId() {
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiFetch<{ idNumber: string }>(`/api/graduates/${encodeURIComponent(id)}/reveal`, {
        method: 'POST',
        body: { reason },
      }),
  });
}

export function useExportGraduates() {
  return useMutation({
    mutationFn: (filters: TGraduateFilterSearch) =>
      apiDownload('/api/graduates/export', 'graduates.xlsx', filterQuery(filters)),
  });
}
