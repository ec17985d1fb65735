import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, session, unwrap, type components } from '@/lib/api';
import { meQueryKey } from './get-me';

export type LoginInput = components['schemas']['LoginRequest'];

/** login signs in; the server also sets the httpOnly refresh cookie. */
export async function login(input: LoginInput) {
  return unwrap(api.POST('/api/v1/auth/login', { body: input }));
}

/** useLogin signs in and starts the session. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (tokens) => {
      qc.setQueryData(meQueryKey, tokens.user);
      session.signIn(tokens);
    },
  });
}
