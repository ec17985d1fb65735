// The board charts' data, apart from drawing: tasks by status per stream
// (from the matrix cells) and the weekly completions (from the API's 26 weeks).
import type { Schemas } from '@/lib/api';
import { weekNumberOf } from '@/features/timeline';
import type { BoardCell } from './cell-health';

/** The statuses in stacking order, bottom up: work done first, blocked work on top where it shows. */
export const stackOrder = ['done', 'in_review', 'in_progress', 'todo', 'blocked'] as const;
export type StackStatus = (typeof stackOrder)[number];

export type StreamStatus = { stream: Schemas['Stream']; counts: Record<StackStatus, number>; total: number };

/** statusByStream adds the cells up per stream (over the branches the filters left), in stream order, empty streams left out. */
export function statusByStream(cells: readonly BoardCell[], streams: readonly Schemas['Stream'][]): StreamStatus[] {
  return streams
    .map((stream) => {
      const counts = { done: 0, in_review: 0, in_progress: 0, todo: 0, blocked: 0 };
      for (const c of cells) {
        if (c.stream_id !== stream.id) continue;
        for (const s of stackOrder) counts[s] += c[s];
      }
      return { stream, counts, total: stackOrder.reduce((n, s) => n + counts[s], 0) };
    })
    .filter((r) => r.total > 0);
}

/** statusTotals is the sum of each status over the streams. */
export function statusTotals(rows: readonly StreamStatus[]): Record<StackStatus, number> {
  const t = { done: 0, in_review: 0, in_progress: 0, todo: 0, blocked: 0 };
  for (const r of rows) for (const s of stackOrder) t[s] += r.counts[s];
  return t;
}

export type WeekPoint = { week: number; label: string; start: string; completed: number };

/** weekPoints reads the API's weeks into points with their ISO week number. */
export function weekPoints(weeks: readonly Schemas['BoardWeek'][]): WeekPoint[] {
  return weeks.map((w) => ({ week: weekNumberOf(w.week), label: w.week, start: w.start, completed: w.completed }));
}

/** weeklyStats: the total, the busiest week (the latest of equals) and the last week's count. */
export function weeklyStats(points: readonly WeekPoint[]): { total: number; busiest: WeekPoint | null; last: number } {
  let busiest: WeekPoint | null = null;
  let total = 0;
  for (const p of points) {
    total += p.completed;
    if (!busiest || p.completed >= busiest.completed) busiest = p;
  }
  return { total, busiest: total > 0 ? busiest : null, last: points.at(-1)?.completed ?? 0 };
}

/** showTick says whether week i of n gets an axis label: every fourth, counted back from the latest, so the latest is labelled. */
export function showTick(i: number, n: number): boolean {
  return (n - 1 - i) % 4 === 0;
}
