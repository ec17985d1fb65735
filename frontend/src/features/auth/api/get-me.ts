import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, session, unwrap, type User } from '@/lib/api';

/** meQueryKey is the signed-in user's cache key. */
export const meQueryKey = ['me'] as const;

/** getMe fetches the signed-in user. */
export function getMe(): Promise<User> {
  return unwrap(api.GET('/api/v1/me'));
}

/** meQueryOptions is the query for the signed-in user. */
export function meQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: getMe });
}

/**
 * useCurrentUser is the signed-in user; only inside the signed-in part of
 * the app (RequireAuth), where it is never undefined: it starts from the
 * user the sign-in or refresh answered.
 */
export function useCurrentUser(): User {
  const fallback = session.getState().user;
  const { data } = useQuery({ ...meQueryOptions(), initialData: fallback ?? undefined });
  if (!data) throw new Error('useCurrentUser outside the signed-in app');
  return data;
}
