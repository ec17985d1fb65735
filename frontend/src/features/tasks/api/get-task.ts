import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getTask reads one task (GET /tasks/{id}); its version is the ETag a PATCH sends back. */
export function getTask(id: number) {
  return unwrap(api.GET('/api/v1/tasks/{id}', { params: { path: { id } } }));
}

export const taskQueryKey = (id: number) => ['tasks', 'detail', id] as const;

export function taskQueryOptions(id: number) {
  return queryOptions({ queryKey: taskQueryKey(id), queryFn: () => getTask(id) });
}

export function useTask(id: number) {
  return useQuery(taskQueryOptions(id));
}
