import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BATCH_STATUSES, ROW_STATUSES, TImportBatch, TImportRow } from '../../domain/api/imports.ts';
import type { TImportKind } from '../../domain/registry/fields.ts';
import { apiDownload, apiFetch, apiUpload } from './client.ts';

export type TBatchStatus = (typeof BATCH_STATUSES)[number];
export type TRowStatus = (typeof ROW_STATUSES)[number];

/** The batch list query as it travels in the URL: absent values are unset filters. */
export type TImportSearch = { page: number; pageSize: number; kind?: TImportKind; status?: TBatchStatus };

type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TImportPage = TPage<TImportBatch>;
export type TImportRowPage = TPage<TImportRow>;

const IMPORTS_KEY = ['imports'] as const;
const batchKey = (id: string) => [...IMPORTS_KEY, 'batch', id] as const;

/** How often a batch that is still parsing is asked for its progress. */
export const POLL_MS = 1000;

export function useImportPage(search: TImportSearch) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'page', search],
    queryFn: () =>
      apiFetch<TImportPage>('/api/imports', {
        query: { ...search, page: String(search.page), pageSize: String(search.pageSize) },
      }),
    placeholderData: keepPreviousData,
    // a batch still parsing in the list moves on by itself
    refetchInterval: (query) =>
      query.state.data?.items.some((b) => b.status === 'parsing') ? POLL_MS * 3 : false,
  });
}

/** One batch; polled every second while the server is still reading the file. */
export function useImportBatch(id: string) {
  return useQuery({
    queryKey: batchKey(id),
    queryFn: () => apiFetch<TImportBatch>(`/api/imports/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data?.status === 'parsing' ? POLL_MS : false),
  });
}

export function useImportRows(
  id: string,
  search: { status: TRowStatus; page: number; pageSize: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...batchKey(id), 'rows', search],
    queryFn: () =>
      apiFetch<TImportRowPage>(`/api/imports/${encodeURIComponent(id)}/rows`, {
        query: { status: search.status, page: String(search.page), pageSize: String(search.pageSize) },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type TUploadVars = {
  file: File;
  kind: TImportKind;
  cohort?: number;
  /** org code of the university, for a province uploading a roster */
  university?: string;
  onProgress?: (percent: number) => void;
};

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind, cohort, university, onProgress }: TUploadVars) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<TImportBatch>('/api/imports', form, {
        query: { kind, cohort: cohort === undefined ? undefined : String(cohort), university },
        onProgress: (sent, total) => onProgress?.(total > 0 ? Math.round((sent / total) * 100) : 0),
      });
    },
    onSuccess: (batch) => {
      queryClient.setQueryData(batchKey(batch.id), batch);
      void queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'page'] });
    },
  });
}

/** Save the batch's mapping as the organisation's template (used first on its next upload of this kind). */
export function useSaveMappingTemplate() {
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      apiFetch<{ id: string }>(`/api/imports/${encodeURIComponent(id)}/mapping-template`, {
        method: 'POST',
        body: { name },
      }),
  });
}

export function useRemapImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      mapping,
      headerRow,
    }: {
      id: string;
      mapping: Record<string, number>;
      headerRow?: number;
    }) =>
      apiFetch<TImportBatch>(`/api/imports/${encodeURIComponent(id)}/remap`, {
        method: 'POST',
        body: headerRow === undefined ? { mapping } : { mapping, headerRow },
      }),
    onSuccess: (batch) => {
      queryClient.setQueryData(batchKey(batch.id), batch);
      void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
    },
  });
}

export type TBatchAction = 'commit' | 'discard' | 'revert';

/** Commit, discard or revert; the answer is the batch in its new state. */
export function useBatchAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: TBatchAction }) =>
      apiFetch<TImportBatch>(`/api/imports/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: (batch) => queryClient.setQueryData(batchKey(batch.id), batch),
    // a refused action (409) may mean the batch moved on elsewhere: show its real state either way
    onSettled: (_data, _error, { id }) => {
      void queryClient.invalidateQueries({ queryKey: batchKey(id) });
      void queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'page'] });
      void queryClient.invalidateQueries({ queryKey: ['graduates'] });
    },
  });
}

export function downloadErrorWorkbook(batch: Pick<TImportBatch, 'id' | 'fileName'>): Promise<void> {
  const base = batch.fileName.replace(/\.[^.]+$/, '');
  return apiDownload(`/api/imports/${encodeURIComponent(batch.id)}/error-workbook`, `${base}-errors.xlsx`);
}

export function downloadTemplate(kind: TImportKind): Promise<void> {
  return apiDownload(`/api/imports/templates/${kind}`, `${kind}-template.xlsx`);
}
