import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api';

/** tickItem ticks (done) or unticks a checklist item, with If-Match: the version shown. */
export function tickItem({ placementId, id, version, done }: { placementId: number; id: number; version: number; done: boolean }) {
  return unwrap(api.PATCH('/api/v1/placements/{id}/checklist/{iid}', {
    params: { path: { id: placementId, iid: id }, header: ifMatch(version) }, body: { done },
  }));
}

export function useTickItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: tickItem,
    // The checklist, and the placement's health and overdue count (lists,
    // timeline), move with a tick; all sit under 'placements'. Returning
    // the refetch keeps the mutation pending until the list shows the tick.
    onSettled: () => Promise.all([
      qc.invalidateQueries({ queryKey: ['placements'] }),
      qc.invalidateQueries({ queryKey: ['board'] }),
    ]),
  });
}
