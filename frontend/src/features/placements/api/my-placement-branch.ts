import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getBranch reads one branch (reference data: code, name). */
export function getBranch(id: number) {
  return unwrap(api.GET('/api/v1/branches/{id}', { params: { path: { id } } }));
}

export function useBranch(id: number | undefined) {
  return useQuery({ queryKey: ['branches', 'detail', id ?? 0], queryFn: () => getBranch(id ?? 0), enabled: id !== undefined, staleTime: 60 * 60_000 });
}
