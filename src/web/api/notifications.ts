import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotification, TNotificationPage, TReadAllResult } from '../../domain/api/notifications.ts';
import { apiFetch } from './client.ts';

const NOTIFICATIONS_KEY = ['notifications'] as const;
/** The bell asks again every minute, so a new overdue notice shows without a reload. */
export const BELL_POLL_MS = 60_000;
const BELL_SIZE = 8;

export type TNotificationSearch = { page: number; pageSize: number; unread: boolean };

function fetchPage(search: TNotificationSearch) {
  return apiFetch<TNotificationPage>('/api/notifications', {
    query: {
      page: String(search.page),
      pageSize: String(search.pageSize),
      unread: search.unread ? 'true' : undefined,
    },
  });
}

/** The newest notifications and the unread count, for the header's bell. */
export function useLatestNotifications(signedIn: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'latest'],
    // stop polling the moment the session ends (logout clears the cache; a refetch then would be a 401)
    enabled: signedIn,
    queryFn: () => fetchPage({ page: 1, pageSize: BELL_SIZE, unread: false }),
    refetchInterval: BELL_POLL_MS,
  });
}

/** One page of the notifications page. */
export function useNotificationPage(search: TNotificationSearch) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'page', search],
    queryFn: () => fetchPage(search),
    placeholderData: keepPreviousData,
  });
}

/** A mutation that refreshes the bell and every cached page once it settles. */
function useNotificationMutation<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkNotificationRead() {
  return useNotificationMutation((id: string) =>
    apiFetch<TNotification>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  );
}

export function useMarkAllNotificationsRead() {
  return useNotificationMutation(() =>
    apiFetch<TReadAllResult>('/api/notifications/read-all', { method: 'POST' }),
  );
}
