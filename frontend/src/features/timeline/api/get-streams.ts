import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** The streams, for the names and colours of the Gantt bars (the same cache entry as the board's). */
export function streamsQueryOptions() {
  return queryOptions({ queryKey: ['streams'] as const, queryFn: () => unwrap(api.GET('/api/v1/streams')), staleTime: 30 * 60_000 });
}

export function useStreams() {
  return useQuery(streamsQueryOptions());
}
