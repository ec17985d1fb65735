import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, DateText, Dialog, EmptyState, FormError, Loading, NumberText, PageHeader, Pagination, StatusBadge } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth';
import { isApiError, type Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useProject } from '../api/get-project';
import { byId, useBranches, usePeople, useStreams, useTags } from '../api/reference';
import { useTaskList, type Task } from '../api/tasks';
import { KanbanBoard } from '../components/kanban-board';
import { ProjectForm } from '../components/project-form';
import { ProjectStatusBadge } from '../components/project-status-badge';
import { TagList } from '../components/tag-picker';
import { TaskForm } from '../components/task-form';
import { branchBoardPath, taskPath } from '../lib/links';
import { positiveInt, useQueryState } from '@/hooks/use-query-state';
import '../projects.css';

type Project = Schemas['Project'];

/**
 * ProjectPage is /projects/:id: the project's details (editable by an
 * admin or a supervisor of its branch) and its tasks, as a kanban or a
 * list, with "New task" and each task's edit form.
 */
export function ProjectPage() {
  const t = useT();
  const { id } = useParams();
  const projectId = positiveInt(id ?? null) ?? 0;
  const project = useProject(projectId);

  if (project.isPending && projectId > 0) return <Loading />;
  if (!project.data) {
    const missing = projectId === 0 || (isApiError(project.error) && project.error.code === 'not_found');
    return (
      <>
        <PageHeader title={t('project.notFound')} />
        {missing ? (
          <Card><EmptyState title={t('errors.not_found')} action={<Link className="btn" to={paths.projects.path}>{t('project.backToList')}</Link>} /></Card>
        ) : <FormError error={project.error} />}
      </>
    );
  }
  return <ProjectView project={project.data} />;
}

type TaskDialog = { mode: 'new' } | { mode: 'edit'; task: Task } | null;

function ProjectView({ project }: { project: Project }) {
  const t = useT();
  const user = useCurrentUser();
  const { params, set } = useQueryState();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const [editing, setEditing] = useState(false);
  const [taskDialog, setTaskDialog] = useState<TaskDialog>(null);
  const [status, setStatus] = useState<string | null>(null);
  const streams = useStreams();
  const branches = useBranches();
  const tags = useTags();
  const people = usePeople({});
  const stream = byId(streams.data?.items).get(project.stream_id);
  const branch = byId(branches.data?.items).get(project.branch_id);
  const owner = project.owner_id === user.id ? user : byId(people.data?.items).get(project.owner_id);
  const canManage = user.role === 'admin' || (user.role === 'supervisor' && user.branch_id === project.branch_id);

  function taskSaved(task: Task, created: boolean) {
    setTaskDialog(null);
    setStatus(created ? t('project.taskCreated', { title: task.title }) : t('project.taskSaved', { title: task.title }));
  }

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('project.breadcrumbs')}>
        <Link to={paths.projects.path}>{t('projects.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{project.title}</span>
      </nav>
      <PageHeader title={project.title}
        subtitle={<><ProjectStatusBadge status={project.status} /> <span className="muted">{stream?.name}</span></>}
        actions={canManage ? (
          <>
            <Button onClick={() => setEditing(true)}>{t('project.edit')}</Button>
            <Button variant="primary" onClick={() => setTaskDialog({ mode: 'new' })}>{t('project.newTask')}</Button>
          </>
        ) : undefined} />

      <div className="stack">
        {status && <p className="form__status" role="status">{status}</p>}
        <dl className="facts">
          <div><dt>{t('projects.stream')}</dt><dd>{stream?.name ?? '—'}</dd></div>
          <div><dt>{t('projects.branch')}</dt><dd>{branch ? <Link to={branchBoardPath(branch.id)}>{branch.name}</Link> : '—'}</dd></div>
          <div><dt>{t('projects.owner')}</dt><dd>{owner?.name ?? t('projects.otherBranchOwner')}</dd></div>
          <div><dt>{t('projects.dates')}</dt><dd>
            {project.start_date || project.end_date ? <><DateText value={project.start_date} /> – <DateText value={project.end_date} /></> : t('project.noDates')}
          </dd></div>
          {project.tag_ids.length > 0 && <div><dt>{t('projects.tags')}</dt><dd><TagList ids={project.tag_ids} tags={byId(tags.data?.items)} /></dd></div>}
        </dl>
        {project.description && <p className="prose">{project.description}</p>}

        <section aria-labelledby="tasks-heading" className="stack stack--tight project-tasks">
          <div className="section-head">
            <h2 id="tasks-heading" className="section-head__title">{t('project.tasks')}</h2>
            <div className="segmented" role="group" aria-label={t('project.viewAs')}>
              <button type="button" className="segmented__btn" aria-pressed={view === 'board'} onClick={() => set({ view: null })}>{t('project.viewBoard')}</button>
              <button type="button" className="segmented__btn" aria-pressed={view === 'list'} onClick={() => set({ view: 'list' })}>{t('project.viewList')}</button>
            </div>
          </div>
          {view === 'board' ? (
            <KanbanBoard filter={{ project_id: project.id }} user={user} label={t('project.boardLabel', { title: project.title })}
              onEditTask={canManage ? (task) => setTaskDialog({ mode: 'edit', task }) : undefined} />
          ) : (
            <TaskTable projectId={project.id} canManage={canManage} onEdit={(task) => setTaskDialog({ mode: 'edit', task })}
              onNew={canManage ? () => setTaskDialog({ mode: 'new' }) : undefined} />
          )}
        </section>
      </div>

      <Dialog open={editing} title={t('projectForm.editTitle')} onClose={() => setEditing(false)}>
        <ProjectForm user={user} project={project} onCancel={() => setEditing(false)}
          onSaved={() => { setEditing(false); setStatus(t('project.saved')); }} />
      </Dialog>
      <Dialog open={taskDialog !== null} title={taskDialog?.mode === 'edit' ? t('taskForm.editTitle') : t('taskForm.newTitle')} onClose={() => setTaskDialog(null)}>
        {taskDialog && (
          <TaskForm key={taskDialog.mode === 'edit' ? taskDialog.task.id : 'new'} project={project}
            task={taskDialog.mode === 'edit' ? taskDialog.task : undefined} onCancel={() => setTaskDialog(null)} onSaved={taskSaved} />
        )}
      </Dialog>
    </>
  );
}

