import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '@/lib/api';

export type AnonymiseInput = components['schemas']['AnonymiseRequest'];

/** getCandidates lists the former interns an admin may anonymise. */
export function getCandidates() {
  return unwrap(api.GET('/api/v1/admin/anonymise'));
}

export const candidatesQueryKey = ['personal', 'candidates'] as const;

export function candidatesQueryOptions() {
  return queryOptions({ queryKey: candidatesQueryKey, queryFn: getCandidates });
}

export function useCandidates() {
  return useQuery(candidatesQueryOptions());
}

/** anonymise anonymises one former intern, or every candidate (admins only). */
export function anonymise(body: AnonymiseInput) {
  return unwrap(api.POST('/api/v1/admin/anonymise', { body }));
}

/** useAnonymise anonymises and refreshes the candidates and the user lists. */
export function useAnonymise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: anonymise,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: candidatesQueryKey });
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
