import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** The branches, for the codes in the cohort view (the same cache entry as the board's). */
export function branchesQueryOptions() {
  return queryOptions({ queryKey: ['branches'] as const, queryFn: () => unwrap(api.GET('/api/v1/branches')), staleTime: 5 * 60_000 });
}

export function useBranches() {
  return useQuery(branchesQueryOptions());
}
