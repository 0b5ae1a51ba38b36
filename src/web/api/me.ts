import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TMe, TSmsRequestResult, TSmsVerifyBody } from '../../domain/api/auth.ts';
import type {
  TAccessLogItem,
  TSelfAccountResult,
  TSelfCase,
  TSelfCaseAnswer,
  TSelfFile,
  TSelfNeedsBody,
  TSelfProgress,
} from '../../domain/api/portal.ts';
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
