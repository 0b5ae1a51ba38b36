import { useQuery } from '@tanstack/react-query';
import type { THealth } from '../../domain/api/common.ts';
import { apiFetch } from './client.ts';

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => apiFetch<THealth>('/api/health'),
    refetchInterval: 30_000,
    retry: false,
  });
}
