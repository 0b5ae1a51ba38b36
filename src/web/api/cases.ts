import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TCaseDetail,
  TCaseEvent,
  TCaseListItem,
  TCaseloadSummary,
  TVersionConflict,
  ZBulkMeasureBody,
  ZBulkStatusBody,
  ZDestinationBody,
  ZFollowUpBody,
  ZMeasureBody,
  ZNeedsBody,
  ZPlanBody,
  ZProgressBody,
  ZStatusBody,
} from '../../domain/api/ledger.ts';
import type { TCasePairing } from '../../domain/api/pairing.ts';
import type { TCaseStage, TCaseStatus, TIntention } from '../../domain/ledger/codes.ts';
import type { TCaseSort, TSiqingKey } from './case-codes.ts';
import { ApiError, apiDownload, apiFetch, apiUpload } from './client.ts';

/** The worklist's filters as they travel in the URL (and to both the list and the summary). */
export type TCaseFilterSearch = {
  q?: string;
  cohort?: number;
  status?: TCaseStatus;
  stage?: TCaseStage;
  collegeId?: string;
  intention?: TIntention;
  overdue?: 'true';
  unpaired?: 'true';
  /** cases whose class no active counselor keeps (issue 22) */
  noCounselor?: 'true';
  notClear?: TSiqingKey;
};

export type TCaseSearch = TCaseFilterSearch & {
  page: number;
  pageSize: number;
  sort?: TCaseSort;
  order?: 'asc' | 'desc';
};

type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TCasePage = TPage<TCaseListItem>;
export type TCaseEventPage = TPage<TCaseEvent>;
export type TCaseFile = TCaseDetail['files'][number];
export type TBulkResult = { updated: number; skipped: number };

export type TNeedsBody = z.input<typeof ZNeedsBody>;
export type TPlanBody = z.input<typeof ZPlanBody>;
export type TDestinationBody = z.input<typeof ZDestinationBody>;
export type TStatusBody = z.input<typeof ZStatusBody>;
export type TMeasureBody = z.input<typeof ZMeasureBody>;
export type TFollowUpBody = z.input<typeof ZFollowUpBody>;
export type TProgressBody = z.input<typeof ZProgressBody>;
export type TBulkMeasureBody = z.input<typeof ZBulkMeasureBody>;
export type TBulkStatusBody = z.input<typeof ZBulkStatusBody>;

const CASES_KEY = ['cases'] as const;
export const caseKey = (id: string) => [...CASES_KEY, 'detail', id] as const;
const casePath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

/** The API query: every value as a string, unset ones left out. */
export function caseFilterQuery(f: TCaseFilterSearch): Record<string, string | undefined> {
  return {
    q: f.q,
    cohort: f.cohort === undefined ? undefined : String(f.cohort),
    status: f.status,
    stage: f.stage,
    collegeId: f.collegeId,
    intention: f.intention,
    overdue: f.overdue,
    unpaired: f.unpaired,
    noCounselor: f.noCounselor,
    notClear: f.notClear,
  };
}

