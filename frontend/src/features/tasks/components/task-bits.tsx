// Small pieces the task lists and the task page share.
import { Link } from 'react-router';
import { ProgressBar, StatusBadge } from '@/components';
import { paths } from '@/config/paths';
import type { Schemas } from '@/lib/api';
import { formatDate, useI18n, useT } from '@/lib/i18n';
import '../tasks.css';

const priorityIcon: Record<Schemas['Priority'], string> = { low: '▽', medium: '◇', high: '▲', urgent: '⬆' };

/** PriorityBadge is a task's priority in words with a shape, never colour alone. */
export function PriorityBadge({ priority }: { priority: Schemas['Priority'] }) {
  const t = useT();
  return (
    <span className={`badge badge--priority-${priority}`}>
      <span aria-hidden="true" className="badge__icon">{priorityIcon[priority]}</span>
      {t(`priority.${priority}`)}
    </span>
  );
}

/** OverdueBadge marks work past its due date (in words). */
export function OverdueBadge() {
  const t = useT();
  return (
    <span className="badge badge--overdue">
      <span aria-hidden="true" className="badge__icon">!</span>
      {t('taskList.overdue')}
    </span>
  );
}

/** DueText is "Due 2 Dec 2026" (bare: the date alone) with an overdue badge when the task is late. */
export function DueText({ task, bare = false }: { task: Pick<Schemas['Task'], 'due_date' | 'overdue'>; bare?: boolean }) {
  const { t, locale } = useI18n();
  if (!task.due_date) return <span className="due due--none">{t('taskList.noDue')}</span>;
  const day = formatDate(task.due_date, locale);
  return (
    <span className={task.overdue ? 'due due--overdue' : 'due'}>
      <time dateTime={task.due_date}>{bare ? day : t('taskList.due', { date: day })}</time>
      {task.overdue && <OverdueBadge />}
    </span>
  );
}

/** TaskRow is one task in a list: its title (a link to the task page), status, priority, due date and progress. */
export function TaskRow({ task, showStatus = true }: { task: Schemas['Task']; showStatus?: boolean }) {
  const t = useT();
  return (
    <li className={task.overdue ? 'task-row task-row--overdue' : 'task-row'}>
      <div className="task-row__main">
        <Link to={paths.task.to(task.id)} className="task-row__title">{task.title}</Link>
        <div className="task-row__meta">
          {showStatus && <StatusBadge status={task.status} />}
          <PriorityBadge priority={task.priority} />
          <DueText task={task} />
        </div>
      </div>
      <div className="task-row__progress">
        <ProgressBar value={task.progress} label={t('taskList.progressOf', { title: task.title })} />
      </div>
    </li>
  );
}
