import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type components } from '@/lib/api';
import { tagsQueryKey } from './get-tags';

export type UpdateTagInput = components['schemas']['UpdateTagRequest'];

/** updateTag PATCHes a tag with If-Match: the version the form started from. */
export function updateTag({ id, version, body }: { id: number; version: number; body: UpdateTagInput }) {
  return unwrap(api.PATCH('/api/v1/tags/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

export function useUpdateTag() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateTag,
    onSuccess: (tag) => {
      qc.setQueryData(['tag', tag.id], tag);
      void qc.invalidateQueries({ queryKey: tagsQueryKey });
    },
  });
}
