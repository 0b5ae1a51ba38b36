import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TApplicant,
  TOpportunityDetail,
  TOpportunityListItem,
  TOwnEmployer,
  ZEmployerProfileBody,
} from '../../domain/api/opportunities.ts';
import type { TApplicationStatus, TOpportunityStatus } from '../../domain/opportunities/codes.ts';
import { ApiError, apiFetch } from './client.ts';
import type { TApplicantPage, TApplicationMove, TOpportunityInput } from './opportunities.ts';

/*
 * The employer's portal (/api/employer/…): its registration, its own posts and the masked applicants of each.
 * Types only from the domain schemas (and the staff client's shared ones), so the pages do not load zod.
 */

type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TEmployerPostPage = TPage<TOpportunityListItem>;

export type TEmployerPostSearch = {
  page: number;
  pageSize: number;
  status?: TOpportunityStatus;
  q?: string;
};

const KEY = ['employer'] as const;
const postPath = (id: string, rest = '') => `/api/employer/opportunities/${encodeURIComponent(id)}${rest}`;
export const employerPostKey = (id: string) => [...KEY, 'post', id] as const;

/**
 * My registration and where its review stands (pending employers may look but not post); null when my
 * organisation never registered as an employer.
 */
export function useEmployerProfile() {
  return useQuery({
    queryKey: PROFILE_KEY,
    queryFn: async () => (await apiFetch<{ employer: TOwnEmployer | null }>(PROFILE_PATH)).employer,
    refetchOnWindowFocus: true,
  });
}

const PROFILE_KEY = [...KEY, 'profile'] as const;
const PROFILE_PATH = '/api/employer/profile';
export type TEmployerProfileInput = z.input<typeof ZEmployerProfileBody>;

/**
 * Edit my profile on the revision shown (contact, region, industry, nature, size; never the credit code, the
 * name or the tags). A conflict means a colleague saved first: the profile is read again.
 */
export function useUpdateEmployerProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TEmployerProfileInput) =>
      (await apiFetch<{ employer: TOwnEmployer | null }>(PROFILE_PATH, { method: 'PUT', body })).employer,
    onSuccess: (employer) => queryClient.setQueryData(PROFILE_KEY, employer),
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'conflict') {
        void queryClient.invalidateQueries({ queryKey: PROFILE_KEY });
      }
    },
  });
}

export function useEmployerPosts(search: TEmployerPostSearch, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'posts', search],
    queryFn: () =>
      apiFetch<TEmployerPostPage>('/api/employer/opportunities', {
        query: {
          page: String(search.page),
          pageSize: String(search.pageSize),
          status: search.status,
          q: search.q,
          sort: 'created',
          order: 'desc',
        },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEmployerPost(id: string) {
  return useQuery({
    queryKey: employerPostKey(id),
    queryFn: () => apiFetch<TOpportunityDetail>(postPath(id)),
  });
}

/** Create (a draft) or edit one of my posts; an edit carries the version it was made on. */
export function useSaveEmployerPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string | null; body: TOpportunityInput; version?: number }) =>
      id
        ? apiFetch<TOpportunityDetail>(postPath(id), { method: 'PUT', body: { ...body, version } })
        : apiFetch<TOpportunityDetail>('/api/employer/opportunities', { method: 'POST', body }),
    onSuccess: (post) => {
      queryClient.setQueryData(employerPostKey(post.id), post);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'posts'] });
    },
  });
}

/** Open a post for applications, or close it. */
export function useSetEmployerPostStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, version }: { id: string; status: 'open' | 'closed'; version: number }) =>
      apiFetch<TOpportunityDetail>(postPath(id, '/status'), { method: 'POST', body: { status, version } }),
    onSuccess: (post) => {
      queryClient.setQueryData(employerPostKey(post.id), post);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'posts'] });
    },
  });
}

/** Delete one of my drafts (a post that was opened is closed instead, never deleted). */
export function useDeleteEmployerPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(postPath(id), { method: 'DELETE' }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: employerPostKey(id) });
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'posts'] });
    },
  });
}

export function useApplicants(
  postId: string,
  search: { page: number; pageSize: number; status?: TApplicationStatus },
) {
  return useQuery({
    queryKey: [...KEY, 'applicants', postId, search],
    queryFn: () =>
      apiFetch<TApplicantPage>(postPath(postId, '/applications'), {
        query: { page: String(search.page), pageSize: String(search.pageSize), status: search.status },
      }),
    placeholderData: keepPreviousData,
  });
}

/** Move an applicant on (interview, offer, hired, rejected) on the version shown. */
export function useMoveApplicant(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TApplicationMove }) =>
      apiFetch<TApplicant>(`/api/employer/applications/${encodeURIComponent(id)}/status`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'applicants', postId] });
      // places taken and applicant counts change with the status
      void queryClient.invalidateQueries({ queryKey: employerPostKey(postId) });
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'posts'] });
    },
  });
}
