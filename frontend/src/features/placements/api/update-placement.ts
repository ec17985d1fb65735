import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type components } from '@/lib/api';

export type UpdatePlacementInput = components['schemas']['UpdatePlacementRequest'];

/** getPlacement reads one placement (for a reload after a 412). */
export function getPlacement(id: number) {
  return unwrap(api.GET('/api/v1/placements/{id}', { params: { path: { id } } }));
}

export const placementQueryKey = (id: number) => ['placements', 'one', id] as const;

export function placementQueryOptions(id: number) {
  return queryOptions({ queryKey: placementQueryKey(id), queryFn: () => getPlacement(id) });
}

/** updatePlacement PATCHes a placement with If-Match: the version the form started from. */
export function updatePlacement({ id, version, body }: { id: number; version: number; body: UpdatePlacementInput }) {
  return unwrap(api.PATCH('/api/v1/placements/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

export function useUpdatePlacement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updatePlacement,
    onSuccess: (p) => {
      qc.setQueryData(placementQueryKey(p.id), p);
      void qc.invalidateQueries({ queryKey: ['placements', 'list'] });
    },
  });
}
