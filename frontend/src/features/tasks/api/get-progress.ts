import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

export const progressPerPage = 10;

/** getProgress lists a page of a task's progress log, newest first (GET /tasks/{id}/progress). */
export function getProgress(taskId: number, page: number) {
  return unwrap(api.GET('/api/v1/tasks/{id}/progress', {
    params: { path: { id: taskId }, query: { page, per_page: progressPerPage, sort: '-created_at,-id' } },
  }));
}

export const progressQueryKey = (taskId: number, page?: number) =>
  (page === undefined ? ['tasks', 'progress', taskId] : ['tasks', 'progress', taskId, page]) as readonly unknown[];

export function progressQueryOptions(taskId: number, page: number) {
  return queryOptions({ queryKey: progressQueryKey(taskId, page), queryFn: () => getProgress(taskId, page) });
}

export function useProgress(taskId: number, page: number) {
  return useQuery({ ...progressQueryOptions(taskId, page), placeholderData: keepPreviousData });
}
