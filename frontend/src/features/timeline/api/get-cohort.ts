import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api';

/** The most pages read for one year (100 placements each): far more than a division places in a year. */
const maxPages = 20;

/**
 * getAllPlacements reads every placement the caller may see (GET
 * /placements, 100 a page, oldest start first) until the last page; the
 * cohort view keeps those touching its year.
 */
export async function getAllPlacements(): Promise<Schemas['Placement'][]> {
  const items: Schemas['Placement'][] = [];
  for (let page = 1; page <= maxPages; page++) {
    const res = await unwrap(api.GET('/api/v1/placements', { params: { query: { page, per_page: 100, sort: 'start_date' } } }));
    items.push(...res.items);
    if (items.length >= res.total || res.items.length === 0) break;
  }
  return items;
}

export function allPlacementsQueryOptions() {
  return queryOptions({ queryKey: ['placements', 'all'] as const, queryFn: getAllPlacements, staleTime: 60_000 });
}

export function useAllPlacements() {
  return useQuery(allPlacementsQueryOptions());
}
