import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type components } from '@/lib/api';

export type ChangePasswordInput = components['schemas']['ChangePasswordRequest'];

/** changePassword needs the current password; other sessions end. */
export async function changePassword(body: ChangePasswordInput): Promise<void> {
  await unwrap(api.PUT('/api/v1/me/password', { body }));
}

/** useChangePassword is the mutation for the password form. */
export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
