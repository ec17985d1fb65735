import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type components } from '@/lib/api';
import { projectQueryKey } from './get-project';

export type CreateProjectInput = components['schemas']['CreateProjectRequest'];
export type UpdateProjectInput = components['schemas']['UpdateProjectRequest'];

/** createProject POSTs a new project. */
export function createProject(body: CreateProjectInput) {
  return unwrap(api.POST('/api/v1/projects', { body }));
}

/** updateProject PATCHes a project with If-Match: the version the form started from. */
export function updateProject({ id, version, body }: { id: number; version: number; body: UpdateProjectInput }) {
  return unwrap(api.PATCH('/api/v1/projects/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: (p) => {
      qc.setQueryData(projectQueryKey(p.id), p);
      void qc.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

export function useUpdateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateProject,
    onSuccess: (p) => {
      qc.setQueryData(projectQueryKey(p.id), p);
      void qc.invalidateQueries({ queryKey: ['projects'] });
      // A stream change moves the project's tasks too.
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
