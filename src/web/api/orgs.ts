import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TOrgCreateBody,
  TOrgDeactivateBody,
  TOrgNode,
  TOrgUnit,
  TOrgUpdateBody,
  TUniversityRef,
} from '../../domain/api/orgs.ts';
import { apiFetch } from './client.ts';

const ORGS_KEY = ['orgs'] as const;

export function useOrgTree() {
  return useQuery({
    queryKey: [...ORGS_KEY, 'tree'],
    queryFn: () => apiFetch<TOrgNode[]>('/api/orgs/tree'),
    staleTime: 5 * 60_000,
  });
}

/** A change to the tree refreshes it (and every org picker reading it) once it settles. */
function useOrgMutation<TVars>(mutationFn: (vars: TVars) => Promise<TOrgUnit>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

export function useCreateOrg() {
  return useOrgMutation((body: TOrgCreateBody) => apiFetch<TOrgUnit>('/api/orgs', { method: 'POST', body }));
}

export function useUpdateOrg() {
  return useOrgMutation(({ id, body }: { id: string; body: TOrgUpdateBody }) =>
    apiFetch<TOrgUnit>(`/api/orgs/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  );
}

export function useMoveOrg() {
  return useOrgMutation(({ id, parentId }: { id: string; parentId: string | null }) =>
    apiFetch<TOrgUnit>(`/api/orgs/${encodeURIComponent(id)}/move`, { method: 'POST', body: { parentId } }),
  );
}

export function useDeactivateOrg() {
  return useOrgMutation(({ id, body }: { id: string; body: TOrgDeactivateBody }) =>
    apiFetch<TOrgUnit>(`/api/orgs/${encodeURIComponent(id)}/deactivate`, { method: 'POST', body }),
  );
}

/** The official list of institutions, searched by name or code (empty query: nothing asked). */
export function useUniversitySearch(q: string) {
  return useQuery({
    queryKey: ['reference', 'universities', q],
    queryFn: () => apiFetch<TUniversityRef[]>('/api/reference/universities', { query: { q } }),
    enabled: q.length > 0,
    staleTime: 60 * 60_000,
  });
}
