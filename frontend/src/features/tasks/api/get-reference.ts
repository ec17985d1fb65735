// Reference data the task page names things with: the task's project, the
// three streams and the tags. Streams and tags rarely change, so they stay
// fresh for long.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

export function getProject(id: number) {
  return unwrap(api.GET('/api/v1/projects/{id}', { params: { path: { id } } }));
}

export const projectQueryKey = (id: number) => ['projects', 'detail', id] as const;

export function useProject(id: number | undefined) {
  return useQuery({
    ...queryOptions({ queryKey: projectQueryKey(id ?? 0), queryFn: () => getProject(id ?? 0) }),
    enabled: id !== undefined,
  });
}

export function getStreams() {
  return unwrap(api.GET('/api/v1/streams'));
}

export function useStreams() {
  return useQuery({ queryKey: ['streams'], queryFn: getStreams, staleTime: 60 * 60_000 });
}

export function getTags() {
  return unwrap(api.GET('/api/v1/tags'));
}

export function useTags() {
  return useQuery({ queryKey: ['tags', 'all'], queryFn: getTags, staleTime: 10 * 60_000 });
}
