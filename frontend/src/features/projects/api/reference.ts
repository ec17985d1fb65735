// Reference data the supervisor pages share: streams, branches and tags
// (each answered as one page), and the people of a role for names and
// pickers. They change rarely, so they stay fresh for a few minutes.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths, type Schemas } from '@/lib/api';

const minutes = 60_000;

export function streamsQueryOptions() {
  return queryOptions({ queryKey: ['streams'], queryFn: () => unwrap(api.GET('/api/v1/streams')), staleTime: 10 * minutes });
}

export function branchesQueryOptions() {
  return queryOptions({
    queryKey: ['branches', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/branches')),
    staleTime: 10 * minutes,
  });
}

export function tagsQueryOptions() {
  return queryOptions({ queryKey: ['tags', 'all'], queryFn: () => unwrap(api.GET('/api/v1/tags')), staleTime: 5 * minutes });
}

/** useStreams is the three streams. */
export function useStreams() {
  return useQuery(streamsQueryOptions());
}

/** useBranches is every branch. */
export function useBranches() {
  return useQuery(branchesQueryOptions());
}

/** useTags is every tag, by kind then name. */
export function useTags() {
  return useQuery(tagsQueryOptions());
}

export type UsersQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;

/** usePeople is up to 100 users matching the query (the server keeps a supervisor to their branch). */
export function usePeople(query: UsersQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['users', 'list', { per_page: 100, ...query }],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { per_page: 100, ...query } } })),
    staleTime: 2 * minutes,
    enabled,
  });
}

/** byId indexes a list's items by id. */
export function byId<T extends { id: number }>(items: readonly T[] | undefined): Map<number, T> {
  return new Map((items ?? []).map((i) => [i.id, i]));
}

export type Stream = Schemas['Stream'];
export type Branch = Schemas['Branch'];
export type Tag = Schemas['Tag'];
