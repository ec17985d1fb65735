import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '@/lib/api';

export type CreatePlacementInput = components['schemas']['CreatePlacementRequest'];

/** createPlacement POSTs a placement (409 conflict naming start_date when it overlaps another of the intern). */
export function createPlacement(body: CreatePlacementInput) {
  return unwrap(api.POST('/api/v1/placements', { body }));
}

export function useCreatePlacement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createPlacement,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['placements'] }),
  });
}
