import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '@/lib/api';

export type NotificationsQuery = NonNullable<paths['/api/v1/notifications']['get']['parameters']['query']>;

/** pollMs is how often the bell asks for the unread count. */
export const pollMs = 45_000;

export const notificationsKey = ['notifications'] as const;

/** useUnreadCount is the caller's unread count, polled. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'count'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications/count')),
    refetchInterval: pollMs,
    staleTime: 10_000,
  });
}

/** useNotifications is one page of the caller's notifications, newest first. */
export function useNotifications(query: NotificationsQuery) {
  return useQuery({
    queryKey: [...notificationsKey, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query } })),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
