import { useQuery } from '@tanstack/react-query';
import type { TOrgNode } from '../../domain/api/orgs.ts';
import { apiFetch } from './client.ts';

export function useOrgTree() {
  return useQuery({
    queryKey: ['orgs', 'tree'],
    queryFn: () => apiFetch<TOrgNode[]>('/api/orgs/tree'),
    staleTime: 5 * 60_000,
  });
}
