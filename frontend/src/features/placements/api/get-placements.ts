import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '@/lib/api';

export type PlacementsQuery = NonNullable<paths['/api/v1/placements']['get']['parameters']['query']>;

/** getPlacements lists one page of placements (GET /placements with its filters). */
export function getPlacements(query: PlacementsQuery) {
  return unwrap(api.GET('/api/v1/placements', { params: { query } }));
}

export const placementsQueryKey = (query: PlacementsQuery) => ['placements', 'list', query] as const;

export function placementsQueryOptions(query: PlacementsQuery) {
  return queryOptions({ queryKey: placementsQueryKey(query), queryFn: () => getPlacements(query) });
}

/** usePlacements is a page of placements; the previous page stays shown while the next loads. */
export function usePlacements(query: PlacementsQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...placementsQueryOptions(query), placeholderData: keepPreviousData, enabled });
}
