import { Button, Card, EmptyState, FormError, Loading, PageHeader, Pagination, SelectField } from '@/components';
import { useCurrentUser } from '@/features/auth';
import { useQueryState } from '@/hooks/use-query-state';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useTasks, type TasksQuery } from '../api/get-tasks';
import { TaskRow } from '../components/task-bits';
import '../tasks.css';

const statuses: readonly Schemas['TaskStatus'][] = ['todo', 'in_progress', 'blocked', 'in_review', 'done'];
type Sort = 'due_date' | '-due_date';
const myTasksPerPage = 20;

function isStatus(v: string | null): v is Schemas['TaskStatus'] {
  return v !== null && (statuses as readonly string[]).includes(v);
}

/**
 * MyTasksPage is the route at paths.myTasks: the intern's tasks a page at a
 * time, filtered by status and lateness and sorted by due date; the
 * filters and the page live in the URL so a reload or a shared link keeps
 * them.
 */
export function MyTasksPage() {
  const t = useT();
  const user = useCurrentUser();
  const { params: search, set: update } = useQueryState({ history: 'push' });
  const status = isStatus(search.get('status')) ? (search.get('status') as Schemas['TaskStatus']) : null;
  const overdue = search.get('overdue') === '1';
  const sort: Sort = search.get('sort') === '-due_date' ? '-due_date' : 'due_date';
  const pageNum = Math.max(1, Math.floor(Number(search.get('page')) || 1));

  const query: TasksQuery = { assignee_id: user.id, page: pageNum, per_page: myTasksPerPage, sort };
  if (status) query.status = status;
  if (overdue) query.overdue = true;
  const { data, error, isPending, isPlaceholderData } = useTasks(query);
  const filtered = status !== null || overdue;

  return (
    <>
      <PageHeader title={t('myTasks.title')} subtitle={t('myTasks.subtitle')} />
      <div className="toolbar" role="search" aria-label={t('myTasks.filters')}>
        <SelectField label={t('myTasks.status')} name="status" className="select--compact" value={status ?? ''}
          onChange={(e) => update({ status: e.target.value || null })}
          options={[{ value: '', label: t('myTasks.allStatuses') }, ...statuses.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))]} />
        <SelectField label={t('myTasks.sort')} name="sort" className="select--compact" value={sort}
          onChange={(e) => update({ sort: e.target.value === 'due_date' ? null : e.target.value })}
          options={[{ value: 'due_date', label: t('myTasks.sortDueAsc') }, { value: '-due_date', label: t('myTasks.sortDueDesc') }]} />
        <label className="toolbar__check">
          <input type="checkbox" name="overdue" checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : null })} />
          {t('myTasks.overdueOnly')}
        </label>
        {data && <span className="toolbar__end" aria-live="polite">{t('myTasks.count', { count: data.total })}</span>}
      </div>
      {isPending && <Loading />}
      {error && <FormError error={error} />}
      {data && data.items.length === 0 && (
        <Card>
          {filtered
            ? <EmptyState title={t('myTasks.noMatch')} action={<Button onClick={() => update({ status: null, overdue: null })}>{t('myTasks.clearFilters')}</Button>} />
            : <EmptyState title={t('myTasks.noneTitle')}>{t('myTasks.noneBody')}</EmptyState>}
        </Card>
      )}
      {data && data.items.length > 0 && (
        <>
          <ul className="task-list" aria-label={t('taskList.label')} aria-busy={isPlaceholderData || undefined}>
            {data.items.map((task) => <TaskRow key={task.id} task={task} />)}
          </ul>
          <Pagination page={data} onPageChange={(p) => update({ page: p > 1 ? String(p) : null })} />
        </>
      )}
    </>
  );
}
