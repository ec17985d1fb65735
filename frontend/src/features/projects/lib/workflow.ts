// The task workflow as the kanban needs it, mirroring pkg/tracker/workflow.go
// (docs/architecture.md, "Task workflow"). The server decides; this only
// tells which columns to offer as drop targets, so that a refused move is
// the exception, not the rule.
import type { Schemas, User } from '@/lib/api';

export type Status = Schemas['TaskStatus'];
export type Mover = 'assignee' | 'reviewer';

/** columns are the kanban's columns, in workflow order. */
export const columns: readonly Status[] = ['todo', 'in_progress', 'blocked', 'in_review', 'done'];

const assigneeMoves: ReadonlySet<string> = new Set([
  'todo>in_progress', 'in_progress>todo', 'in_progress>blocked', 'blocked>in_progress', 'in_progress>in_review',
]);
const reviewerMoves: ReadonlySet<string> = new Set(['in_review>done', 'in_review>in_progress', 'done>in_progress']);

/** canMove tells whether a mover may move a task from one status to another (staying is no move). */
export function canMove(mover: Mover | null, from: Status, to: Status): boolean {
  if (!mover || from === to) return false;
  const k = `${from}>${to}`;
  return assigneeMoves.has(k) || (mover === 'reviewer' && reviewerMoves.has(k));
}

/**
 * moverFor is the capacity in which user may move task: an admin or a
 * supervisor of the task's branch as reviewer, the intern assignee as
 * assignee; null when they may not move it at all.
 */
export function moverFor(user: Pick<User, 'id' | 'role' | 'branch_id'>, task: { branch_id: number; assignee_id: number | null }): Mover | null {
  if (user.role === 'admin') return 'reviewer';
  if (user.role === 'supervisor' && user.branch_id === task.branch_id) return 'reviewer';
  if (user.role === 'intern' && task.assignee_id === user.id) return 'assignee';
  return null;
}

/** targetsFor lists the columns a task may be dropped on, in column order. */
export function targetsFor(mover: Mover | null, from: Status): Status[] {
  return columns.filter((to) => canMove(mover, from, to));
}

/**
 * stepTarget is the keyboard move: from the column currently chosen, the
 * next column in the direction (-1 left, +1 right) that is either a valid
 * target or the task's own column (dropping there cancels). It stays put at
 * either end.
 */
export function stepTarget(mover: Mover | null, from: Status, current: Status, direction: -1 | 1): Status {
  const allowed = new Set<Status>([from, ...targetsFor(mover, from)]);
  let i = columns.indexOf(current);
  for (;;) {
    i += direction;
    if (i < 0 || i >= columns.length) return current;
    const c = columns[i]!;
    if (allowed.has(c)) return c;
  }
}
