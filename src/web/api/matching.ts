import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCaseRecommendations,
  TFunnel,
  TFunnelGroup,
  TPushChannel,
  TPushItem,
  TPushResult,
} from '../../domain/api/matching.ts';
import { caseKey } from './cases.ts';
import { apiFetch } from './client.ts';

/*
 * Matching for staff: a case's recommendations (with the per-factor breakdown and near misses), pushing a post
 * to the graduate, the case's pushes, and the push funnel. Types only from the domain schemas.
 */

type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TPushPage = TPage<TPushItem>;

const KEY = ['matching'] as const;
const recommendationsKey = (caseId: string) => [...KEY, 'recommendations', caseId] as const;
const casePushesKey = (caseId: string) => [...KEY, 'outbox', 'case', caseId] as const;

export function useRecommendations(caseId: string, limit = 10) {
  return useQuery({
    queryKey: [...recommendationsKey(caseId), limit],
    queryFn: () =>
      apiFetch<TCaseRecommendations>(`/api/cases/${encodeURIComponent(caseId)}/recommendations`, {
        query: { limit: String(limit) },
      }),
  });
}

export type TPushInput = { opportunityId: string; channels: TPushChannel[]; note: string };

/** Push a post to the case's graduate; the answer says per channel what happened (sent, limited, duplicate …). */
export function usePush(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPushInput) =>
      apiFetch<TPushResult>(`/api/cases/${encodeURIComponent(caseId)}/push`, { method: 'POST', body }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: recommendationsKey(caseId) });
      void queryClient.invalidateQueries({ queryKey: casePushesKey(caseId) });
      // a push is an event on the case's timeline
      void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
    },
  });
}

/** The pushes made to this case's graduate, newest first. */
export function useCasePushes(caseId: string) {
  return useQuery({
    queryKey: casePushesKey(caseId),
    queryFn: () =>
      apiFetch<TPushPage>('/api/matching/outbox', { query: { caseId, page: '1', pageSize: '100' } }),
  });
}

export type TFunnelSearch = {
  groupBy: TFunnelGroup;
  page: number;
  pageSize: number;
  from?: string;
  to?: string;
  cohort?: number;
};

export function useFunnel(search: TFunnelSearch) {
  return useQuery({
    queryKey: [...KEY, 'funnel', search],
    queryFn: () =>
      apiFetch<TFunnel>('/api/matching/funnel', {
        query: {
          groupBy: search.groupBy,
          page: String(search.page),
          pageSize: String(search.pageSize),
          from: search.from,
          to: search.to,
          cohort: search.cohort === undefined ? undefined : String(search.cohort),
        },
      }),
    placeholderData: keepPreviousData,
  });
}
