// The weekly reports' calls: a placement's reports, the review queue,
// starting a report, and every change (edit, submit, accept, send back)
// as one PATCH with If-Match.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '@/lib/api';

export type WeeklyReport = Schemas['WeeklyReport'];
export type ReportState = Schemas['ReportState'];
export type UpdateReportInput = Schemas['UpdateReportRequest'];

export const reportsKey = ['reports'] as const;

/** refreshReports refetches every report list and the placements whose staleness a report changes. */
export function refreshReports(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: reportsKey }),
    qc.invalidateQueries({ queryKey: ['placements'] }),
  ]);
}

/** getPlacementReports lists a placement's reports, newest week first (GET /placements/{id}/reports). */
export function getPlacementReports(placementId: number) {
  return unwrap(api.GET('/api/v1/placements/{id}/reports', { params: { path: { id: placementId }, query: { per_page: 100 } } }));
}

export function usePlacementReports(placementId: number | undefined) {
  return useQuery({
    queryKey: [...reportsKey, 'placement', placementId ?? 0],
    queryFn: () => getPlacementReports(placementId ?? 0),
    enabled: placementId !== undefined,
  });
}

export const reportQueueSize = 20;

/** useReportQueue is one page of the submitted reports the caller reviews, oldest week first. */
export function useReportQueue({ branch_id, page }: { branch_id?: number | undefined; page: number }) {
  return useQuery({
    queryKey: [...reportsKey, 'queue', branch_id ?? 0, page],
    queryFn: () => unwrap(api.GET('/api/v1/reports', {
      params: { query: { state: 'submitted', page, per_page: reportQueueSize, sort: 'week,submitted_at', ...(branch_id ? { branch_id } : {}) } },
    })),
    placeholderData: keepPreviousData,
  });
}

/** getReport reads one report (for a reload after a 412). */
export function getReport(placementId: number, id: number) {
  return unwrap(api.GET('/api/v1/placements/{id}/reports/{rid}', { params: { path: { id: placementId, rid: id } } }));
}

/** useCreateReport starts this week's report as a draft. */
export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ placementId, body }: { placementId: number; body: Schemas['CreateReportRequest'] }) =>
      unwrap(api.POST('/api/v1/placements/{id}/reports', { params: { path: { id: placementId } }, body })),
    onSuccess: () => void refreshReports(qc),
  });
}

/** updateReport PATCHes a report with If-Match: the version the caller read. */
export function updateReport({ report, body }: { report: Pick<WeeklyReport, 'id' | 'placement_id' | 'version'>; body: UpdateReportInput }) {
  return unwrap(api.PATCH('/api/v1/placements/{id}/reports/{rid}', {
    params: { path: { id: report.placement_id, rid: report.id }, header: ifMatch(report.version) }, body,
  }));
}

export function useUpdateReport() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateReport, onSuccess: () => void refreshReports(qc) });
}
