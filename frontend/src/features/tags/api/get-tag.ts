import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getTag fetches one tag (for a reload after a 412). */
export function getTag(id: number) {
  return unwrap(api.GET('/api/v1/tags/{id}', { params: { path: { id } } }));
}

export function tagQueryOptions(id: number) {
  return queryOptions({ queryKey: ['tag', id] as const, queryFn: () => getTag(id) });
}
