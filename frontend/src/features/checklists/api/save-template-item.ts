import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type components } from '@/lib/api';
import { templateQueryKey } from './get-template';

export type TemplateItemInput = components['schemas']['CreateChecklistTemplateItemRequest'];
export type TemplateItemPatch = components['schemas']['UpdateChecklistTemplateItemRequest'];

/** createTemplateItem adds an item to a branch's template (admins only). */
export function createTemplateItem({ branchId, body }: { branchId: number; body: TemplateItemInput }) {
  return unwrap(api.POST('/api/v1/branches/{id}/checklist', { params: { path: { id: branchId } }, body }));
}

/** updateTemplateItem PATCHes a template item with If-Match: the version the form started from. */
export function updateTemplateItem({ branchId, id, version, body }: { branchId: number; id: number; version: number; body: TemplateItemPatch }) {
  return unwrap(api.PATCH('/api/v1/branches/{id}/checklist/{tid}', { params: { path: { id: branchId, tid: id }, header: ifMatch(version) }, body }));
}

/** getTemplateItem reads one template item (to reload it after a 412). */
export function getTemplateItem(branchId: number, id: number) {
  return unwrap(api.GET('/api/v1/branches/{id}/checklist/{tid}', { params: { path: { id: branchId, tid: id } } }));
}

/** deleteTemplateItem removes a template item; placements keep their copies. */
export async function deleteTemplateItem({ branchId, id }: { branchId: number; id: number }): Promise<void> {
  await unwrap(api.DELETE('/api/v1/branches/{id}/checklist/{tid}', { params: { path: { id: branchId, tid: id } } }));
}

function useTemplateMutation<V extends { branchId: number }, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_r, v) => {
      void qc.invalidateQueries({ queryKey: templateQueryKey(v.branchId) });
    },
  });
}

export const useCreateTemplateItem = () => useTemplateMutation(createTemplateItem);
export const useUpdateTemplateItem = () => useTemplateMutation(updateTemplateItem);
export const useDeleteTemplateItem = () => useTemplateMutation(deleteTemplateItem);
