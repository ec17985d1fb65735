import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getTimeline fetches a placement with its milestones and the intern's tasks (whoever may read the placement). */
export function getTimeline(id: number) {
  return unwrap(api.GET('/api/v1/placements/{id}/timeline', { params: { path: { id } } }));
}

export const timelineQueryKey = (id: number) => ['placements', 'timeline', id] as const;

export function timelineQueryOptions(id: number) {
  return queryOptions({ queryKey: timelineQueryKey(id), queryFn: () => getTimeline(id) });
}

export function useTimeline(id: number) {
  return useQuery({ ...timelineQueryOptions(id), enabled: id > 0 });
}
