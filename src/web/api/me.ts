import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TMe, TSmsRequestResult, TSmsVerifyBody } from '../../domain/api/auth.ts';
import type { TMyPush } from '../../domain/api/matching.ts';
import type {
  TMyApplication,
  TOpportunityListItem,
  TZoneRegion,
  ZApplyRefusal,
  ZSelfOpportunity,
} from '../../domain/api/opportunities.ts';
import type {
  TAccessLogItem,
  TSelfAccountResult,
  TSelfCase,
  TSelfCaseAnswer,
  TSelfFile,
  TSelfNeedsBody,
  TSelfProgress,
} from '../../domain/api/portal.ts';
import type { TApplicationSource } from '../../domain/opportunities/codes.ts';
import type { TOpportunityKind } from '../../domain/opportunities/types.ts';
import type { TLevel } from '../../domain/registry/fields.ts';
import { ME_KEY } from './auth.ts';
import { apiFetch, apiUpload } from './client.ts';

/*
 * The graduate's self-service API (/api/me/…) and SMS-code sign-in. Types only from the domain schemas, so the
 * mobile pages do not load zod.
 */

export const SELF_CASE_KEY = ['me', 'case'] as const;

export function useSelfCase() {
  return useQuery({
    queryKey: SELF_CASE_KEY,
    queryFn: () => apiFetch<TSelfCaseAnswer>('/api/me/case'),
  });
}

export function useUpdateSelfNeeds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSelfNeedsBody) => apiFetch<TSelfCase>('/api/me/needs', { method: 'PUT', body }),
    onSuccess: (record) => {
      queryClient.setQueryData<TSelfCaseAnswer>(SELF_CASE_KEY, { record });
      void queryClient.invalidateQueries({ queryKey: ['me', 'access-log'] });
    },
  });
}

export type TSelfProgressInput = {
  kind: TSelfProgress['kind'] & string;
  employer: string;
  post: string;
  date: string;
  note: string;
  evidenceFileId: string | null;
};

export function useAddSelfProgress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSelfProgressInput) =>
      apiFetch<TSelfProgress>('/api/me/progress', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SELF_CASE_KEY });
      void queryClient.invalidateQueries({ queryKey: ['me', 'access-log'] });
    },
  });
}

/** Upload one evidence file (multipart field `file`). */
export function uploadSelfFile(file: File, onProgress?: (sent: number, total: number) => void) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<TSelfFile>('/api/me/files', form, { onProgress });
}

/** Where the browser opens one of the graduate's own files. */
export const selfFileUrl = (id: string) => `/api/me/files/${encodeURIComponent(id)}`;

export type TAccessLogPage = { items: TAccessLogItem[]; total: number; page: number; pageSize: number };

export function useAccessLog(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['me', 'access-log', page, pageSize],
    queryFn: () =>
      apiFetch<TAccessLogPage>('/api/me/access-log', {
        query: { page: String(page), pageSize: String(pageSize) },
      }),
    placeholderData: keepPreviousData,
  });
}

// ——— SMS-code sign-in ———

export function useSmsRequest() {
  return useMutation({
    mutationFn: (phone: string) =>
      apiFetch<TSmsRequestResult>('/api/auth/sms/request', { method: 'POST', body: { phone } }),
  });
}

export function useSmsLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSmsVerifyBody) => apiFetch<TMe>('/api/auth/sms/verify', { method: 'POST', body }),
    onSuccess: (me) => {
      // as with a password sign-in: nothing cached for a previous user may leak into this session
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

// ——— staff: open the graduate's own account from the case page ———

export function useIssueSelfAccount(caseId: string) {
  return useMutation({
    mutationFn: () =>
      apiFetch<TSelfAccountResult>(`/api/cases/${encodeURIComponent(caseId)}/self-account`, {
        method: 'POST',
      }),
  });
}

// ——— posts: the featured zone, a post's page, applying, my applications, posts pushed to me ———

export type TSelfOpportunity = z.infer<typeof ZSelfOpportunity>;
export type TApplyRefusal = z.infer<typeof ZApplyRefusal>;
type TSelfPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TZonePage = TSelfPage<TOpportunityListItem>;

/** The zone's filters as they travel in the URL (and to the API). */
export type TZoneSearch = {
  page: number;
  pageSize: number;
  kind?: TOpportunityKind;
  level?: TLevel;
  /** a province, city or county code (a province matches its cities' and counties' posts) */
  region?: string;
  q?: string;
};

const SELF_POSTS_KEY = ['me', 'posts'] as const;
const SELF_APPLICATIONS_KEY = ['me', 'applications'] as const;
const SELF_PUSHES_KEY = ['me', 'pushes'] as const;

export function useZone(search: TZoneSearch) {
  return useQuery({
    queryKey: [...SELF_POSTS_KEY, 'zone', search],
    queryFn: () =>
      apiFetch<TZonePage>('/api/me/opportunities', {
        query: {
          page: String(search.page),
          pageSize: String(search.pageSize),
          kind: search.kind,
          level: search.level,
          region: search.region,
          q: search.q,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** The provinces, cities and counties the zone's posts are in: the region filter's choices. */
export function useZoneRegions(enabled = true) {
  return useQuery({
    queryKey: [...SELF_POSTS_KEY, 'regions'],
    queryFn: () => apiFetch<TZoneRegion[]>('/api/me/opportunities/regions'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useSelfOpportunity(id: string) {
  return useQuery({
    queryKey: [...SELF_POSTS_KEY, 'detail', id],
    queryFn: () => apiFetch<TSelfOpportunity>(`/api/me/opportunities/${encodeURIComponent(id)}`),
  });
}

export function useMyApplications() {
  return useQuery({
    queryKey: SELF_APPLICATIONS_KEY,
    queryFn: () => apiFetch<TMyApplication[]>('/api/me/applications'),
  });
}

function refreshAfterApplication(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: SELF_POSTS_KEY });
  void queryClient.invalidateQueries({ queryKey: SELF_APPLICATIONS_KEY });
  void queryClient.invalidateQueries({ queryKey: SELF_PUSHES_KEY });
  // the application is a step on my record's progress too
  void queryClient.invalidateQueries({ queryKey: SELF_CASE_KEY });
}

/** Apply; a refusal is a 409 whose details say why (`TApplyRefusal`). */
export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { opportunityId: string; source: TApplicationSource }) =>
      apiFetch<TMyApplication>('/api/me/applications', { method: 'POST', body }),
    onSuccess: () => refreshAfterApplication(queryClient),
  });
}

export function useWithdraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<TMyApplication>(`/api/me/applications/${encodeURIComponent(id)}/withdraw`, { method: 'POST' }),
    onSuccess: () => refreshAfterApplication(queryClient),
  });
}

/** Posts my teachers pushed to me, newest first. */
export function useMyPushes() {
  return useQuery({
    queryKey: SELF_PUSHES_KEY,
    queryFn: () => apiFetch<TMyPush[]>('/api/me/pushes'),
  });
}

/** Mark a pushed post as seen (opening it does this). */
export function useMarkPushViewed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<TMyPush>(`/api/me/pushes/${encodeURIComponent(id)}/view`, { method: 'POST' }),
    onSuccess: (push) => {
      queryClient.setQueryData<TMyPush[]>(SELF_PUSHES_KEY, (list) =>
        list?.map((p) => (p.id === push.id ? push : p)),
      );
    },
  });
}
