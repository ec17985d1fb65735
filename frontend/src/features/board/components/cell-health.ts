// How a (stream, branch) cell of the board is judged. It follows the
// placement health rule (docs/architecture.md) for the work itself: any
// overdue or blocked task puts a cell at risk; three or more overdue
// tasks, or half of the open work overdue or blocked, put it off track.
import type { Schemas } from '@/lib/api';

export type BoardCell = Schemas['BoardCell'];
export type Health = Schemas['Health'];

/** openCount is the work not done yet: to do, in progress, blocked and in review. */
export function openCount(c: BoardCell): number {
  return c.todo + c.in_progress + c.blocked + c.in_review;
}

/** cellHealth judges a cell; null when it has no task at all. */
export function cellHealth(c: BoardCell): Health | null {
  if (c.total === 0) return null;
  const open = openCount(c);
  if (c.overdue >= 3 || (open > 0 && (c.overdue + c.blocked) * 2 >= open && c.overdue + c.blocked >= 2)) return 'off_track';
  if (c.overdue > 0 || c.blocked > 0) return 'at_risk';
  return 'on_track';
}

/** sumCells adds cells up (for the totals row and column); the oldest blocked_since wins. */
export function sumCells(cells: readonly BoardCell[], stream_id = 0, branch_id = 0): BoardCell {
  const s: BoardCell = { stream_id, branch_id, todo: 0, in_progress: 0, blocked: 0, in_review: 0, done: 0, overdue: 0, total: 0, blocked_since: null };
  for (const c of cells) {
    if (c.blocked_since && (!s.blocked_since || Date.parse(c.blocked_since) < Date.parse(s.blocked_since))) s.blocked_since = c.blocked_since;
    s.todo += c.todo;
    s.in_progress += c.in_progress;
    s.blocked += c.blocked;
    s.in_review += c.in_review;
    s.done += c.done;
    s.overdue += c.overdue;
    s.total += c.total;
  }
  return s;
}

/**
 * blockedDays counts the whole days a cell's oldest blocked task has been
 * blocked on `asOf` (the board's day, "YYYY-MM-DD", taken at its end);
 * null when nothing is blocked.
 */
export function blockedDays(c: BoardCell, asOf: string): number | null {
  if (!c.blocked_since) return null;
  const since = Date.parse(c.blocked_since);
  const [y, m, d] = asOf.split('-').map(Number);
  const end = Date.UTC(y!, m! - 1, d! + 1);
  if (Number.isNaN(since) || Number.isNaN(end)) return null;
  return Math.max(0, Math.floor((end - since) / 86_400_000));
}
