import type { Schemas } from '@/lib/api';

type Placement = Pick<Schemas['Placement'], 'health' | 'elapsed_pct' | 'progress_pct' | 'intern_name'>;

const rank: Record<Schemas['Health'], number> = { off_track: 0, at_risk: 1, on_track: 2 };

/**
 * byConcern orders placements for "My interns": off track first, then at
 * risk, then on track; within each, the widest gap between time elapsed and
 * work done first; then by name.
 */
export function byConcern(a: Placement, b: Placement): number {
  return rank[a.health] - rank[b.health]
    || (b.elapsed_pct - b.progress_pct) - (a.elapsed_pct - a.progress_pct)
    || a.intern_name.localeCompare(b.intern_name);
}
