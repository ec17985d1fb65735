// What the current user may do on a task, for display only: the server
// decides (docs/openapi.yaml, "Rights" and "Task workflow"). Mirrors
// pkg/tracker (rights.go MoverFor, workflow.go CanMove).
import type { Schemas, User } from '@/lib/api';

type Status = Schemas['TaskStatus'];
type TaskLike = Pick<Schemas['Task'], 'status' | 'branch_id' | 'assignee_id'>;
type UserLike = Pick<User, 'id' | 'role' | 'branch_id'>;

/** Capacity is how the user acts on a task: as its assignee, as a reviewer (supervisor of the branch, admin), or not at all. */
export type Capacity = 'assignee' | 'reviewer' | 'none';

/** MoveName names a workflow move; it picks the button's label. */
export type MoveName = 'start' | 'backToTodo' | 'block' | 'unblock' | 'submit' | 'accept' | 'sendBack' | 'reopen';

export type Move = { name: MoveName; to: Status; primary: boolean };

const assigneeMoves: Record<Status, Move[]> = {
  todo: [{ name: 'start', to: 'in_progress', primary: true }],
  in_progress: [
    { name: 'submit', to: 'in_review', primary: true },
    { name: 'block', to: 'blocked', primary: false },
    { name: 'backToTodo', to: 'todo', primary: false },
  ],
  blocked: [{ name: 'unblock', to: 'in_progress', primary: true }],
  in_review: [],
  done: [],
};

const reviewerMoves: Record<Status, Move[]> = {
  todo: [],
  in_progress: [],
  blocked: [],
  in_review: [
    { name: 'accept', to: 'done', primary: true },
    { name: 'sendBack', to: 'in_progress', primary: false },
  ],
  done: [{ name: 'reopen', to: 'in_progress', primary: false }],
};

/** capacityFor says in which capacity user may move, log progress on and comment on task. */
export function capacityFor(user: UserLike, task: TaskLike): Capacity {
  if (user.role === 'admin') return 'reviewer';
  if (user.role === 'supervisor' && user.branch_id !== null && user.branch_id === task.branch_id) return 'reviewer';
  if (user.role === 'intern' && task.assignee_id === user.id) return 'assignee';
  return 'none';
}

/** movesFor lists the status moves the workflow allows user on task, the main one first. */
export function movesFor(user: UserLike, task: TaskLike): Move[] {
  const c = capacityFor(user, task);
  if (c === 'none') return [];
  const own = assigneeMoves[task.status];
  if (c === 'assignee') return own;
  // A reviewer may also make the assignee's moves; the review moves come first.
  return [...reviewerMoves[task.status], ...own];
}

/** canLogProgress tells whether user may log progress on task now (never on a done task). */
export function canLogProgress(user: UserLike, task: TaskLike): boolean {
  return capacityFor(user, task) !== 'none' && task.status !== 'done';
}

/** canComment tells whether user may comment on task. */
export function canComment(user: UserLike, task: TaskLike): boolean {
  return capacityFor(user, task) !== 'none';
}

/** canDeleteComment: its author, or a reviewer of the task's branch. */
export function canDeleteComment(user: UserLike, task: TaskLike, comment: Pick<Schemas['Comment'], 'author_id'>): boolean {
  return comment.author_id === user.id || capacityFor(user, task) === 'reviewer';
}
