import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '@/lib/api';
import { tagsQueryKey } from './get-tags';

export type CreateTagInput = components['schemas']['CreateTagRequest'];

/** createTag adds a tag (admins only); a taken code -> 409 naming `code`. */
export function createTag(body: CreateTagInput) {
  return unwrap(api.POST('/api/v1/tags', { body }));
}

export function useCreateTag() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createTag,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: tagsQueryKey });
    },
  });
}
