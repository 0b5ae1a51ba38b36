import { useQuery } from '@tanstack/react-query';
import type { THealth } from '../../domain/api/common.ts';
import { apiFetch, isApiError } from './client.ts';

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: async () => {
      try {
        return await apiFetch<THealth>('/api/health');
      } catch (error) {
        // degraded is still an answer: the server sends its health body with a 503
        if (isApiError(error, 503) && isHealth(error.body)) return error.body;
        throw error;
      }
    },
    refetchInterval: 30_000,
    retry: false,
  });
}

function isHealth(body: unknown): body is THealth {
  return typeof body === 'object' && body !== null && 'status' in body && 'database' in body;
}
