import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TApplicant,
  TEmployer,
  TOpportunityDetail,
  TOpportunityListItem,
  TZsbReport,
  ZApplicationStatusBody,
  ZEmployerRegistrationBody,
  ZEmployerReviewBody,
  ZOpportunityBody,
  ZZsbPlan,
} from '../../domain/api/opportunities.ts';
import type { TMajorCatalogue } from '../../domain/api/reference.ts';
import type { INDUSTRIES } from '../../domain/ledger/codes.ts';
import type {
  TApplicationStatus,
  TEmployerStatus,
  TEmployerTag,
  TOpportunityStatus,
} from '../../domain/opportunities/codes.ts';
import type { TOpportunityKind } from '../../domain/opportunities/types.ts';
import type { TLevel } from '../../domain/registry/fields.ts';
import { apiFetch } from './client.ts';

/*
 * Staff calls for employers (review), posts of every kind, the 52-county zone and the 专升本 plan. Types come
 * from the domain schemas as types only, so the pages do not load zod. The employer's and the graduate's
 * portals have their own files (employer-portal.ts, me.ts) and may import the shared types from here.
 */

type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TIndustry = (typeof INDUSTRIES)[number];
export type TEmployerPage = TPage<TEmployer>;
export type TOpportunityPage = TPage<TOpportunityListItem>;
export type TApplicantPage = TPage<TApplicant>;
export type TEmployerRegistration = z.input<typeof ZEmployerRegistrationBody>;
export type TEmployerReview = z.input<typeof ZEmployerReviewBody>;
export type TOpportunityInput = z.input<typeof ZOpportunityBody>;
export type TApplicationMove = z.input<typeof ZApplicationStatusBody>;
export type TZsbPlan = z.infer<typeof ZZsbPlan>;

// ——— employers ———

export type TEmployerSort = 'created' | 'name' | 'region';
export type TEmployerFilters = {
  status?: TEmployerStatus;
  q?: string;
  region?: string;
  industry?: TIndustry;
  tag?: TEmployerTag;
};
export type TEmployerSearch = TEmployerFilters & {
  page: number;
  pageSize: number;
  sort?: TEmployerSort;
  order?: 'asc' | 'desc';
};

const EMPLOYERS_KEY = ['employers'] as const;
const employerPath = (id: string, rest = '') => `/api/employers/${encodeURIComponent(id)}${rest}`;

function employerQuery(s: TEmployerSearch): Record<string, string | undefined> {
  return {
    page: String(s.page),
    pageSize: String(s.pageSize),
    status: s.status,
    q: s.q,
    region: s.region,
    industry: s.industry,
    tag: s.tag,
    sort: s.sort,
    order: s.order,
  };
}

export function useEmployerPage(search: TEmployerSearch) {
  return useQuery({
    queryKey: [...EMPLOYERS_KEY, 'page', search],
    queryFn: () => apiFetch<TEmployerPage>('/api/employers', { query: employerQuery(search) }),
    placeholderData: keepPreviousData,
  });
}

/** How many employers each status tab holds under the other filters (one row asked for, the total read). */
export function useEmployerCount(filters: TEmployerFilters) {
  return useQuery({
    queryKey: [...EMPLOYERS_KEY, 'count', filters],
    queryFn: async () =>
      (
        await apiFetch<TEmployerPage>('/api/employers', {
          query: employerQuery({ ...filters, page: 1, pageSize: 1 }),
        })
      ).total,
    placeholderData: keepPreviousData,
  });
}

export function useEmployer(id: string | null) {
  return useQuery({
    queryKey: [...EMPLOYERS_KEY, 'detail', id],
    queryFn: () => apiFetch<TEmployer>(employerPath(id!)),
    enabled: id !== null,
  });
}

/** Approve or reject (audited server-side); the lists and counts follow. */
export function useReviewEmployer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TEmployerReview }) =>
      apiFetch<TEmployer>(employerPath(id, '/review'), { method: 'POST', body }),
    onSuccess: (employer) => {
      queryClient.setQueryData([...EMPLOYERS_KEY, 'detail', employer.orgId], employer);
      void queryClient.invalidateQueries({ queryKey: EMPLOYERS_KEY });
    },
  });
}

/** Approved employers by name, for staff posting on an employer's behalf. */
export function useApprovedEmployers(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...EMPLOYERS_KEY, 'approved', q],
    queryFn: async () =>
      (
        await apiFetch<TEmployerPage>('/api/employers', {
          query: employerQuery({
            status: 'approved',
            q: q || undefined,
            page: 1,
            pageSize: 20,
            sort: 'name',
            order: 'asc',
          }),
        })
      ).items,
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Public self-registration; no session needed. */
export function useRegisterEmployer() {
  return useMutation({
    mutationFn: (body: TEmployerRegistration) =>
      apiFetch<{ orgId: string; username: string; status: TEmployerStatus }>('/api/employers/register', {
        method: 'POST',
        body,
      }),
  });
}

// ——— posts ———

