import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { TAuditEvent, TAuditVerifyResult } from '../../domain/api/audit.ts';
import { apiFetch } from './client.ts';

/** Audit query as it travels in the URL: every value a string, absent when unset. */
export type TAuditSearch = {
  page: number;
  pageSize: number;
  action?: string;
  actor?: string;
  entityType?: string;
  from?: string;
  to?: string;
};

export type TAuditPage = { items: TAuditEvent[]; total: number; page: number; pageSize: number };

export function useAuditPage(search: TAuditSearch) {
  return useQuery({
    queryKey: ['audit', 'page', search],
    queryFn: () =>
      apiFetch<TAuditPage>('/api/audit', {
        query: { ...search, page: String(search.page), pageSize: String(search.pageSize) },
      }),
    // keeps the table filled while the next page loads instead of flashing empty
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiFetch<TAuditVerifyResult>('/api/audit/verify') });
}
