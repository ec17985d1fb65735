import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getTags fetches every tag (one page, by kind then name). */
export function getTags() {
  return unwrap(api.GET('/api/v1/tags'));
}

export const tagsQueryKey = ['tags'] as const;

export function tagsQueryOptions() {
  return queryOptions({ queryKey: tagsQueryKey, queryFn: getTags });
}

/** useTags is the list of all tags. */
export function useTags() {
  return useQuery(tagsQueryOptions());
}
