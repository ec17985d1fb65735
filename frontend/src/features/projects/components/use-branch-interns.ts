import { useMemo } from 'react';
import { usePlacements } from '@/features/placements/api/get-placements';

export type InternOption = { id: number; name: string; upcoming: boolean };

/**
 * useBranchInterns lists the interns a task of the branch may be assigned
 * to: those with an active or upcoming placement there (the server checks
 * the same), by name.
 */
export function useBranchInterns(branchId: number | undefined) {
  const enabled = branchId !== undefined;
  const active = usePlacements({ branch_id: branchId, state: 'active', per_page: 100, sort: 'start_date' }, { enabled });
  const upcoming = usePlacements({ branch_id: branchId, state: 'upcoming', per_page: 100, sort: 'start_date' }, { enabled });
  const interns = useMemo(() => {
    const m = new Map<number, InternOption>();
    for (const p of active.data?.items ?? []) m.set(p.intern_id, { id: p.intern_id, name: p.intern_name, upcoming: false });
    for (const p of upcoming.data?.items ?? []) if (!m.has(p.intern_id)) m.set(p.intern_id, { id: p.intern_id, name: p.intern_name, upcoming: true });
    return [...m.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [active.data, upcoming.data]);
  return { interns, isPending: enabled && (active.isPending || upcoming.isPending), error: active.error ?? upcoming.error };
}
