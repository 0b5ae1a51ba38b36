import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TChangePasswordBody, TLoginBody, TMe } from '../../domain/api/auth.ts';
import { apiFetch, isApiError } from './client.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
async function fetchMe(): Promise<TMe | null> {
  try {
    return await apiFetch<TMe>('/api/auth/me');
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLoginBody) => apiFetch<TMe>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      // another user may have used this tab: nothing cached for them may leak into this session
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TChangePasswordBody) => apiFetch<void>('/api/auth/password', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}
