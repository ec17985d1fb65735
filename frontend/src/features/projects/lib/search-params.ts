import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** positiveInt reads a search parameter as an id or page number, else undefined. */
export function positiveInt(v: string | null): number | undefined {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/**
 * useQueryState keeps a page's filters in the URL (so a reload or a shared
 * link shows the same list). set() changes some keys and, unless the page
 * itself changes, goes back to page 1.
 */
export function useQueryState() {
  const [params, setParams] = useSearchParams();
  const set = useCallback((changes: Record<string, string | number | undefined | null>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === null || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    }, { replace: true });
  }, [setParams]);
  return { params, set };
}

/**
 * scopedBranch is the branch a supervisor page shows: an admin's choice in
 * ?branch= (none: every branch), otherwise the user's own branch.
 */
export function scopedBranch(params: URLSearchParams, user: { role: string; branch_id?: number | null }): number | undefined {
  return user.role === 'admin' ? positiveInt(params.get('branch')) : user.branch_id ?? undefined;
}
