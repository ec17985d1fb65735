// The task calls the project pages, the kanban and the review queue make.
// Every task list lives under the ['tasks'] key, so one invalidation
// refreshes them all after a change.
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type components, type paths, type Schemas } from '@/lib/api';

export type Task = Schemas['Task'];
export type TaskStatus = Schemas['TaskStatus'];
export type TasksQuery = NonNullable<paths['/api/v1/tasks']['get']['parameters']['query']>;
export type CreateTaskInput = components['schemas']['CreateTaskRequest'];
export type UpdateTaskInput = components['schemas']['UpdateTaskRequest'];

export function getTasks(query: TasksQuery) {
  return unwrap(api.GET('/api/v1/tasks', { params: { query } }));
}

export const tasksQueryKey = (query: TasksQuery) => ['tasks', 'list', query] as const;

export function tasksQueryOptions(query: TasksQuery) {
  return queryOptions({ queryKey: tasksQueryKey(query), queryFn: () => getTasks(query) });
}

/** useTaskList is one page of tasks matching the query. */
export function useTaskList(query: TasksQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...tasksQueryOptions(query), placeholderData: keepPreviousData, enabled });
}

/** getTask reads one task (fresh, for a reload after a 412). */
export function getTask(id: number) {
  return unwrap(api.GET('/api/v1/tasks/{id}', { params: { path: { id } } }));
}

export function createTask(body: CreateTaskInput) {
  return unwrap(api.POST('/api/v1/tasks', { body }));
}

/** updateTask PATCHes a task with If-Match: the version the change is based on. */
export function updateTask({ id, version, body }: { id: number; version: number; body: UpdateTaskInput }) {
  return unwrap(api.PATCH('/api/v1/tasks/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

/** refreshTasks marks every task query stale (lists here, the task page's own). */
export function refreshTasks(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: ['tasks'] }),
    qc.invalidateQueries({ queryKey: ['task'] }),
    qc.invalidateQueries({ queryKey: ['placements'] }),
  ]);
}

export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createTask, onSuccess: () => refreshTasks(qc) });
}

export function useUpdateTask() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateTask, onSuccess: () => void refreshTasks(qc) });
}

/** getLastProgress is a task's newest progress entry, or null. */
export async function getLastProgress(id: number) {
  const page = await unwrap(api.GET('/api/v1/tasks/{id}/progress', { params: { path: { id }, query: { per_page: 1 } } }));
  return page.items[0] ?? null;
}

export function addComment({ id, body }: { id: number; body: string }) {
  return unwrap(api.POST('/api/v1/tasks/{id}/comments', { params: { path: { id } }, body: { body } }));
}
