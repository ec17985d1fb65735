import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getBranches fetches every branch (reference data, one page). */
export function getBranches() {
  return unwrap(api.GET('/api/v1/branches'));
}

export const branchesQueryKey = ['branches'] as const;

export function branchesQueryOptions() {
  return queryOptions({ queryKey: branchesQueryKey, queryFn: getBranches, staleTime: 5 * 60_000 });
}

/** useBranches is the list of branches, for filters and the user form. */
export function useBranches() {
  return useQuery(branchesQueryOptions());
}
