import { useQuery } from '@tanstack/react-query';
import type {
  TCodeTable,
  TFocusList,
  TRegionNode,
  TResolvedCounty,
  TSupportPair,
} from '../../domain/api/reference.ts';
import { apiFetch } from './client.ts';

// Reference data changes with a new notice or a re-coding, not within a session.
const REFERENCE_STALE_MS = 60 * 60_000;

export const regionChildrenKey = (parent: string | null) =>
  ['reference', 'regions', 'children', parent] as const;

/** Provinces when `parent` is null, otherwise the direct children of `parent`. */
export function fetchRegionChildren(parent: string | null): Promise<TRegionNode[]> {
  return apiFetch<TRegionNode[]>('/api/reference/regions', { query: { parent: parent ?? undefined } });
}

export function useProvinces() {
  return useQuery({
    queryKey: regionChildrenKey(null),
    queryFn: () => fetchRegionChildren(null),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useRegionSearch(q: string) {
  return useQuery({
    queryKey: ['reference', 'regions', 'search', q],
    queryFn: () => apiFetch<TRegionNode[]>('/api/reference/regions', { query: { q } }),
    enabled: q.length > 0,
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useResolveCode(code: string) {
  return useQuery({
    queryKey: ['reference', 'regions', 'resolve', code],
    queryFn: () => apiFetch<TResolvedCounty>(`/api/reference/regions/resolve/${encodeURIComponent(code)}`),
    enabled: /^\d{6}$/.test(code),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useFocusLists() {
  return useQuery({
    queryKey: ['reference', 'focus-lists'],
    queryFn: () => apiFetch<TFocusList[]>('/api/reference/focus-lists'),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useCodeTables() {
  return useQuery({
    queryKey: ['reference', 'code-tables'],
    queryFn: () => apiFetch<TCodeTable[]>('/api/reference/code-tables'),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useSupportPairs() {
  return useQuery({
    queryKey: ['reference', 'support-pairs'],
    queryFn: () => apiFetch<TSupportPair[]>('/api/reference/support-pairs'),
    staleTime: REFERENCE_STALE_MS,
  });
}
