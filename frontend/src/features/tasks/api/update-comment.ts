import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api';
import { commentsQueryKey } from './get-comments';

/** getComment reads one comment (for its current version after a 412). */
export function getComment({ taskId, id }: { taskId: number; id: number }) {
  return unwrap(api.GET('/api/v1/tasks/{id}/comments/{cid}', { params: { path: { id: taskId, cid: id } } }));
}

/** updateComment edits the caller's own comment (PATCH with If-Match). */
export function updateComment({ taskId, id, version, body }: { taskId: number; id: number; version: number; body: string }) {
  return unwrap(api.PATCH('/api/v1/tasks/{id}/comments/{cid}', {
    params: { path: { id: taskId, cid: id }, header: ifMatch(version) },
    body: { body },
  }));
}

export function useUpdateComment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateComment,
    onSuccess: (c) => qc.invalidateQueries({ queryKey: commentsQueryKey(c.task_id) }),
  });
}
