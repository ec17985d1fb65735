import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, DateText, Dialog, EmptyState, FormError, HealthBadge, Loading, PageHeader, Pagination, SelectField } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth';
import { scopedBranch, useBranches } from '@/features/projects';
import { positiveInt, useQueryState } from '@/hooks/use-query-state';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { usePlacements } from '../api/get-placements';
import { EditPlacementForm, NewPlacementForm } from '../components/placement-forms';
import '@/features/projects/projects.css';

type Placement = Schemas['Placement'];
type State = Schemas['PlacementState'];
const states: readonly State[] = ['active', 'upcoming', 'ended'];

/**
 * PlacementsPage lists the placements a supervisor manages (their branch;
 * an admin: every branch, or one), filtered by state and intern, and
 * creates or edits them.
 */
export function PlacementsPage() {
  const t = useT();
  const user = useCurrentUser();
  const { params, set } = useQueryState();
  const branches = useBranches();
  const isAdmin = user.role === 'admin';
  const branchId = scopedBranch(params, user);
  const stateParam = params.get('state');
  const state = states.includes(stateParam as State) ? (stateParam as State) : undefined;
  const internId = positiveInt(params.get('intern'));
  const page = positiveInt(params.get('page')) ?? 1;
  const list = usePlacements({ branch_id: branchId, state, intern_id: internId, page, per_page: 20, sort: '-start_date' });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Placement | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const branchById = new Map((branches.data?.items ?? []).map((b) => [b.id, b]));
  const canManage = (p: Placement) => isAdmin || (user.role === 'supervisor' && user.branch_id === p.branch_id);
  const internName = internId ? list.data?.items.find((p) => p.intern_id === internId)?.intern_name : undefined;
  const filtered = Boolean(state || internId);

  return (
    <>
      <PageHeader title={t('placements.title')} subtitle={t('placements.subtitle')}
        actions={<Button variant="primary" onClick={() => setCreating(true)}>{t('placements.new')}</Button>} />
      <div className="stack">
        <form className="filters" aria-label={t('placements.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t('placements.state')} value={state ?? ''}
            options={[{ value: '', label: t('placements.allStates') }, ...states.map((s) => ({ value: s, label: t(`placementState.${s}`) }))]}
            onChange={(e) => set({ state: e.target.value })} />
          {isAdmin && (
            <SelectField label={t('projects.branch')} value={branchId ? String(branchId) : ''}
              options={[{ value: '', label: t('projects.allBranches') }, ...(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))]}
              onChange={(e) => set({ branch: e.target.value })} />
          )}
        </form>
        {internId && (
          <p className="filter-note">
            {t('placements.onlyIntern', { name: internName ?? `#${internId}` })}{' '}
            <Button size="sm" variant="ghost" onClick={() => set({ intern: null })}>{t('placements.showAll')}</Button>
          </p>
        )}
        <p className={message ? 'form__status' : 'visually-hidden'} role="status">{message}</p>

        {list.isPending ? <Loading /> : list.error ? <FormError error={list.error} /> : list.data.items.length === 0 ? (
          <Card>
            <EmptyState title={filtered ? t('placements.noMatch') : t('placements.none')}
              action={filtered
                ? <Button onClick={() => set({ state: null, intern: null })}>{t('projects.clearFilters')}</Button>
                : <Button variant="primary" onClick={() => setCreating(true)}>{t('placements.new')}</Button>}>
              {filtered ? undefined : t('placements.noneHint')}
            </EmptyState>
          </Card>
        ) : (
          <div>
            <div className="table-wrap">
              <table className="table rtable">
                <caption className="visually-hidden">{t('placements.caption', { count: list.data.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('placements.intern')}</th>
                    <th scope="col">{t('placements.supervisor')}</th>
                    {isAdmin && <th scope="col">{t('projects.branch')}</th>}
                    <th scope="col">{t('placements.dates')}</th>
                    <th scope="col">{t('placements.month')}</th>
                    <th scope="col">{t('placements.health')}</th>
                    <th scope="col"><span className="visually-hidden">{t('placements.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((p) => (
                    <tr key={p.id}>
                      <td className="rtable__main" data-label={t('placements.intern')}>
                        <strong><Link to={paths.placementTimeline.to(p.id)} title={t('board.placements.timelineOf', { name: p.intern_name })}>{p.intern_name}</Link></strong>
                        {p.focus && <span className="cell-sub">{p.focus}</span>}
                      </td>
                      <td data-label={t('placements.supervisor')}>{p.supervisor_id === user.id ? t('projects.you') : p.supervisor_name}</td>
                      {isAdmin && <td data-label={t('projects.branch')}>{branchById.get(p.branch_id)?.code ?? '—'}</td>}
                      <td data-label={t('placements.dates')} className="nowrap"><span><DateText value={p.start_date} style="short" /> – <DateText value={p.end_date} style="short" /></span></td>
                      <td data-label={t('placements.month')}>
                        {p.state === 'active'
                          ? t('placements.monthOf', { month: p.month })
                          : <span className={`badge badge--state-${p.state}`}>{t(`placementState.${p.state}`)}</span>}
                      </td>
                      <td data-label={t('placements.health')}>{p.state === 'active' ? <HealthBadge health={p.health} /> : <span className="muted">—</span>}</td>
                      <td className="rtable__actions">
                        {canManage(p) && (
                          <Button size="sm" onClick={() => { setMessage(null); setEditing(p); }} aria-label={t('placements.editFor', { name: p.intern_name })}>
                            {t('placements.edit')}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={list.data} onPageChange={(n) => set({ page: n })} />
          </div>
        )}
      </div>

      <Dialog open={creating} title={t('placementForm.newTitle')} onClose={() => setCreating(false)}>
        <NewPlacementForm user={user} onCancel={() => setCreating(false)}
          onSaved={(p) => { setCreating(false); setMessage(t('placements.created', { name: p.intern_name })); }} />
      </Dialog>
      <Dialog open={editing !== null} title={editing ? t('placementForm.editTitle', { name: editing.intern_name }) : ''} onClose={() => setEditing(null)}>
        {editing && (
          <EditPlacementForm key={editing.id} user={user} placement={editing} onCancel={() => setEditing(null)}
            onSaved={(p) => { setEditing(null); setMessage(t('placements.saved', { name: p.intern_name })); }} />
        )}
      </Dialog>
    </>
  );
}
