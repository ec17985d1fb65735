import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getProject reads one project. */
export function getProject(id: number) {
  return unwrap(api.GET('/api/v1/projects/{id}', { params: { path: { id } } }));
}

export const projectQueryKey = (id: number) => ['projects', 'one', id] as const;

export function projectQueryOptions(id: number) {
  return queryOptions({ queryKey: projectQueryKey(id), queryFn: () => getProject(id) });
}

export function useProject(id: number) {
  return useQuery({ ...projectQueryOptions(id), enabled: Number.isInteger(id) && id > 0 });
}

/** useProjectTitles reads the projects of these ids (each cached) and answers id -> title. */
export function useProjectTitles(ids: readonly number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  return useQueries({
    queries: unique.map((id) => ({ ...projectQueryOptions(id), staleTime: 5 * 60_000 })),
    combine: (results) => {
      const m = new Map<number, string>();
      results.forEach((r) => {
        if (r.data) m.set(r.data.id, r.data.title);
      });
      return m;
    },
  });
}
