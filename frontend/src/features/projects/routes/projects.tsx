import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, DateText, Dialog, EmptyState, FormError, Loading, Pagination, PageHeader, SelectField, TextField } from '@/components';
import { useCurrentUser } from '@/features/auth';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useProjects } from '../api/get-projects';
import { byId, useBranches, usePeople, useStreams, useTags } from '../api/reference';
import { ProjectForm, projectStatuses } from '../components/project-form';
import { ProjectStatusBadge } from '../components/project-status-badge';
import { TagList } from '../components/tag-picker';
import { branchBoardPath, projectPath } from '../lib/links';
import { positiveInt, useQueryState } from '@/hooks/use-query-state';
import '../projects.css';

type ProjectStatus = Schemas['ProjectStatus'];

/**
 * ProjectsPage lists projects with filters kept in the URL (stream, branch,
 * status, tag, text). A supervisor starts on their own branch and may
 * create projects there; an admin sees every branch and creates in any.
 */
export function ProjectsPage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, set } = useQueryState();
  const [creating, setCreating] = useState(false);

  const page = positiveInt(params.get('page')) ?? 1;
  const branchParam = params.get('branch');
  const branchId = branchParam === 'all' ? undefined : positiveInt(branchParam) ?? (user.role === 'supervisor' ? user.branch_id ?? undefined : undefined);
  const streamId = positiveInt(params.get('stream'));
  const tagId = positiveInt(params.get('tag'));
  const statusParam = params.get('status');
  const status = projectStatuses.includes(statusParam as ProjectStatus) ? (statusParam as ProjectStatus) : undefined;
  const q = params.get('q') ?? '';

  const [search, setSearch] = useState(q);
  useEffect(() => {
    if (search.trim() === q) return;
    const id = setTimeout(() => set({ q: search.trim() }), 300);
    return () => clearTimeout(id);
  }, [search, q, set]);

  const projects = useProjects({ page, per_page: 20, branch_id: branchId, stream_id: streamId, tag_id: tagId, status, q: q || undefined, sort: 'title' });
  const streams = useStreams();
  const branches = useBranches();
  const tags = useTags();
  const people = usePeople({});
  const streamById = byId(streams.data?.items);
  const branchById = byId(branches.data?.items);
  const tagById = byId(tags.data?.items);
  const personById = byId(people.data?.items);
  const canCreate = user.role === 'admin' || user.role === 'supervisor';
  const filtered = Boolean(streamId || tagId || status || q);

  const ownerName = (id: number) => (id === user.id ? t('projects.you') : personById.get(id)?.name ?? t('projects.otherBranchOwner'));
  const boardBranch = branchId ?? user.branch_id ?? undefined;

  return (
    <>
      <PageHeader title={t('projects.title')} subtitle={t('projects.subtitle')}
        actions={(
          <>
            {boardBranch !== undefined && <Link className="btn" to={branchBoardPath(boardBranch)}>{t('projects.branchBoard')}</Link>}
            {canCreate && <Button variant="primary" onClick={() => setCreating(true)}>{t('projects.new')}</Button>}
          </>
        )} />
      <div className="stack">
        <form className="filters" role="search" aria-label={t('projects.filters')} onSubmit={(e) => e.preventDefault()}>
          <TextField label={t('projects.search')} type="search" value={search} placeholder={t('projects.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)} />
          <SelectField label={t('projects.stream')} value={streamId ? String(streamId) : ''}
            options={[{ value: '', label: t('projects.allStreams') }, ...(streams.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))]}
            onChange={(e) => set({ stream: e.target.value })} />
          <SelectField label={t('projects.branch')} value={branchId ? String(branchId) : 'all'}
            options={[{ value: 'all', label: t('projects.allBranches') }, ...(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.code }))]}
            onChange={(e) => set({ branch: e.target.value })} />
          <SelectField label={t('projects.status')} value={status ?? ''}
            options={[{ value: '', label: t('projects.allStatuses') }, ...projectStatuses.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))]}
            onChange={(e) => set({ status: e.target.value })} />
          <SelectField label={t('projects.tag')} value={tagId ? String(tagId) : ''}
            options={[{ value: '', label: t('projects.allTags') }, ...(tags.data?.items ?? []).map((tag) => ({ value: String(tag.id), label: tag.name }))]}
            onChange={(e) => set({ tag: e.target.value })} />
        </form>

        {projects.isPending ? <Loading /> : projects.error ? <FormError error={projects.error} /> : projects.data.items.length === 0 ? (
          <Card>
            <EmptyState title={filtered ? t('projects.noMatch') : t('projects.none')}
              action={filtered
                ? <Button onClick={() => { setSearch(''); set({ stream: null, tag: null, status: null, q: null }); }}>{t('projects.clearFilters')}</Button>
                : canCreate ? <Button variant="primary" onClick={() => setCreating(true)}>{t('projects.new')}</Button> : undefined}>
              {!filtered && canCreate ? t('projects.noneHint') : undefined}
            </EmptyState>
          </Card>
        ) : (
          <div>
            <div className="table-wrap">
              <table className="table rtable">
                <caption className="visually-hidden">{t('projects.caption', { count: projects.data.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.colTitle')}</th>
                    <th scope="col">{t('projects.stream')}</th>
                    <th scope="col">{t('projects.branch')}</th>
                    <th scope="col">{t('projects.owner')}</th>
                    <th scope="col">{t('projects.status')}</th>
                    <th scope="col">{t('projects.tags')}</th>
                    <th scope="col">{t('projects.dates')}</th>
                  </tr>
                </thead>
                <tbody>
                  {projects.data.items.map((p) => (
                    <tr key={p.id}>
                      <td data-label={t('projects.colTitle')} className="rtable__main"><Link to={projectPath(p.id)} className="strong-link">{p.title}</Link></td>
                      <td data-label={t('projects.stream')}>{streamById.get(p.stream_id)?.name ?? '—'}</td>
                      <td data-label={t('projects.branch')}><abbr title={branchById.get(p.branch_id)?.name}>{branchById.get(p.branch_id)?.code ?? '—'}</abbr></td>
                      <td data-label={t('projects.owner')}>{ownerName(p.owner_id)}</td>
                      <td data-label={t('projects.status')}><ProjectStatusBadge status={p.status} /></td>
                      <td data-label={t('projects.tags')}><TagList ids={p.tag_ids} tags={tagById} /></td>
                      <td data-label={t('projects.dates')} className="nowrap">
                        {p.start_date || p.end_date ? <span><DateText value={p.start_date} style="short" /> – <DateText value={p.end_date} style="short" /></span> : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={projects.data} onPageChange={(n) => set({ page: n })} />
          </div>
        )}
      </div>

      <Dialog open={creating} title={t('projectForm.newTitle')} onClose={() => setCreating(false)}>
        <ProjectForm user={user} onCancel={() => setCreating(false)}
          onSaved={(p) => { setCreating(false); navigate(projectPath(p.id), { state: { created: true } }); }} />
      </Dialog>
    </>
  );
}
