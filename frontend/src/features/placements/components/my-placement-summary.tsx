import { Card, DateTimeText, HealthBadge, NumberText } from '@/components';
import type { Schemas } from '@/lib/api';
import { formatDate, formatPercent, useI18n } from '@/lib/i18n';
import { useBranch } from '../api/my-placement-branch';
import { daysBetween, todayISO } from './my-placement-pick';

type Placement = Schemas['Placement'];

/** MonthSteps draws the six months, those begun filled; decorative (the text says it). */
function MonthSteps({ month, state }: { month: number; state: Placement['state'] }) {
  const filled = state === 'upcoming' ? 0 : state === 'ended' ? 6 : month;
  return (
    <div className="month-steps" aria-hidden="true">
      {[1, 2, 3, 4, 5, 6].map((m) => (
        <span key={m} className={m < filled || state === 'ended' ? 'month-steps__step month-steps__step--past' : m === filled ? 'month-steps__step month-steps__step--now' : 'month-steps__step'} />
      ))}
    </div>
  );
}

/** PlacementHero is the top of My placement: month N of 6, dates, days left, health with a sentence, supervisor, branch and focus. */
export function PlacementHero({ placement: p }: { placement: Placement }) {
  const { t, locale } = useI18n();
  const branch = useBranch(p.branch_id);
  const today = todayISO();
  let when: string;
  if (p.state === 'upcoming') when = t('myPlacement.daysToStart', { count: Math.max(1, daysBetween(today, p.start_date)) });
  else if (p.state === 'ended') when = t('myPlacement.endedOn', { date: formatDate(p.end_date, locale, 'long') });
  else when = t('myPlacement.daysLeft', { count: Math.max(1, daysBetween(today, p.end_date) + 1) });

  return (
    <section className="card placement-hero" aria-labelledby="placement-month">
      <div className="placement-hero__time">
        <div className="placement-hero__top">
          <span className={`badge badge--state-${p.state}`}>{t(`placementState.${p.state}`)}</span>
          <span className="placement-hero__when">{when}</span>
        </div>
        <h2 id="placement-month" className="placement-hero__month">{t('myPlacement.monthOf', { month: p.month })}</h2>
        <MonthSteps month={p.month} state={p.state} />
        <p className="placement-hero__dates">
          {t('myPlacement.dateRange', { from: formatDate(p.start_date, locale, 'long'), to: formatDate(p.end_date, locale, 'long') })}
        </p>
      </div>
      <div className="placement-hero__health">
        <h2 className="placement-hero__label">{t('myPlacement.healthTitle')}</h2>
        <div><HealthBadge health={p.health} /></div>
        <p className="placement-hero__explain">
          {p.state === 'upcoming' ? t('myPlacement.upcomingExplain') : t(`myPlacement.healthExplain.${p.health}`)}
        </p>
      </div>
      <dl className="placement-hero__facts">
        <div><dt>{t('myPlacement.supervisor')}</dt><dd>{p.supervisor_name}</dd></div>
        <div><dt>{t('myPlacement.branch')}</dt><dd>{branch.data ? branch.data.name : '…'}</dd></div>
        <div>
          <dt>{t('myPlacement.lastLog')}</dt>
          <dd>{p.last_log_at ? <DateTimeText value={p.last_log_at} relative /> : t('myPlacement.neverLogged')}</dd>
        </div>
        <div className="placement-hero__focus">
          <dt>{t('myPlacement.focus')}</dt>
          <dd>{p.focus.trim() ? p.focus : <span className="muted">{t('myPlacement.noFocus')}</span>}</dd>
        </div>
      </dl>
    </section>
  );
}

/** PaceCard compares the work done with the time elapsed: two labelled bars, both values as text, and a sentence. */
export function PaceCard({ placement: p }: { placement: Placement }) {
  const { t, locale } = useI18n();
  const lag = p.elapsed_pct - p.progress_pct;
  let sentence: string;
  if (p.state === 'upcoming') sentence = t('myPlacement.upcomingExplain');
  else if (lag > 0) sentence = t('myPlacement.behind', { count: lag });
  else if (lag < 0) sentence = t('myPlacement.ahead', { count: -lag });
  else sentence = t('myPlacement.even');
  const rows = [
    { key: 'work', label: t('myPlacement.workDone'), value: p.progress_pct },
    { key: 'time', label: t('myPlacement.timeElapsed'), value: p.elapsed_pct },
  ];
  return (
    <Card title={t('myPlacement.progressTitle')} description={t('myPlacement.progressDescription')}>
      <div className="pace">
        {rows.map((r) => (
          <div key={r.key} className={`pace__row pace__row--${r.key}`}>
            <span className="pace__label" id={`pace-${r.key}`}>{r.label}</span>
            <div className="pace__track" role="progressbar" aria-labelledby={`pace-${r.key}`} aria-valuemin={0} aria-valuemax={100}
              aria-valuenow={r.value} aria-valuetext={formatPercent(r.value, locale)}>
              <div className="pace__fill" style={{ width: `${Math.max(0, Math.min(100, r.value))}%` }} />
              {r.key === 'work' && <div className="pace__marker" style={{ left: `${Math.max(0, Math.min(100, p.elapsed_pct))}%` }} />}
            </div>
            <span className="pace__value"><NumberText value={r.value} percent /></span>
          </div>
        ))}
      </div>
      <p className="pace__legend"><span className="pace__legend-mark" aria-hidden="true" />{t('myPlacement.markerLegend')}</p>
      <p className={lag > 15 && p.state !== 'upcoming' ? 'pace__sentence pace__sentence--behind' : 'pace__sentence'}>{sentence}</p>
    </Card>
  );
}

function formatDay(ts: string, locale: string): string {
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? ts : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

/** MilestoneList is the placement's milestones with their due dates and whether each is done, overdue or to come. */
export function MilestoneList({ milestones }: { milestones: readonly Schemas['Milestone'][] }) {
  const { t, locale } = useI18n();
  const today = todayISO();
  if (milestones.length === 0) return <p className="muted">{t('myPlacement.milestonesEmpty')}</p>;
  return (
    <ol className="milestones">
      {milestones.map((m) => {
        const state = m.done_at ? 'done' : m.due_date < today ? 'overdue' : 'open';
        const label = state === 'done' ? t('myPlacement.milestoneStateDone') : state === 'overdue' ? t('myPlacement.milestoneOverdue') : t('myPlacement.milestoneOpen');
        return (
          <li key={m.id} className={`milestone milestone--${state}`}>
            <span className="milestone__icon" aria-hidden="true">{state === 'done' ? '✓' : state === 'overdue' ? '!' : ''}</span>
            <div className="milestone__text">
              <span className="milestone__name">{t(`milestoneKind.${m.kind}`)}</span>
              <span className="milestone__date">
                {m.done_at
                  ? <time dateTime={m.done_at}>{t('myPlacement.milestoneDone', { date: formatDay(m.done_at, locale) })}</time>
                  : <time dateTime={m.due_date}>{t('myPlacement.milestoneDue', { date: formatDate(m.due_date, locale) })}</time>}
              </span>
            </div>
            <span className={`badge milestone__state milestone__state--${state}`}>{label}</span>
          </li>
        );
      })}
    </ol>
  );
}
