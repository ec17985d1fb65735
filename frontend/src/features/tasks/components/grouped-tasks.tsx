import { EmptyState } from '@/components';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { TaskRow } from './task-bits';

type Status = Schemas['TaskStatus'];

/** groupOrder is the order an intern reads their work in: what is moving, what is stuck, what is next, what waits, what is done. */
export const groupOrder: readonly Status[] = ['in_progress', 'blocked', 'todo', 'in_review', 'done'];

/** groupByStatus splits tasks by status in groupOrder, keeping each group's order (the list's sort) and dropping empty groups. */
export function groupByStatus(tasks: readonly Schemas['Task'][]): { status: Status; tasks: Schemas['Task'][] }[] {
  return groupOrder
    .map((status) => ({ status, tasks: tasks.filter((x) => x.status === status) }))
    .filter((g) => g.tasks.length > 0);
}

/**
 * GroupedTasks shows tasks under one heading per status (in progress,
 * blocked, to do, in review, done), each a link to its page; the done group
 * is folded away. Without tasks it says who assigns them.
 */
export function GroupedTasks({ tasks, headingLevel = 3 }: { tasks: readonly Schemas['Task'][]; headingLevel?: 2 | 3 }) {
  const t = useT();
  const groups = groupByStatus(tasks);
  if (groups.length === 0) {
    return <EmptyState title={t('taskList.noneTitle')}>{t('taskList.noneBody')}</EmptyState>;
  }
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="task-groups">
      {groups.map((g) => {
        const head = (
          <>
            <span className={`task-group__dot task-group__dot--${g.status}`} aria-hidden="true" />
            <span>{t(`taskStatus.${g.status}`)}</span>
            <span className="task-group__count">{t('taskList.groupCount', { count: g.tasks.length })}</span>
          </>
        );
        const list = (
          <ul className="task-list" aria-label={t(`taskStatus.${g.status}`)}>
            {g.tasks.map((task) => <TaskRow key={task.id} task={task} showStatus={false} />)}
          </ul>
        );
        if (g.status === 'done') {
          return (
            <details key={g.status} className="task-group task-group--folded">
              <summary className="task-group__summary">
                <H className="task-group__title">{head}</H>
              </summary>
              {list}
            </details>
          );
        }
        return (
          <section key={g.status} className="task-group">
            <H className="task-group__title">{head}</H>
            {list}
          </section>
        );
      })}
    </div>
  );
}
