// The review queue's calls: tasks in review, each one's newest progress
// entry, accepting (in_review -> done) and sending back with a comment
// (the comment first, then in_review -> in_progress), both with If-Match.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addComment, getLastProgress, refreshTasks, updateTask, useTaskList, type Task } from '@/features/projects';

export type ReviewQuery = { branch_id?: number | undefined; page: number };

export const reviewPageSize = 20;

/** useReviewQueue is one page of the tasks waiting for review, the longest waiting first. */
export function useReviewQueue({ branch_id, page }: ReviewQuery) {
  return useTaskList({ status: 'in_review', branch_id, page, per_page: reviewPageSize, sort: 'updated_at' });
}

/** useLastProgress is a task's newest progress entry (null when none). */
export function useLastProgress(taskId: number) {
  return useQuery({ queryKey: ['tasks', 'last-progress', taskId], queryFn: () => getLastProgress(taskId), staleTime: 60_000 });
}

/** useAccept moves a task in review to done. */
export function useAccept() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (task: Pick<Task, 'id' | 'version'>) => updateTask({ id: task.id, version: task.version, body: { status: 'done' } }),
    // Not awaited: the item leaves the queue on the refetch, and its own callbacks must run first.
    onSuccess: () => void refreshTasks(qc),
  });
}

export type SendBackInput = { id: number; version: number; comment: string; commentPosted: boolean; onCommentPosted: () => void };

/**
 * useSendBack posts the reviewer's comment and moves the task back to in
 * progress. When the move fails after the comment went in (a 412), the
 * retry does not post the comment twice.
 */
export function useSendBack() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, comment, commentPosted, onCommentPosted }: SendBackInput) => {
      if (!commentPosted) {
        await addComment({ id, body: comment });
        onCommentPosted();
      }
      return updateTask({ id, version, body: { status: 'in_progress' } });
    },
    // Not awaited: the item leaves the queue on the refetch, and its own callbacks must run first.
    onSuccess: () => void refreshTasks(qc),
  });
}
