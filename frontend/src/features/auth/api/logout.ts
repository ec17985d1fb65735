import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, session } from '@/lib/api';
import { announceSignOut } from './session';

/** logout ends the session on the server (and clears the cookie); errors are ignored. */
export async function logout() {
  try {
    await api.POST('/api/v1/auth/logout');
  } catch {
    // Signing out locally matters more than the server hearing it.
  }
}

/** useLogout signs out here, on the server and in the other tabs. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      session.signOut();
      announceSignOut();
      qc.clear();
    },
  });
}
