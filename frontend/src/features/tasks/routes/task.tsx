import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Card, DateText, EmptyState, FormError, Loading, PageHeader, ProgressBar, StatusBadge } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth';
import { useQueryState } from '@/hooks/use-query-state';
import { isApiError, type Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useTask } from '../api/get-task';
import { useProject, useStreams, useTags } from '../api/get-reference';
import { Comments } from '../components/comments';
import { ProgressForm } from '../components/progress-form';
import { ProgressHistory } from '../components/progress-history';
import { canLogProgress, capacityFor } from '../components/status-moves';
import { DueText, PriorityBadge } from '../components/task-bits';
import { TaskMoves } from '../components/task-moves';
import '../tasks.css';

function pageParam(v: string | null): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * TaskPage is the route at paths.task, open to every signed-in role: the
 * task's details, the status moves the workflow allows the user, its
 * progress log (a form for those who may log) and its comments. Those who
 * may not act (leadership, other branches) read it only.
 */
export function TaskPage() {
  const t = useT();
  const { id } = useParams();
  const taskId = Number(id);
  const valid = Number.isInteger(taskId) && taskId > 0;
  const { data: task, error, isPending } = useTask(valid ? taskId : 0);

  if (!valid || (error && isApiError(error) && error.code === 'not_found')) {
    return (
      <>
        <PageHeader title={t('taskPage.titleFallback')} />
        <Card><EmptyState title={t('taskPage.notFound')} /></Card>
      </>
    );
  }
  if (isPending) return <Loading />;
  if (error) {
    return (
      <>
        <PageHeader title={t('taskPage.titleFallback')} />
        <FormError error={error} />
      </>
    );
  }
  return <TaskView task={task} />;
}

function TaskView({ task }: { task: Schemas['Task'] }) {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const { params: search, set: setSearch } = useQueryState();
  const logPage = pageParam(search.get('log'));
  const commentsPage = pageParam(search.get('comments'));
  const capacity = capacityFor(user, task);
  const mayLog = canLogProgress(user, task);

  function setPage(key: 'log' | 'comments', p: number) {
    setSearch({ [key]: p > 1 ? p : null });
  }

  const back = user.role === 'intern'
    ? <Link to={paths.myTasks.path} className="crumb"><span aria-hidden="true">←</span>{t('taskPage.backToMyTasks')}</Link>
    : location.key !== 'default'
      ? <button type="button" className="crumb crumb-btn" onClick={() => navigate(-1)}><span aria-hidden="true">←</span>{t('taskPage.back')}</button>
      : null;

  return (
    <>
      {back}
      <PageHeader title={task.title} subtitle={(
        <span className="task-heading__badges">
          <StatusBadge status={task.status} />
          <PriorityBadge priority={task.priority} />
          <DueText task={task} />
        </span>
      )} />
      <div className="task-layout">
        <div className="task-layout__side">
          {capacity === 'none' && (
            <p className="notice"><span className="notice__icon" aria-hidden="true">i</span>{t('taskPage.readOnly')}</p>
          )}
          {capacity !== 'none' && (
            <Card title={t('taskPage.movesTitle')}>
              <TaskMoves task={task} user={user} />
            </Card>
          )}
          <Card title={t('taskPage.details')}>
            <TaskFacts task={task} />
          </Card>
        </div>
        <div className="task-layout__main">
          <Card title={t('taskPage.description')}>
            {task.description.trim()
              ? <p className="prewrap">{task.description}</p>
              : <p className="muted">{t('taskPage.noDescription')}</p>}
          </Card>
          <Card title={t('taskPage.logTitle')} description={t('taskPage.logDescription')}>
            {mayLog && (
              <>
                <ProgressForm task={task} />
                <hr className="divider" />
              </>
            )}
            {!mayLog && capacity !== 'none' && task.status === 'done' && (
              <p className="notice notice--spaced"><span className="notice__icon" aria-hidden="true">i</span>{t('taskPage.doneNoLog')}</p>
            )}
            <h3 className="section-title">{t('taskPage.historyTitle')}</h3>
            <ProgressHistory taskId={task.id} page={logPage} onPageChange={(p) => setPage('log', p)} canLog={mayLog} />
          </Card>
          <Card title={t('taskPage.commentsTitle')}>
            <Comments task={task} user={user} page={commentsPage} onPageChange={(p) => setPage('comments', p)} />
          </Card>
        </div>
      </div>
    </>
  );
}

function TaskFacts({ task }: { task: Schemas['Task'] }) {
  const t = useT();
  const project = useProject(task.project_id);
  const streams = useStreams();
  const tags = useTags();
  const stream = streams.data?.items.find((s) => s.id === task.stream_id);
  const tagNames = task.tag_ids.map((id) => tags.data?.items.find((x) => x.id === id)).filter((x): x is Schemas['Tag'] => x !== undefined);
  return (
    <dl className="kv">
      <dt>{t('taskPage.progress')}</dt>
      <dd><ProgressBar value={task.progress} label={t('taskPage.progress')} /></dd>
      <dt>{t('taskPage.assignee')}</dt>
      <dd>{task.assignee_name ?? <span className="muted">{t('taskPage.unassigned')}</span>}</dd>
      <dt>{t('taskPage.project')}</dt>
      <dd>{project.data?.title ?? '…'}</dd>
      <dt>{t('taskPage.stream')}</dt>
      <dd>{stream?.name ?? '…'}</dd>
      <dt>{t('taskPage.tags')}</dt>
      <dd>
        {task.tag_ids.length === 0
          ? <span className="muted">{t('taskPage.noTags')}</span>
          : (
            <ul className="chips">
              {tagNames.map((tag) => <li key={tag.id} className="chip" title={tag.name}>{tag.name}</li>)}
            </ul>
          )}
      </dd>
      <dt>{t('taskPage.start')}</dt>
      <dd><DateText value={task.start_date} fallback={t('taskPage.noDate')} /></dd>
      <dt>{t('taskPage.due')}</dt>
      <dd><DueText task={task} bare /></dd>
      <dt>{t('taskPage.estimate')}</dt>
      <dd>{task.estimate_hours !== null ? t('taskPage.hours', { count: task.estimate_hours }) : <span className="muted">{t('taskPage.noDate')}</span>}</dd>
    </dl>
  );
}
