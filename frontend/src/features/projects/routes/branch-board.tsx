import { useMemo } from 'react';
import { Link } from 'react-router';
import { PageHeader, SelectField } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth';
import { useT } from '@/lib/i18n';
import { useProjects } from '../api/get-projects';
import { useBranches, useStreams } from '../api/reference';
import { KanbanBoard } from '../components/kanban-board';
import { useBranchInterns } from '../components/use-branch-interns';
import { positiveInt, useQueryState } from '@/hooks/use-query-state';
import '../projects.css';

/**
 * BranchBoardPage is the kanban of every task of a branch, across its
 * projects, narrowed by stream and assignee (all kept in the URL).
 */
export function BranchBoardPage() {
  const t = useT();
  const user = useCurrentUser();
  const { params, set } = useQueryState();
  const branches = useBranches();
  const streams = useStreams();
  const branchId = positiveInt(params.get('branch')) ?? user.branch_id ?? branches.data?.items[0]?.id;
  const streamId = positiveInt(params.get('stream'));
  const assigneeId = positiveInt(params.get('assignee'));
  const { interns } = useBranchInterns(branchId);
  const projects = useProjects({ branch_id: branchId, per_page: 100, sort: 'title' });
  const titles = useMemo(() => new Map((projects.data?.items ?? []).map((p) => [p.id, p.title])), [projects.data]);
  const branch = branches.data?.items.find((b) => b.id === branchId);
  const assigneeOptions = [{ value: '', label: t('branchBoard.everyone') }, ...interns.map((i) => ({ value: String(i.id), label: i.name }))];
  if (assigneeId && !interns.some((i) => i.id === assigneeId)) assigneeOptions.push({ value: String(assigneeId), label: t('branchBoard.intern', { id: assigneeId }) });

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('project.breadcrumbs')}>
        <Link to={paths.projects.path}>{t('projects.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('branchBoard.title')}</span>
      </nav>
      <PageHeader title={branch ? t('branchBoard.titleOf', { branch: branch.code }) : t('branchBoard.title')} subtitle={branch?.name ?? t('branchBoard.subtitle')} />
      <div className="stack">
        <form className="filters" aria-label={t('branchBoard.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t('projects.branch')} value={branchId ? String(branchId) : ''}
            options={(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
            onChange={(e) => set({ branch: e.target.value, assignee: null })} />
          <SelectField label={t('projects.stream')} value={streamId ? String(streamId) : ''}
            options={[{ value: '', label: t('projects.allStreams') }, ...(streams.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))]}
            onChange={(e) => set({ stream: e.target.value })} />
          <SelectField label={t('branchBoard.assignee')} value={assigneeId ? String(assigneeId) : ''} options={assigneeOptions}
            onChange={(e) => set({ assignee: e.target.value })} />
        </form>
        {branchId !== undefined && (
          <KanbanBoard filter={{ branch_id: branchId, stream_id: streamId, assignee_id: assigneeId }} user={user} projectTitles={titles}
            label={t('branchBoard.boardLabel', { branch: branch?.code ?? '' })} />
        )}
      </div>
    </>
  );
}
