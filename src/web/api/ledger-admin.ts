import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSiqingRow } from '../../domain/api/ledger.ts';
import type { TLedgerRules } from '../../domain/ledger/rules.ts';
import { apiFetch } from './client.ts';

/** How the 四清 report groups cases. */
export const SIQING_GROUPS = ['university', 'college', 'province', 'county'] as const;
export type TSiqingGroup = (typeof SIQING_GROUPS)[number];

/** 四清 counts per unit over the cases the user may see. */
export function useSiqingReport(groupBy: TSiqingGroup, cohort: number | undefined) {
  return useQuery({
    queryKey: ['ledger', 'siqing', groupBy, cohort ?? null],
    queryFn: () =>
      apiFetch<TSiqingRow[]>('/api/ledger/siqing', {
        query: { groupBy, cohort: cohort === undefined ? undefined : String(cohort) },
      }),
    placeholderData: keepPreviousData,
  });
}

const RULES_KEY = ['ledger', 'rules'] as const;

export function useLedgerRules() {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: () => apiFetch<TLedgerRules>('/api/ledger/rules'),
  });
}

/** Save the whole rule set; due dates and 四清 flags everywhere follow the new rules. */
export function useSaveLedgerRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: TLedgerRules) =>
      apiFetch<TLedgerRules>('/api/ledger/rules', { method: 'PUT', body: rules }),
    onSuccess: (saved) => {
      queryClient.setQueryData(RULES_KEY, saved);
      void queryClient.invalidateQueries({ queryKey: ['ledger', 'siqing'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
