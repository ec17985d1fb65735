import type { Schemas } from '@/lib/api';

export type Placement = Schemas['Placement'];

const severity: Record<Schemas['Health'], number> = { off_track: 0, at_risk: 1, on_track: 2 };

/**
 * byAttention splits placements into those needing attention (off track,
 * then at risk) and the rest; inside each, the widest lag of progress
 * behind elapsed time first, then by name.
 */
export function byAttention(items: readonly Placement[]): { attention: Placement[]; onTrack: Placement[] } {
  const sorted = [...items].sort((a, b) =>
    severity[a.health] - severity[b.health]
    || (b.elapsed_pct - b.progress_pct) - (a.elapsed_pct - a.progress_pct)
    || a.intern_name.localeCompare(b.intern_name));
  return { attention: sorted.filter((p) => p.health !== 'on_track'), onTrack: sorted.filter((p) => p.health === 'on_track') };
}

/** daysUntil counts calendar days from today (local) to a "YYYY-MM-DD" day. */
export function daysUntil(day: string, today: Date = new Date()): number {
  const [y, m, d] = day.split('-').map(Number);
  const target = Date.UTC(y!, m! - 1, d!);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - now) / 86_400_000);
}

/** todayISO is the viewer's calendar day as "YYYY-MM-DD". */
export function todayISO(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
