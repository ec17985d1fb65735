import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type components } from '@/lib/api';

export type Objective = components['schemas']['Objective'];
export type CreateObjectiveInput = components['schemas']['CreateObjectiveRequest'];
export type UpdateObjectiveInput = components['schemas']['UpdateObjectiveRequest'];

/** getObjectives lists a placement's learning objectives with their progress (GET /placements/{id}/objectives). */
export function getObjectives(placementId: number) {
  return unwrap(api.GET('/api/v1/placements/{id}/objectives', { params: { path: { id: placementId } } }));
}

/** getObjective reads one objective (for a reload after a 412). */
export function getObjective(placementId: number, id: number) {
  return unwrap(api.GET('/api/v1/placements/{id}/objectives/{oid}', { params: { path: { id: placementId, oid: id } } }));
}

export const objectivesQueryKey = (placementId: number) => ['objectives', placementId] as const;

export function objectivesQueryOptions(placementId: number) {
  return queryOptions({ queryKey: objectivesQueryKey(placementId), queryFn: () => getObjectives(placementId) });
}

export function useObjectives(placementId: number | undefined) {
  // Always refetched on mount: a progress log elsewhere moves the roll-up.
  return useQuery({ ...objectivesQueryOptions(placementId ?? 0), enabled: placementId !== undefined, staleTime: 0 });
}

function useRefresh(placementId: number) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: objectivesQueryKey(placementId) });
}

/** useCreateObjective POSTs a new objective to the placement. */
export function useCreateObjective(placementId: number) {
  const refresh = useRefresh(placementId);
  return useMutation({
    mutationFn: (body: CreateObjectiveInput) =>
      unwrap(api.POST('/api/v1/placements/{id}/objectives', { params: { path: { id: placementId } }, body })),
    onSuccess: refresh,
  });
}

/** useUpdateObjective PATCHes an objective with If-Match: the version the form started from. */
export function useUpdateObjective(placementId: number) {
  const refresh = useRefresh(placementId);
  return useMutation({
    mutationFn: ({ id, version, body }: { id: number; version: number; body: UpdateObjectiveInput }) =>
      unwrap(api.PATCH('/api/v1/placements/{id}/objectives/{oid}', { params: { path: { id: placementId, oid: id }, header: ifMatch(version) }, body })),
    onSuccess: refresh,
  });
}

/** useDeleteObjective deletes an objective; its tasks stay. */
export function useDeleteObjective(placementId: number) {
  const refresh = useRefresh(placementId);
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE('/api/v1/placements/{id}/objectives/{oid}', { params: { path: { id: placementId, oid: id } } })),
    onSuccess: refresh,
  });
}
