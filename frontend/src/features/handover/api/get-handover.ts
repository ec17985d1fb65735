import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getHandover fetches a placement's handover report (whoever may read the placement). */
export function getHandover(id: number) {
  return unwrap(api.GET('/api/v1/placements/{id}/handover', { params: { path: { id } } }));
}

export const handoverQueryKey = (id: number) => ['placements', 'handover', id] as const;

export function handoverQueryOptions(id: number) {
  return queryOptions({ queryKey: handoverQueryKey(id), queryFn: () => getHandover(id) });
}

export function useHandover(id: number) {
  return useQuery({ ...handoverQueryOptions(id), enabled: id > 0 });
}
