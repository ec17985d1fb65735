import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '@/lib/api';

export type CreateUserInput = components['schemas']['CreateUserRequest'];

/** createUser adds an account (admins only). */
export function createUser(body: CreateUserInput) {
  return unwrap(api.POST('/api/v1/users', { body }));
}

/** useCreateUser creates a user and refreshes the lists. */
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
