import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '@/lib/api';

export type ChecklistItem = components['schemas']['ChecklistItem'];

/** getChecklist lists a placement's checklist by due date (GET /placements/{id}/checklist). */
export function getChecklist(placementId: number) {
  return unwrap(api.GET('/api/v1/placements/{id}/checklist', { params: { path: { id: placementId } } }));
}

export const checklistQueryKey = (placementId: number) => ['placements', 'checklist', placementId] as const;

export function useChecklist(placementId: number) {
  return useQuery({ queryKey: checklistQueryKey(placementId), queryFn: () => getChecklist(placementId) });
}
