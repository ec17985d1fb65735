import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '@/lib/api';

export type ProjectsQuery = NonNullable<paths['/api/v1/projects']['get']['parameters']['query']>;

/** getProjects lists one page of projects with the list's filters. */
export function getProjects(query: ProjectsQuery) {
  return unwrap(api.GET('/api/v1/projects', { params: { query } }));
}

export const projectsQueryKey = (query: ProjectsQuery) => ['projects', 'list', query] as const;

export function projectsQueryOptions(query: ProjectsQuery) {
  return queryOptions({ queryKey: projectsQueryKey(query), queryFn: () => getProjects(query) });
}

export function useProjects(query: ProjectsQuery) {
  return useQuery({ ...projectsQueryOptions(query), placeholderData: keepPreviousData });
}
