import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '@/lib/api';

export type TemplateItem = components['schemas']['ChecklistTemplateItem'];

/** getTemplate lists a branch's checklist template, onboarding first (GET /branches/{id}/checklist). */
export function getTemplate(branchId: number) {
  return unwrap(api.GET('/api/v1/branches/{id}/checklist', { params: { path: { id: branchId } } }));
}

export const templateQueryKey = (branchId: number) => ['checklists', 'template', branchId] as const;

export function useTemplate(branchId: number | undefined) {
  return useQuery({
    ...queryOptions({ queryKey: templateQueryKey(branchId ?? 0), queryFn: () => getTemplate(branchId ?? 0) }),
    enabled: branchId !== undefined,
  });
}
