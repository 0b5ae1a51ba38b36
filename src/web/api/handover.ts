import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  THandoverBatch,
  THandoverBatchDetail,
  THandoverCommitBody,
  THandoverPreview,
} from '../../domain/api/handover.ts';
import { apiFetch } from './client.ts';

export type THandoverPage = { items: THandoverBatch[]; total: number; page: number; pageSize: number };

const KEY = ['handovers'] as const;

/** What a handover of the cohort would do now (read-only, so a query even though it is a POST). */
export function useHandoverPreview(cohort: number) {
  return useQuery({
    queryKey: [...KEY, 'preview', cohort],
    queryFn: () => apiFetch<THandoverPreview>('/api/handovers/preview', { method: 'POST', body: { cohort } }),
  });
}

export function useHandoverBatches(search: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...KEY, 'list', search],
    queryFn: () =>
      apiFetch<THandoverPage>('/api/handovers', {
        query: { page: String(search.page), pageSize: String(search.pageSize) },
      }),
    placeholderData: keepPreviousData,
  });
}

/** One batch with its cases; `id` null keeps the query idle (drawer closed). */
export function useHandoverBatch(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => apiFetch<THandoverBatchDetail>(`/api/handovers/${encodeURIComponent(id!)}`),
    enabled: id !== null,
  });
}

/** Commit a batch; afterwards the preview, the batch list and every case list are stale. */
export function useCommitHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: THandoverCommitBody) =>
      apiFetch<THandoverBatch>('/api/handovers', { method: 'POST', body }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
