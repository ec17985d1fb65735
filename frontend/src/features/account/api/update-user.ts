import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type components, type User } from '@/lib/api';
import { meQueryKey } from '@/features/auth';

export type UpdateUserInput = components['schemas']['UpdateUserRequest'];

/** updateUser PATCHes a user with If-Match: the version the form started from. */
export function updateUser({ id, version, body }: { id: number; version: number; body: UpdateUserInput }): Promise<User> {
  return unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

/** useUpdateMe saves the signed-in user's own name and locale. */
export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => qc.setQueryData(meQueryKey, user),
  });
}
