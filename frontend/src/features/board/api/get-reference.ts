import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

// The board's reference data: branch codes and stream names for the matrix.

export function branchesQueryOptions() {
  return queryOptions({ queryKey: ['branches'] as const, queryFn: () => unwrap(api.GET('/api/v1/branches')), staleTime: 5 * 60_000 });
}

export function streamsQueryOptions() {
  return queryOptions({ queryKey: ['streams'] as const, queryFn: () => unwrap(api.GET('/api/v1/streams')), staleTime: 30 * 60_000 });
}

export function useBranches() {
  return useQuery(branchesQueryOptions());
}

export function useStreams() {
  return useQuery(streamsQueryOptions());
}
