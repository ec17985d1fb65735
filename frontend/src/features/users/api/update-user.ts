import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey, useCurrentUser } from '@/features/auth';
import { api, ifMatch, unwrap, type components, type User } from '@/lib/api';
import { userQueryKey } from './get-user';

export type UpdateUserInput = components['schemas']['UpdateUserRequest'];

/** updateUser PATCHes a user with If-Match: the version the form started from. */
export function updateUser({ id, version, body }: { id: number; version: number; body: UpdateUserInput }): Promise<User> {
  return unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

/**
 * useUpdateUser saves an admin's change to any user. When the admin edits
 * their own account, the signed-in user is updated too, so a new language
 * applies at once.
 */
export function useUpdateUser() {
  const qc = useQueryClient();
  const me = useCurrentUser();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      qc.setQueryData(userQueryKey(user.id), user);
      if (user.id === me.id) qc.setQueryData(meQueryKey, user);
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
