import { positiveInt } from '@/hooks/use-query-state';

/**
 * scopedBranch is the branch a supervisor page shows: an admin's choice in
 * ?branch= (none: every branch), otherwise the user's own branch.
 */
export function scopedBranch(params: URLSearchParams, user: { role: string; branch_id?: number | null }): number | undefined {
  return user.role === 'admin' ? positiveInt(params.get('branch')) : user.branch_id ?? undefined;
}
