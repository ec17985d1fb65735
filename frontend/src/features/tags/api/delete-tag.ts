import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';
import { tagsQueryKey } from './get-tags';

/** deleteTag removes a tag and its links to projects and tasks. */
export async function deleteTag(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/tags/{id}', { params: { path: { id } } }));
}

export function useDeleteTag() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteTag,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: tagsQueryKey });
      // Projects and tasks lose the tag too.
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
