import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api';

/** getMyData fetches the caller's whole record (every signed-in user). */
export function getMyData() {
  return unwrap(api.GET('/api/v1/me/export'));
}

export const myDataQueryKey = ['me', 'export'] as const;

export function myDataQueryOptions() {
  return queryOptions({ queryKey: myDataQueryKey, queryFn: getMyData });
}

export function useMyData() {
  return useQuery(myDataQueryOptions());
}
