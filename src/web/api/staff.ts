import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TClassAssignBody,
  TClassAssignResult,
  TClassList,
  TMoveCaseloadBody,
  TStaffImportResult,
} from '../../domain/api/staff.ts';
import { ApiError, apiDownload, apiFetch, apiUpload, downloadName } from './client.ts';

/** Staff import (template, upload, error workbook) and counselor ↔ class assignments (issue 22). */

export function downloadStaffTemplate(): Promise<void> {
  return apiDownload('/api/users/import/template', 'staff-template.xlsx');
}

export function useStaffImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<TStaffImportResult>('/api/users/import', form);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: CLASSES_KEY });
    },
  });
}

/** The error workbook of a file: the server judges the same file again (nothing of it was kept). */
export async function downloadStaffErrors(file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/users/import/errors', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(
      response.status,
      body.error?.code ?? 'unknown',
      body.error?.message ?? response.statusText,
    );
  }
  saveBlob(await response.blob(), downloadName(response.headers.get('content-disposition'), 'errors.xlsx'));
}

export function saveBlob(blob: Blob, name: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

const CLASSES_KEY = ['classes'] as const;

export function useClasses(cohort: number | undefined) {
  return useQuery({
    queryKey: [...CLASSES_KEY, cohort ?? null],
    queryFn: () =>
      apiFetch<TClassList>('/api/classes', {
        query: { cohort: cohort === undefined ? undefined : String(cohort) },
      }),
    placeholderData: keepPreviousData,
  });
}

function useClassMutation<T>(fn: (body: T) => Promise<TClassAssignResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: CLASSES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export function useSetClassCounselors() {
  return useClassMutation((body: TClassAssignBody) =>
    apiFetch<TClassAssignResult>('/api/classes/counselors', { method: 'PUT', body }),
  );
}

export function useMoveCaseload() {
  return useClassMutation((body: TMoveCaseloadBody) =>
    apiFetch<TClassAssignResult>('/api/classes/move', { method: 'POST', body }),
  );
}