export type TOpportunitySort = 'deadline' | 'created' | 'salary' | 'title';
/** The filters the staff list, the zone and the employer's list share. */
export type TPostFilters = {
  kind?: TOpportunityKind;
  region?: string;
  major?: string;
  level?: TLevel;
  industry?: TIndustry;
  tag?: TEmployerTag;
  deadlineFrom?: string;
  deadlineTo?: string;
  q?: string;
};
export type TPostPaging = {
  page: number;
  pageSize: number;
  sort?: TOpportunitySort;
  order?: 'asc' | 'desc';
};
export type TOpportunitySearch = TPostFilters &
  TPostPaging & {
    status?: TOpportunityStatus;
    open?: 'true';
    targetPriority?: 'true';
    mine?: 'true';
  };
export type TZoneSearch = TPostFilters & TPostPaging;

const POSTS_KEY = ['opportunities'] as const;
export const opportunityKey = (id: string) => [...POSTS_KEY, 'detail', id] as const;
const postPath = (id: string, rest = '') => `/api/opportunities/${encodeURIComponent(id)}${rest}`;

/** The API query of a post search: every value a string, unset ones left out. */
export function postQuery(
  s: TPostFilters & TPostPaging & Record<string, unknown>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

export function useOpportunityPage(search: TOpportunitySearch) {
  return useQuery({
    queryKey: [...POSTS_KEY, 'page', search],
    queryFn: () => apiFetch<TOpportunityPage>('/api/opportunities', { query: postQuery(search) }),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: string | undefined) {
  return useQuery({
    queryKey: opportunityKey(id ?? ''),
    queryFn: () => apiFetch<TOpportunityDetail>(postPath(id!)),
    enabled: Boolean(id),
  });
}

function useAfterPostChange() {
  const queryClient = useQueryClient();
  return (post: TOpportunityDetail) => {
    queryClient.setQueryData(opportunityKey(post.id), post);
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'opportunities' && q.queryKey[1] !== 'detail',
    });
  };
}

/** Create a draft, or edit a post on the version it was loaded at. */
export function useSaveOpportunity() {
  const after = useAfterPostChange();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string | null; body: TOpportunityInput; version?: number }) =>
      id
        ? apiFetch<TOpportunityDetail>(postPath(id), { method: 'PUT', body: { ...body, version } })
        : apiFetch<TOpportunityDetail>('/api/opportunities', { method: 'POST', body }),
    onSuccess: after,
  });
}

/** Open a post for applications, or close it. */
export function useSetOpportunityStatus() {
  const after = useAfterPostChange();
  return useMutation({
    mutationFn: ({ id, status, version }: { id: string; status: 'open' | 'closed'; version: number }) =>
      apiFetch<TOpportunityDetail>(postPath(id, '/status'), { method: 'POST', body: { status, version } }),
    onSuccess: after,
  });
}

/** Delete a draft (never opened); published posts are closed instead. */
export function useDeleteOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(postPath(id), { method: 'DELETE' }),
    onSuccess: (_r, id) => {
      queryClient.removeQueries({ queryKey: opportunityKey(id) });
      void queryClient.invalidateQueries({ queryKey: POSTS_KEY });
    },
  });
}

/** Applicants of a post my org owns (masked profiles). */
export function useOpportunityApplicants(
  id: string,
  search: { page: number; pageSize: number; status?: TApplicationStatus },
  enabled = true,
) {
  return useQuery({
    queryKey: [...opportunityKey(id), 'applicants', search],
    queryFn: () =>
      apiFetch<TApplicantPage>(postPath(id, '/applications'), {
        query: { page: String(search.page), pageSize: String(search.pageSize), status: search.status },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Move an applicant of my org's post on; the post's counts follow. */
export function useMoveApplication(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TApplicationMove }) =>
      apiFetch<TApplicant>(`/api/applications/${encodeURIComponent(id)}/status`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: opportunityKey(postId) }),
  });
}

// ——— the 52-county zone ———

export function useZonePage(search: TZoneSearch) {
  return useQuery({
    queryKey: [...POSTS_KEY, 'zone', search],
    queryFn: () => apiFetch<TOpportunityPage>('/api/opportunities/zone', { query: postQuery(search) }),
    placeholderData: keepPreviousData,
  });
}

// ——— reference: major catalogues (the majors a post accepts) ———

export function useMajorCatalogues() {
  return useQuery({
    queryKey: ['reference', 'majors'],
    queryFn: () => apiFetch<TMajorCatalogue[]>('/api/reference/majors'),
    staleTime: 60 * 60_000,
  });
}

// ——— 专升本 ———

const ZSB_KEY = ['zsb'] as const;

export function useZsbReport(cohort: number) {
  return useQuery({
    queryKey: [...ZSB_KEY, 'report', cohort],
    queryFn: () => apiFetch<TZsbReport>('/api/zsb/report', { query: { cohort: String(cohort) } }),
    placeholderData: keepPreviousData,
  });
}

/** Set (or change) a province's ratio for a cohort, in basis points; audited server-side. */
export function useSetZsbPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { provinceCode: string; cohort: number; ratioBp: number }) =>
      apiFetch<TZsbPlan>('/api/zsb/plans', { method: 'PUT', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ZSB_KEY }),
  });
}
