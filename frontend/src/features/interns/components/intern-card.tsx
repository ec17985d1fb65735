import { Link } from 'react-router';
import { DateText, DateTimeText, HealthBadge } from '@/components';
import { paths } from '@/config/paths';
import { branchBoardPath } from '@/features/projects';
import { StaleBadge } from '@/features/reports';
import type { Schemas } from '@/lib/api';
import { formatPercent, useI18n } from '@/lib/i18n';

type Placement = Schemas['Placement'];

/** TimeVsWork is one bar: work done as the fill, the share of time elapsed as a marker. */
export function TimeVsWork({ progress, elapsed, name }: { progress: number; elapsed: number; name: string }) {
  const { t, locale } = useI18n();
  const p = Math.max(0, Math.min(100, Math.round(progress)));
  const e = Math.max(0, Math.min(100, Math.round(elapsed)));
  const text = t('myInterns.barText', { progress: formatPercent(p, locale), elapsed: formatPercent(e, locale) });
  return (
    <div className="twork">
      <div className="twork__track" role="progressbar" aria-label={t('myInterns.barLabel', { name })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={p} aria-valuetext={text}>
        <div className={p + 15 < e ? 'twork__fill twork__fill--behind' : 'twork__fill'} style={{ width: `${p}%` }} />
        <div className="twork__marker" style={{ left: `${e}%` }} />
      </div>
      <p className="twork__legend" aria-hidden="true">
        <span><span className="twork__key twork__key--work" />{t('myInterns.workDone', { value: formatPercent(p, locale) })}</span>
        <span><span className="twork__key twork__key--time" />{t('myInterns.timeElapsed', { value: formatPercent(e, locale) })}</span>
      </p>
    </div>
  );
}

/** InternCard is one active placement on "My interns". */
export function InternCard({ placement: p, showSupervisor }: { placement: Placement; showSupervisor: boolean }) {
  const { t } = useI18n();
  return (
    <li className={`intern-card intern-card--${p.health}`}>
      <div className="intern-card__head">
        <div className="intern-card__who">
          <h3 className="intern-card__name">{p.intern_name}</h3>
          <p className="intern-card__month">{t('myInterns.monthOf', { month: p.month })}</p>
        </div>
        <span className="intern-card__badges"><HealthBadge health={p.health} /><StaleBadge placement={p} /></span>
      </div>
      <TimeVsWork progress={p.progress_pct} elapsed={p.elapsed_pct} name={p.intern_name} />
      <dl className="intern-card__facts">
        <div>
          <dt>{t('myInterns.lastActivity')}</dt>
          <dd>{p.last_log_at ? <DateTimeText value={p.last_log_at} relative /> : <span className="intern-card__none">{t('myInterns.noLog')}</span>}</dd>
        </div>
        <div>
          <dt>{t('myInterns.dates')}</dt>
          <dd className="nowrap"><DateText value={p.start_date} style="short" /> – <DateText value={p.end_date} style="short" /></dd>
        </div>
        {showSupervisor && (
          <div>
            <dt>{t('myInterns.supervisor')}</dt>
            <dd>{p.supervisor_name}</dd>
          </div>
        )}
      </dl>
      <div className="intern-card__links">
        <Link className="btn btn--sm" to={branchBoardPath(p.branch_id, { assignee: p.intern_id })} aria-label={t('myInterns.tasksOf', { name: p.intern_name })}>
          {t('myInterns.tasks')}
        </Link>
        <Link className="btn btn--sm btn--ghost" to={`${paths.placements.path}?intern=${p.intern_id}`} aria-label={t('myInterns.placementOf', { name: p.intern_name })}>
          {t('myInterns.placement')}
        </Link>
        <Link className="btn btn--sm btn--ghost" to={paths.placementTimeline.to(p.id)} aria-label={t('board.placements.timelineOf', { name: p.intern_name })}>
          {t('timeline.title')}
        </Link>
      </div>
    </li>
  );
}
