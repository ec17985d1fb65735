import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';
import { commentsQueryKey } from './get-comments';

/** deleteComment removes a comment (DELETE /tasks/{id}/comments/{cid}). */
export function deleteComment({ taskId, id }: { taskId: number; id: number }) {
  return unwrap(api.DELETE('/api/v1/tasks/{id}/comments/{cid}', { params: { path: { id: taskId, cid: id } } }));
}

export function useDeleteComment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteComment,
    onSuccess: (_r, { taskId }) => qc.invalidateQueries({ queryKey: commentsQueryKey(taskId) }),
  });
}
