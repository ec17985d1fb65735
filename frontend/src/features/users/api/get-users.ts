import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '@/lib/api';

export type UsersQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;

/** getUsers fetches one page of users (admins see everyone). */
export function getUsers(query: UsersQuery) {
  return unwrap(api.GET('/api/v1/users', { params: { query } }));
}

export const usersQueryKey = (query: UsersQuery) => ['users', query] as const;

export function usersQueryOptions(query: UsersQuery) {
  return queryOptions({ queryKey: usersQueryKey(query), queryFn: () => getUsers(query) });
}

/** useUsers is one page of the user list; the previous page stays on screen while the next loads. */
export function useUsers(query: UsersQuery) {
  return useQuery({ ...usersQueryOptions(query), placeholderData: keepPreviousData });
}
