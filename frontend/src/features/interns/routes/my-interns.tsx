import { Link } from 'react-router';
import { Card, DateText, EmptyState, FormError, Loading, PageHeader, SelectField } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth';
import { usePlacements } from '@/features/placements/api/get-placements';
import { scopedBranch, useBranches } from '@/features/projects';
import { useQueryState } from '@/hooks/use-query-state';
import { useT } from '@/lib/i18n';
import { DueEvaluations } from '@/features/evaluations/components/due-evaluations';
import { useEvaluations } from '@/features/evaluations/api/evaluations';
import { InternCard } from '../components/intern-card';
import { byConcern } from '../lib/sort';
import '@/features/projects/projects.css';
import '../interns.css';

/**
 * MyInternsPage is the supervisor's start page: the branch's interns on an
 * active placement, the most worrying first, each with "month N of 6",
 * work done against time elapsed, health and last activity; then the
 * placements about to start. An admin picks the branch.
 */
export function MyInternsPage() {
  const t = useT();
  const user = useCurrentUser();
  const { params, set } = useQueryState();
  const branches = useBranches();
  const isAdmin = user.role === 'admin';
  const branchId = scopedBranch(params, user);
  const active = usePlacements({ branch_id: branchId, state: 'active', per_page: 100, sort: 'start_date' });
  const upcoming = usePlacements({ branch_id: branchId, state: 'upcoming', per_page: 100, sort: 'start_date' });
  const branch = branches.data?.items.find((b) => b.id === branchId);
  const dueEvals = useEvaluations({ due: true, per_page: 100 });
  const dueItems = (dueEvals.data?.items ?? []).filter((e) => !branchId || e.branch_id === branchId);

  const items = [...(active.data?.items ?? [])].sort(byConcern);
  const atRisk = items.filter((p) => p.health === 'at_risk').length;
  const offTrack = items.filter((p) => p.health === 'off_track').length;
  const mine = (id: number) => id === user.id;

  return (
    <>
      <PageHeader title={t('myInterns.title')}
        subtitle={branch ? t('myInterns.subtitleBranch', { branch: branch.name }) : t('myInterns.subtitle')}
        actions={<Link className="btn" to={paths.placements.path}>{t('myInterns.managePlacements')}</Link>} />
      <div className="stack">
        {isAdmin && (
          <form className="filters" aria-label={t('myInterns.filters')} onSubmit={(e) => e.preventDefault()}>
            <SelectField label={t('projects.branch')} value={branchId ? String(branchId) : ''}
              options={[{ value: '', label: t('projects.allBranches') }, ...(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))]}
              onChange={(e) => set({ branch: e.target.value })} />
          </form>
        )}
        {active.isPending ? <Loading /> : active.error ? <FormError error={active.error} /> : (
          <>
            {items.length > 0 && (
              <ul className="summary" aria-label={t('myInterns.summary')}>
                <li className="summary__item"><span className="summary__value">{items.length}</span>{t('myInterns.countActive', { count: items.length })}</li>
                <li className={offTrack > 0 ? 'summary__item summary__item--off' : 'summary__item'}><span className="summary__value">{offTrack}</span>{t('health.off_track')}</li>
                <li className={atRisk > 0 ? 'summary__item summary__item--risk' : 'summary__item'}><span className="summary__value">{atRisk}</span>{t('health.at_risk')}</li>
                <li className="summary__item"><span className="summary__value">{upcoming.data?.total ?? 0}</span>{t('myInterns.countUpcoming', { count: upcoming.data?.total ?? 0 })}</li>
              </ul>
            )}
            <section aria-labelledby="active-heading" className="stack stack--tight">
              <h2 id="active-heading" className="section-head__title">
                {t('myInterns.activeTitle')} <span className="section-head__count">({items.length})</span>
              </h2>
              {items.length === 0 ? (
                <Card>
                  <EmptyState title={t('myInterns.noneActive')} action={<Link className="btn btn--primary" to={paths.placements.path}>{t('myInterns.placeIntern')}</Link>}>
                    {t('myInterns.noneActiveHint')}
                  </EmptyState>
                </Card>
              ) : (
                <ul className="intern-grid">
                  {items.map((p) => <InternCard key={p.id} placement={p} showSupervisor={!mine(p.supervisor_id)} />)}
                </ul>
              )}
              {active.data && active.data.total > active.data.items.length && (
                <p className="muted">{t('myInterns.more', { shown: active.data.items.length, total: active.data.total })} <Link to={paths.placements.path}>{t('myInterns.seeAll')}</Link></p>
              )}
            </section>
            <section aria-labelledby="evals-heading" className="stack stack--tight">
              <h2 id="evals-heading" className="section-head__title">
                {t('evaluations.dueTitle')} <span className="section-head__count">({dueItems.length})</span>
              </h2>
              <Card>
                {dueEvals.isPending ? <Loading /> : dueEvals.error ? <FormError error={dueEvals.error} /> : <DueEvaluations items={dueItems} />}
              </Card>
            </section>
            <section aria-labelledby="upcoming-heading" className="stack stack--tight">
              <h2 id="upcoming-heading" className="section-head__title">
                {t('myInterns.upcomingTitle')} <span className="section-head__count">({upcoming.data?.total ?? 0})</span>
              </h2>
              {upcoming.isPending ? <Loading /> : upcoming.error ? <FormError error={upcoming.error} /> : upcoming.data.items.length === 0 ? (
                <p className="muted">{t('myInterns.noneUpcoming')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table rtable">
                    <caption className="visually-hidden">{t('myInterns.upcomingTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('myInterns.intern')}</th>
                        <th scope="col">{t('myInterns.starts')}</th>
                        <th scope="col">{t('myInterns.ends')}</th>
                        <th scope="col">{t('myInterns.supervisor')}</th>
                        <th scope="col">{t('myInterns.focus')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {upcoming.data.items.map((p) => (
                        <tr key={p.id}>
                          <td className="rtable__main" data-label={t('myInterns.intern')}><strong>{p.intern_name}</strong></td>
                          <td data-label={t('myInterns.starts')}><DateText value={p.start_date} /></td>
                          <td data-label={t('myInterns.ends')}><DateText value={p.end_date} /></td>
                          <td data-label={t('myInterns.supervisor')}>{mine(p.supervisor_id) ? t('projects.you') : p.supervisor_name}</td>
                          <td data-label={t('myInterns.focus')}>{p.focus || <span className="muted">—</span>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </>
        )}
      </div>
    </>
  );
}
