import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '@/lib/api';

export type TasksQuery = NonNullable<paths['/api/v1/tasks']['get']['parameters']['query']>;

/** getTasks lists one page of tasks (GET /tasks). */
export function getTasks(query: TasksQuery) {
  return unwrap(api.GET('/api/v1/tasks', { params: { query } }));
}

export const tasksQueryKey = (query: TasksQuery) => ['tasks', 'list', query] as const;

export function tasksQueryOptions(query: TasksQuery) {
  return queryOptions({ queryKey: tasksQueryKey(query), queryFn: () => getTasks(query) });
}

/** useTasks is one page of tasks; the previous page stays on screen while the next loads. */
export function useTasks(query: TasksQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...tasksQueryOptions(query), placeholderData: keepPreviousData, enabled });
}
