import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAssignBody,
  TAssignResult,
  TPairedCase,
  TPairingCoverage,
  TPairingHelper,
  TPairingSuggestion,
  TSuggestBody,
  TUnpairedCase,
} from '../../domain/api/pairing.ts';
import { apiFetch } from './client.ts';

type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TUnpairedPage = TPage<TUnpairedCase>;
export type TPairedPage = TPage<TPairedCase>;

/** The list filters of the pairing page (both tabs). */
export type TPairingListSearch = {
  page: number;
  pageSize: number;
  cohort?: number;
  collegeId?: string;
  q?: string;
  /** paired tab only */
  helperUserId?: string;
};

const KEY = ['pairing'] as const;

function listQuery(s: TPairingListSearch): Record<string, string | undefined> {
  return {
    page: String(s.page),
    pageSize: String(s.pageSize),
    cohort: s.cohort === undefined ? undefined : String(s.cohort),
    collegeId: s.collegeId,
    q: s.q,
    helperUserId: s.helperUserId,
  };
}

export function usePairingCoverage(cohort: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'coverage', cohort ?? null],
    queryFn: () =>
      apiFetch<TPairingCoverage>('/api/pairing/coverage', {
        query: { cohort: cohort === undefined ? undefined : String(cohort) },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useUnpairedCases(search: TPairingListSearch) {
  const { helperUserId: _h, ...rest } = search;
  return useQuery({
    queryKey: [...KEY, 'unpaired', rest],
    queryFn: () => apiFetch<TUnpairedPage>('/api/pairing/unpaired', { query: listQuery(rest) }),
    placeholderData: keepPreviousData,
  });
}

export function usePairedCases(search: TPairingListSearch) {
  return useQuery({
    queryKey: [...KEY, 'paired', search],
    queryFn: () => apiFetch<TPairedPage>('/api/pairing/paired', { query: listQuery(search) }),
    placeholderData: keepPreviousData,
  });
}

/** The helpers with their load over the same cases as the coverage (of `cohort` when given). */
export function usePairingHelpers(cohort?: number) {
  return useQuery({
    queryKey: [...KEY, 'helpers', cohort ?? null],
    queryFn: async () =>
      (
        await apiFetch<{ items: TPairingHelper[] }>('/api/pairing/helpers', {
          query: { cohort: cohort === undefined ? undefined : String(cohort) },
        })
      ).items,
  });
}

/** A suggestion for the given cases (or all unpaired ones); the server writes nothing. */
export function useSuggestPairings() {
  return useMutation({
    mutationFn: (body: TSuggestBody) =>
      apiFetch<TPairingSuggestion>('/api/pairing/suggest', { method: 'POST', body }),
  });
}

/** Assign (or reassign) helpers; every view that shows a pairing or a helper's graduates is refreshed. */
export function useAssignPairings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TAssignBody) =>
      apiFetch<TAssignResult>('/api/pairing/assign', { method: 'POST', body }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: KEY }),
        client.invalidateQueries({ queryKey: ['cases'] }),
        client.invalidateQueries({ queryKey: ['graduates'] }),
      ]);
    },
  });
}
