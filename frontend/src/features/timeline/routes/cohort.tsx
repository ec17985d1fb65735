import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, DateText, EmptyState, FormError, Loading, PageHeader } from '@/components';
import { paths } from '@/config/paths';
import { useQueryState } from '@/hooks/use-query-state';
import { useI18n } from '@/lib/i18n';
import { useBranches } from '../api/get-branches';
import { useAllPlacements } from '../api/get-cohort';
import { CohortChart, cohortChartW, cohortX0 } from '../components/cohort-chart';
import { streamClass } from '../components/labels';
import { cohortLayout } from '../lib/cohort';
import '../timeline.css';

/** yearOf reads ?year= (2000..2100), else the current year. */
export function yearOf(sp: URLSearchParams, now: Date = new Date()): number {
  const y = Number(sp.get('year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : now.getFullYear();
}

/**
 * CohortPage shows every placement of a year (?year=, kept in the URL) as
 * a bar over the months, so arrivals, departures and handover overlaps
 * show at a glance; each bar opens the placement's timeline. Supervisors
 * see their branch, leadership and admins the division (the server decides).
 */
export function CohortPage() {
  const { t } = useI18n();
  const { params, set } = useQueryState({ history: 'push' });
  const year = yearOf(params);
  const placements = useAllPlacements();
  const branches = useBranches();
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();

  const setYear = (y: number) => set({ year: y });

  const header = <PageHeader title={t('cohort.title')} subtitle={t('cohort.subtitle')} />;
  if (placements.isPending || branches.isPending) return <>{header}<Loading /></>;
  if (placements.error || branches.error) return <>{header}<FormError error={placements.error ?? branches.error} /></>;

  const branchList = branches.data.items;
  const order = branchList.map((b) => b.id);
  const code = (id: number) => branchList.find((b) => b.id === id)?.code ?? '';
  const cohort = cohortLayout(placements.data, year, cohortX0, cohortChartW);
  const usedBranches = branchList.filter((b) => cohort.rows.some((r) => r.placement.branch_id === b.id));

  return (
    <>
      {header}
      <nav className="cohort-filters" aria-label={t('cohort.year')}>
        <Button size="sm" onClick={() => setYear(year - 1)}>
          <span aria-hidden="true">←</span> <span className="visually-hidden">{t('cohort.previousYear')}</span> {year - 1}
        </Button>
        <strong aria-current="page">{year}</strong>
        <Button size="sm" onClick={() => setYear(year + 1)}>
          <span className="visually-hidden">{t('cohort.nextYear')}</span> {year + 1} <span aria-hidden="true">→</span>
        </Button>
      </nav>
      <Card>
        {cohort.rows.length === 0 ? (
          <EmptyState title={t('cohort.empty', { year: String(year) })}>{t('cohort.emptyHint')}</EmptyState>
        ) : (
          <>
            <p className="tl-summary">{t('cohort.summary', { count: cohort.rows.length, year: String(year), arrivals: cohort.arrivals, departures: cohort.departures, overlaps: cohort.overlaps })}</p>
            <ul className="tl-legend" aria-label={t('timeline.legend')}>
              {usedBranches.map((b) => (
                <li key={b.id}><span className={`tl-swatch ${streamClass(b.id, order)}`} aria-hidden="true" />{b.code} – {b.name}</li>
              ))}
              <li><span className="tl-swatch tl-swatch--hatch" aria-hidden="true" />{t('cohort.legendOverlap')}</li>
              <li><span className="tl-swatch tl-swatch--edge" aria-hidden="true" />{t('cohort.legendEdge')}</li>
            </ul>
            <div className="tl-scroll">
              <CohortChart cohort={cohort} year={year} branchOrder={order} branchCode={code} />
            </div>
            <p className="tl-hint">{t('cohort.keyboardHint')}</p>
            <div className="tl-actions">
              <Button variant="ghost" size="sm" aria-expanded={tableShown} aria-controls={tableId} onClick={() => setTableShown((v) => !v)}>
                {tableShown ? t('timeline.hideTable') : t('timeline.showTable')}
              </Button>
            </div>
            <div id={tableId} className={tableShown ? 'tl-tables' : 'tl-tables visually-hidden'}>
              <div className="table-wrap">
                <table className="table">
                  <caption className="tl-caption">{t('cohort.tableCaption', { year: String(year) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('cohort.col.intern')}</th>
                      <th scope="col">{t('cohort.col.branch')}</th>
                      <th scope="col">{t('cohort.col.start')}</th>
                      <th scope="col">{t('cohort.col.end')}</th>
                      <th scope="col">{t('cohort.col.state')}</th>
                      <th scope="col">{t('cohort.col.overlaps')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cohort.rows.map((r) => (
                      <tr key={r.placement.id}>
                        <th scope="row"><Link to={paths.placementTimeline.to(r.placement.id)}>{r.placement.intern_name}</Link></th>
                        <td>{code(r.placement.branch_id)}</td>
                        <td><DateText value={r.placement.start_date} /></td>
                        <td><DateText value={r.placement.end_date} /></td>
                        <td>{t(`placementState.${r.placement.state}`)}</td>
                        <td>{r.overlaps.length ? r.overlaps.map((o) => t('cohort.overlapWith', { name: o.with.intern_name, count: o.days })).join('; ') : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </>
        )}
      </Card>
    </>
  );
}
