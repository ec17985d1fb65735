import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getMilestones lists a placement's milestones by due date, as one page (GET /placements/{id}/milestones). */
export function getMilestones(placementId: number) {
  return unwrap(api.GET('/api/v1/placements/{id}/milestones', { params: { path: { id: placementId } } }));
}

export const milestonesQueryKey = (placementId: number) => ['placements', 'milestones', placementId] as const;

export function milestonesQueryOptions(placementId: number) {
  return queryOptions({ queryKey: milestonesQueryKey(placementId), queryFn: () => getMilestones(placementId) });
}

export function useMilestones(placementId: number | undefined) {
  return useQuery({ ...milestonesQueryOptions(placementId ?? 0), enabled: placementId !== undefined });
}