/** TaskTable is the project's tasks as a paged list. */
function TaskTable({ projectId, canManage, onEdit, onNew }: { projectId: number; canManage: boolean; onEdit: (t: Task) => void; onNew?: (() => void) | undefined }) {
  const t = useT();
  const { params, set } = useQueryState();
  const page = positiveInt(params.get('page')) ?? 1;
  const tasks = useTaskList({ project_id: projectId, page, per_page: 25, sort: 'due_date' });
  if (tasks.isPending) return <Loading />;
  if (tasks.error) return <FormError error={tasks.error} />;
  if (tasks.data.items.length === 0) {
    return (
      <Card>
        <EmptyState title={t('project.noTasks')} action={onNew ? <Button variant="primary" onClick={onNew}>{t('project.newTask')}</Button> : undefined}>
          {onNew ? t('project.noTasksHint') : undefined}
        </EmptyState>
      </Card>
    );
  }
  return (
    <div>
      <div className="table-wrap">
        <table className="table rtable">
          <caption className="visually-hidden">{t('project.tasks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('taskForm.title')}</th>
              <th scope="col">{t('project.colStatus')}</th>
              <th scope="col">{t('taskForm.assignee')}</th>
              <th scope="col">{t('taskForm.priority')}</th>
              <th scope="col">{t('taskForm.dueDate')}</th>
              <th scope="col">{t('project.colProgress')}</th>
              {canManage && <th scope="col"><span className="visually-hidden">{t('project.colActions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {tasks.data.items.map((task) => (
              <tr key={task.id}>
                <td data-label={t('taskForm.title')} className="rtable__main"><Link to={taskPath(task.id)} className="strong-link">{task.title}</Link></td>
                <td data-label={t('project.colStatus')}><StatusBadge status={task.status} /></td>
                <td data-label={t('taskForm.assignee')}>{task.assignee_name ?? <span className="muted">{t('kanban.unassigned')}</span>}</td>
                <td data-label={t('taskForm.priority')}>{t(`priority.${task.priority}`)}</td>
                <td data-label={t('taskForm.dueDate')} className="nowrap">
                  <span>
                    <DateText value={task.due_date} />
                    {task.overdue && <> <span className="badge badge--overdue">{t('project.overdue')}</span></>}
                  </span>
                </td>
                <td data-label={t('project.colProgress')}><NumberText value={task.progress} percent /></td>
                {canManage && (
                  <td className="rtable__actions">
                    <Button size="sm" onClick={() => onEdit(task)} aria-label={t('kanban.editFor', { title: task.title })}>{t('kanban.edit')}</Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={tasks.data} onPageChange={(n) => set({ page: n })} />
    </div>
  );
}
