import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '@/lib/api';
import { taskQueryKey } from './get-task';
import { progressQueryKey } from './get-progress';

export type AddProgressInput = components['schemas']['AddProgressRequest'];

/** addProgress appends to a task's progress log (POST /tasks/{id}/progress); it moves the task's progress and version. */
export function addProgress({ taskId, body }: { taskId: number; body: AddProgressInput }) {
  return unwrap(api.POST('/api/v1/tasks/{id}/progress', { params: { path: { id: taskId } }, body }));
}

/** useAddProgress logs progress, then refreshes the task (new progress and version), its history and the lists. */
export function useAddProgress() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: addProgress,
    onSuccess: async (_log, { taskId }) => {
      void qc.invalidateQueries({ queryKey: ['tasks', 'list'] });
      void qc.invalidateQueries({ queryKey: ['placements'] });
      await Promise.all([
        qc.invalidateQueries({ queryKey: taskQueryKey(taskId) }),
        qc.invalidateQueries({ queryKey: progressQueryKey(taskId) }),
      ]);
    },
  });
}
