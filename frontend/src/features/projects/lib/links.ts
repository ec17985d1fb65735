// Links to the project pages and into pages other features own.
import { paths } from '@/config/paths';

/** taskPath is the task page of a task (features/tasks). */
export const taskPath = (id: number): string => paths.task.to(id);

/** projectPath is a project's page. */
export const projectPath = (id: number): string => paths.project.to(id);

/** branchBoardPath is the kanban of all a branch's tasks, optionally narrowed. */
export function branchBoardPath(branchId: number, more: { assignee?: number; stream?: number } = {}): string {
  const q = new URLSearchParams({ branch: String(branchId) });
  if (more.assignee) q.set('assignee', String(more.assignee));
  if (more.stream) q.set('stream', String(more.stream));
  return `${paths.branchBoard.path}?${q.toString()}`;
}
