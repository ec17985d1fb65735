import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '@/lib/api';
import { taskQueryKey } from './get-task';

export type TaskStatus = Schemas['TaskStatus'];

/** updateTaskStatus moves a task (PATCH /tasks/{id} {status}) with If-Match: the version the page shows. */
export function updateTaskStatus({ id, version, status }: { id: number; version: number; status: TaskStatus }) {
  return unwrap(api.PATCH('/api/v1/tasks/{id}', { params: { path: { id }, header: ifMatch(version) }, body: { status } }));
}

/** useUpdateTaskStatus moves a task and refreshes the lists it appears in. */
export function useUpdateTaskStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateTaskStatus,
    onSuccess: (task) => {
      qc.setQueryData(taskQueryKey(task.id), task);
      void qc.invalidateQueries({ queryKey: ['tasks', 'list'] });
      void qc.invalidateQueries({ queryKey: ['placements'] });
    },
  });
}
