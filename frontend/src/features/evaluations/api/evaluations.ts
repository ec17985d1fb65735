import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type components, type paths } from '@/lib/api';

export type Evaluation = components['schemas']['Evaluation'];
export type EvaluationDue = components['schemas']['EvaluationDue'];
export type UpdateEvaluationInput = components['schemas']['UpdateEvaluationRequest'];
export type EvaluationsQuery = NonNullable<paths['/api/v1/evaluations']['get']['parameters']['query']>;

/** getEvaluations lists evaluations the caller may read (GET /evaluations; due=true for those due soon). */
export function getEvaluations(query: EvaluationsQuery) {
  return unwrap(api.GET('/api/v1/evaluations', { params: { query } }));
}

export function useEvaluations(query: EvaluationsQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['evaluations', 'list', query] as const,
    queryFn: () => getEvaluations(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** getEvaluation reads one evaluation of a placement. */
export function getEvaluation(placementId: number, id: number) {
  return unwrap(api.GET('/api/v1/placements/{id}/evaluations/{eid}', { params: { path: { id: placementId, eid: id } } }));
}

export const evaluationQueryKey = (placementId: number, id: number) => ['evaluations', 'one', placementId, id] as const;

export function evaluationQueryOptions(placementId: number, id: number) {
  return queryOptions({ queryKey: evaluationQueryKey(placementId, id), queryFn: () => getEvaluation(placementId, id) });
}

export function useEvaluation(placementId: number, id: number) {
  return useQuery({ ...evaluationQueryOptions(placementId, id), enabled: placementId > 0 && id > 0 });
}

/** updateEvaluation PATCHes the caller's side and/or the state, with If-Match. */
export function updateEvaluation({ placementId, id, version, body }: { placementId: number; id: number; version: number; body: UpdateEvaluationInput }) {
  return unwrap(api.PATCH('/api/v1/placements/{id}/evaluations/{eid}', {
    params: { path: { id: placementId, eid: id }, header: ifMatch(version) }, body,
  }));
}

export function useUpdateEvaluation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateEvaluation,
    onSuccess: (ev) => {
      qc.setQueryData(evaluationQueryKey(ev.placement_id, ev.id), ev);
      void qc.invalidateQueries({ queryKey: ['evaluations', 'list'] });
    },
  });
}
