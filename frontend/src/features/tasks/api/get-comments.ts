import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

export const commentsPerPage = 20;

/** getComments lists a page of a task's comments, oldest first (GET /tasks/{id}/comments). */
export function getComments(taskId: number, page: number) {
  return unwrap(api.GET('/api/v1/tasks/{id}/comments', {
    params: { path: { id: taskId }, query: { page, per_page: commentsPerPage, sort: 'created_at,id' } },
  }));
}

export const commentsQueryKey = (taskId: number, page?: number) =>
  (page === undefined ? ['tasks', 'comments', taskId] : ['tasks', 'comments', taskId, page]) as readonly unknown[];

export function commentsQueryOptions(taskId: number, page: number) {
  return queryOptions({ queryKey: commentsQueryKey(taskId, page), queryFn: () => getComments(taskId, page) });
}

export function useComments(taskId: number, page: number) {
  return useQuery({ ...commentsQueryOptions(taskId, page), placeholderData: keepPreviousData });
}
