import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';
import { commentsQueryKey } from './get-comments';

/** addComment posts a comment on a task (POST /tasks/{id}/comments). */
export function addComment({ taskId, body }: { taskId: number; body: string }) {
  return unwrap(api.POST('/api/v1/tasks/{id}/comments', { params: { path: { id: taskId } }, body: { body } }));
}

export function useAddComment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: addComment,
    onSuccess: (_c, { taskId }) => qc.invalidateQueries({ queryKey: commentsQueryKey(taskId) }),
  });
}