export function useCasePage(search: TCaseSearch) {
  return useQuery({
    queryKey: [...CASES_KEY, 'page', search],
    queryFn: () =>
      apiFetch<TCasePage>('/api/cases', {
        query: {
          ...caseFilterQuery(search),
          page: String(search.page),
          pageSize: String(search.pageSize),
          sort: search.sort,
          order: search.order,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCaseSummary(filters: TCaseFilterSearch) {
  return useQuery({
    queryKey: [...CASES_KEY, 'summary', filters],
    queryFn: () => apiFetch<TCaseloadSummary>('/api/cases/summary', { query: caseFilterQuery(filters) }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => apiFetch<TCaseDetail>(casePath(id)),
    // a case page open for long must not keep a version everyone else has moved past
    refetchOnWindowFocus: true,
  });
}

export function useCaseEvents(id: string, q: { kind?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...caseKey(id), 'events', q],
    queryFn: () =>
      apiFetch<TCaseEventPage>(casePath(id, '/events'), {
        query: { kind: q.kind, page: String(q.page), pageSize: String(q.pageSize) },
      }),
    placeholderData: keepPreviousData,
  });
}

/** The case's 一帮一 history, or nothing when the server has no such route or refuses (then it is not shown). */
export function useCasePairings(id: string) {
  return useQuery({
    queryKey: [...caseKey(id), 'pairings'],
    queryFn: async () => {
      const answer = await apiFetch<{ items: TCasePairing[] } | TCasePairing[]>(casePath(id, '/pairings'));
      return Array.isArray(answer) ? answer : answer.items;
    },
    retry: false,
  });
}

/** The holding bureau's staff who can be named responsible for a handed-over case (only fetched when asked). */
export function useResponsibleCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...caseKey(id), 'responsible-candidates'],
    queryFn: () => apiFetch<{ userId: string; name: string }[]>(casePath(id, '/responsible-candidates')),
    enabled,
  });
}

/** After a change: the answer is the fresh case page; lists, counts and the timeline are refetched. */
function afterCaseChange(queryClient: QueryClient, id: string, detail?: TCaseDetail) {
  if (detail) queryClient.setQueryData(caseKey(id), detail);
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const [root, kind, caseId, sub] = query.queryKey as unknown[];
      if (root !== 'cases') return false;
      if (kind !== 'detail') return true;
      // the pairing history does not change with edits of the case
      return caseId === id && sub !== 'pairings' && (sub !== undefined || !detail);
    },
  });
}

export type TCaseEdit =
  | { path: '/needs'; method: 'PUT'; body: TNeedsBody }
  | { path: '/plan'; method: 'PUT'; body: TPlanBody }
  | { path: '/verify-profile'; method: 'POST'; body: { version: number } }
  | { path: '/destination'; method: 'PUT'; body: TDestinationBody }
  | { path: '/status'; method: 'PUT'; body: TStatusBody }
  | { path: '/measures'; method: 'POST'; body: TMeasureBody }
  | { path: '/follow-ups'; method: 'POST'; body: TFollowUpBody }
  | { path: '/progress'; method: 'POST'; body: TProgressBody }
  | { path: '/responsible'; method: 'PUT'; body: { userId: string | null } };

/** Any edit of one case; every one answers with the updated case page. */
export function useCaseEdit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: TCaseEdit) =>
      apiFetch<TCaseDetail>(casePath(id, edit.path), { method: edit.method, body: edit.body }),
    onSuccess: (detail) => afterCaseChange(queryClient, id, detail),
  });
}

/** The 409 of an overwrite made on an old version, with both sides; null for any other error. */
export function versionConflictOf(error: unknown): TVersionConflict | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as (Partial<TVersionConflict> & { reason?: string }) | undefined;
  if (details?.reason !== 'version_conflict' || typeof details.currentVersion !== 'number') return null;
  return {
    currentVersion: details.currentVersion,
    yours: details.yours ?? {},
    theirs: details.theirs ?? {},
    updatedBy: details.updatedBy ?? null,
    updatedAt: details.updatedAt ?? null,
  };
}

export function useUploadCaseFile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<TCaseFile>(casePath(id, '/files'), form);
    },
    onSuccess: () => afterCaseChange(queryClient, id),
  });
}

export function downloadCaseFile(id: string, file: { id: string; name: string }): Promise<void> {
  return apiDownload(casePath(id, `/files/${encodeURIComponent(file.id)}`), file.name);
}

export function useRevealOnCase(id: string) {
  return useMutation({
    mutationFn: (body: { field: 'idNumber' | 'phone'; reason: string }) =>
      apiFetch<{ value: string }>(casePath(id, '/reveal'), { method: 'POST', body }),
  });
}

export function useBulkMeasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBulkMeasureBody) =>
      apiFetch<TBulkResult>('/api/cases/bulk/measures', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CASES_KEY }),
  });
}

export function useBulkStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBulkStatusBody) =>
      apiFetch<TBulkResult>('/api/cases/bulk/status', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CASES_KEY }),
  });
}
