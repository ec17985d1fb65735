import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '@/lib/api';

export type HandOverInput = components['schemas']['HandoverRequest'];

/** handOver passes a placement's open tasks on and makes it read-only (POST /placements/{id}/handover). */
export function handOver({ id, body }: { id: number; body: HandOverInput }) {
  return unwrap(api.POST('/api/v1/placements/{id}/handover', { params: { path: { id } }, body }));
}

export function useHandOver() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: handOver,
    onSuccess: (h) => {
      qc.setQueryData(['placements', 'handover', h.placement.id], h);
      void qc.invalidateQueries({ queryKey: ['placements'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** getStoredHandover reads a stored handover (its successor, or whoever reads the placement). */
export function getStoredHandover(id: number) {
  return unwrap(api.GET('/api/v1/handovers/{id}', { params: { path: { id } } }));
}

export function useStoredHandover(id: number) {
  return useQuery({ queryKey: ['handovers', 'one', id], queryFn: () => getStoredHandover(id), enabled: id > 0 });
}

/** receivedHandoversQueryOptions: the handovers whose successor is the caller. */
export function receivedHandoversQueryOptions() {
  return queryOptions({ queryKey: ['handovers', 'received'], queryFn: () => unwrap(api.GET('/api/v1/me/handovers')) });
}

export function useReceivedHandovers() {
  return useQuery(receivedHandoversQueryOptions());
}
