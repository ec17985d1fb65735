import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { formatDate, useI18n } from '@/lib/i18n';
import { todayNumber } from '../lib/dates';
import { todayX } from '../lib/gantt';
import type { Cohort, CohortRow } from '../lib/cohort';
import { TodayLine } from './today-line';
import { streamClass } from './labels';

// Drawing units; the cohort layout is computed for x0 = labelW + 10 and width = chartW.
export const cohortW = 960;
export const cohortLabelW = 200;
export const cohortX0 = cohortLabelW + 10;
export const cohortChartW = cohortW - cohortX0 - 12;
const headH = 44; // month names, and a lane for the today label
const rowH = 30;

/** useCohortLabel is what a placement's bar says: who, where, when, and the overlaps. */
export function useCohortLabel(branchCode: (id: number) => string) {
  const { t, locale } = useI18n();
  return (r: CohortRow) => {
    const p = r.placement;
    const parts = [p.intern_name, branchCode(p.branch_id), `${formatDate(p.start_date, locale, 'medium')} – ${formatDate(p.end_date, locale, 'medium')}`, t(`placementState.${p.state}`)];
    if (r.clippedStart) parts.push(t('cohort.startedBefore'));
    if (r.clippedEnd) parts.push(t('cohort.endsAfter'));
    for (const o of r.overlaps) parts.push(t('cohort.overlapWith', { name: o.with.intern_name, count: o.days }));
    return parts.join(', ');
  };
}

/**
 * CohortChart draws every placement of a year as a bar over the twelve
 * months, coloured by branch, with its arrival and departure marked by a
 * bold edge, the days it shares with another placement of its branch (a
 * handover) hatched, and a line for today. Each bar is a link to the
 * placement's timeline with a spoken label, in a list.
 */
export function CohortChart({ cohort, year, branchOrder, branchCode, today = todayNumber() }: {
  cohort: Cohort; year: number; branchOrder: readonly number[]; branchCode: (id: number) => string; today?: number;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const label = useCohortLabel(branchCode);
  const H = headH + Math.max(1, cohort.rows.length) * rowH + 8;
  const tx = todayX(today, cohort.scale);
  const monthName = (m: number) => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 1)));

  const open = (e: MouseEvent, to: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };

  return (
    <svg className="cohort" viewBox={`0 0 ${cohortW} ${H}`} width={cohortW} height={H} role="group" aria-label={t('cohort.chartLabel', { year: String(year) })}>
      <defs>
        <pattern id="cohort-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="cohort__hatch" />
        </pattern>
      </defs>
      <g aria-hidden="true">
        {cohort.months.map((m) => (
          <g key={m.month}>
            <rect x={m.x} y={0} width={m.width} height={H} className={m.month % 2 ? 'gantt__col' : 'gantt__col gantt__col--alt'} />
            <text x={m.x + 4} y={19} className="gantt__month">{monthName(m.month)}</text>
          </g>
        ))}
        <line x1={0} x2={cohortW} y1={headH} y2={headH} className="gantt__rule" />
        {cohort.rows.map((r) => {
          const y = headH + r.row * rowH + rowH / 2 + 4;
          return (
            <text key={r.placement.id} x={8} y={y} className="cohort__label">
              {r.placement.intern_name.length > 22 ? `${r.placement.intern_name.slice(0, 21)}…` : r.placement.intern_name}
              <tspan dx={6} className="cohort__branch">{branchCode(r.placement.branch_id)}</tspan>
            </text>
          );
        })}
      </g>
      <g role="list" aria-label={t('cohort.list')}>
        {cohort.rows.map((r) => {
          const y = headH + r.row * rowH + 6;
          const h = rowH - 12;
          const to = paths.placementTimeline.to(r.placement.id);
          return (
            <g key={r.placement.id} role="listitem">
              <a href={to} onClick={(e) => open(e, to)} aria-label={label(r)} className={`cohort__bar ${streamClass(r.placement.branch_id, branchOrder)}`}>
                <title>{label(r)}</title>
                <rect x={r.x} y={y} width={r.width} height={h} rx={3} className="cohort__track" />
                {r.overlaps.map((o) => (
                  <rect key={o.with.id} x={o.x} y={y} width={Math.max(2, o.width)} height={h} className="cohort__overlap" />
                ))}
                {r.arrives && <line x1={r.x + 1} x2={r.x + 1} y1={y - 3} y2={y + h + 3} className="cohort__edge" />}
                {r.departs && <line x1={r.x + r.width - 1} x2={r.x + r.width - 1} y1={y - 3} y2={y + h + 3} className="cohort__edge" />}
                {r.clippedEnd && <path d={`M${r.x + r.width - 8} ${y + 3} l6 ${h / 2 - 3} l-6 ${h / 2 - 3}`} className="cohort__more" />}
              </a>
            </g>
          );
        })}
      </g>
      {tx !== null && <TodayLine x={tx} headH={headH} height={H} width={cohortW} flipWithin={120} />}
    </svg>
  );
}
