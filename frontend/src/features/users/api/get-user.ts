import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getUser fetches one user (for a reload after a 412). */
export function getUser(id: number) {
  return unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } }));
}

export const userQueryKey = (id: number) => ['user', id] as const;

export function userQueryOptions(id: number) {
  return queryOptions({ queryKey: userQueryKey(id), queryFn: () => getUser(id) });
}
