import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '@/lib/api';

export type BoardQuery = NonNullable<paths['/api/v1/board']['get']['parameters']['query']>;

/** getBoard fetches the status board (admins, leadership, supervisors). */
export function getBoard(query: BoardQuery) {
  return unwrap(api.GET('/api/v1/board', { params: { query } }));
}

export const boardQueryKey = (query: BoardQuery) => ['board', query] as const;

export function boardQueryOptions(query: BoardQuery) {
  return queryOptions({ queryKey: boardQueryKey(query), queryFn: () => getBoard(query) });
}

/** useBoard is the board for the filters; it refreshes itself every two minutes while open. */
export function useBoard(query: BoardQuery) {
  return useQuery({ ...boardQueryOptions(query), placeholderData: keepPreviousData, refetchInterval: 120_000 });
}
