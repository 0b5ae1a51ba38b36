import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateUserBody,
  TUpdateUserBody,
  TUserListItem,
  TUserListQuery,
  TUserSort,
} from '../../domain/api/auth.ts';
import { apiFetch } from './client.ts';

/** The account list query as it travels in the URL: absent values are unset filters. */
export type TUserSearch = {
  page: number;
  pageSize: number;
  q?: string;
  role?: NonNullable<TUserListQuery['role']>;
  status?: NonNullable<TUserListQuery['status']>;
  sort?: TUserSort;
};

export type TUserPage = { items: TUserListItem[]; total: number; page: number; pageSize: number };

const USERS_KEY = ['users'] as const;

export function useUserPage(search: TUserSearch) {
  return useQuery({
    queryKey: [...USERS_KEY, 'page', search],
    queryFn: () =>
      apiFetch<TUserPage>('/api/users', {
        query: { ...search, page: String(search.page), pageSize: String(search.pageSize) },
      }),
    // keeps the table filled while the next page loads instead of flashing empty
    placeholderData: keepPreviousData,
  });
}

/** A mutation that refreshes every cached account page once it settles, successful or not. */
function useUserMutation<TVars, TResult = void>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useCreateUser() {
  return useUserMutation((body: TCreateUserBody) =>
    apiFetch<{ id: string }>('/api/users', { method: 'POST', body }),
  );
}

export function useUpdateUser() {
  return useUserMutation(({ id, body }: { id: string; body: TUpdateUserBody }) =>
    apiFetch<void>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  );
}

export function useUnlockUser() {
  return useUserMutation((id: string) =>
    apiFetch<void>(`/api/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' }),
  );
}

export function useResetPassword() {
  return useUserMutation(({ id, password }: { id: string; password: string }) =>
    apiFetch<void>(`/api/users/${encodeURIComponent(id)}/reset-password`, {
      method: 'POST',
      body: { password },
    }),
  );
}
