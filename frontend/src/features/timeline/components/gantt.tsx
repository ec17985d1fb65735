import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import type { Schemas } from '@/lib/api';
import { formatDate, useI18n } from '@/lib/i18n';
import { dayString, todayNumber } from '../lib/dates';
import { barsOf, milestoneX, monthColumns, placementScale, todayX, type Bar, type Milestone } from '../lib/gantt';
import { TodayLine } from './today-line';
import { streamClass, useTaskLabel } from './labels';

type Props = {
  timeline: Schemas['Timeline'];
  streams: readonly Schemas['Stream'][];
  /** The day drawn as today (tests fix it). */
  today?: number;
};

// Drawing units (the SVG scales to its box through its viewBox).
const W = 960;
const labelW = 230;
const x0 = labelW + 10;
const chartW = W - x0 - 12;
const headH = 58; // month, its first day, and a lane for the today label
const rowH = 28;
const msRowH = 34;

/** cut shortens a title for the label column; the full title is in the bar's label and the table. */
const cut = (s: string, n = 32) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Gantt draws a placement over its months: one row per task (a bar from
 * its start to its due day, coloured by stream, with its progress filled
 * in, hatched and marked in words when overdue), the milestones as
 * diamonds, and a line for today. Each bar is a link to its task with a
 * spoken label, in a list; each diamond can take the focus and says what it is.
 */
export function Gantt({ timeline, streams, today = todayNumber() }: Props) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const taskLabel = useTaskLabel(streams);
  const { placement, milestones, tasks } = timeline;
  const scale = placementScale(placement, x0, chartW);
  const cols = monthColumns(scale);
  const order = streams.map((s) => s.id);
  const bars = barsOf(tasks, scale, order);
  const tx = todayX(today, scale);
  const top = headH + msRowH;
  const H = top + Math.max(1, bars.length) * rowH + 8;

  const dayMonth = (day: number) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(day * 86_400_000));

  const open = (e: MouseEvent, to: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };

  const milestoneLabel = (m: Milestone) => [
    t(`milestoneKind.${m.kind}`),
    t('timeline.dueOn', { date: formatDate(m.due_date, locale, 'long') }),
    m.done_at ? t('timeline.milestoneDone') : dayString(today) > m.due_date ? t('timeline.milestoneLate') : t('timeline.milestoneOpen'),
  ].join(', ');

  return (
    <svg className="gantt" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="group" aria-label={t('timeline.chartLabel', { name: placement.intern_name })}>
      <defs>
        <pattern id="gantt-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="gantt__hatch" />
        </pattern>
      </defs>

      <g aria-hidden="true">
        {cols.map((c) => (
          <g key={c.index}>
            <rect x={c.x} y={0} width={c.width} height={H} className={c.index % 2 ? 'gantt__col' : 'gantt__col gantt__col--alt'} />
            <text x={c.x + 6} y={17} className="gantt__month">{t('timeline.month', { month: c.index })}</text>
            <text x={c.x + 6} y={34} className="gantt__monthdate">{dayMonth(c.from)}</text>
          </g>
        ))}
        <line x1={0} x2={W} y1={headH} y2={headH} className="gantt__rule" />
        <text x={8} y={headH + msRowH / 2 + 4} className="gantt__rowlabel gantt__rowlabel--ms">{t('timeline.milestones')}</text>
        <line x1={0} x2={W} y1={top} y2={top} className="gantt__rule" />
        {bars.map((b) => (
          <text key={b.task.id} x={8} y={top + b.row * rowH + rowH / 2 + 4} className="gantt__rowlabel">{cut(b.task.title)}</text>
        ))}
        {bars.length === 0 && <text x={x0 + 8} y={top + rowH / 2 + 4} className="gantt__rowlabel">{t('timeline.noTasks')}</text>}
      </g>

      <g role="list" aria-label={t('timeline.milestones')}>
        {milestones.map((m) => {
          const cx = milestoneX(m, scale);
          const cy = headH + msRowH / 2;
          return (
            <g key={m.id} role="listitem">
              {/* A diamond is not a control, but it takes the focus so a keyboard user can read it. */}
              <g tabIndex={0} role="img" aria-label={milestoneLabel(m)} className={`gantt__ms${m.done_at ? ' gantt__ms--done' : ''}`}>
                <title>{milestoneLabel(m)}</title>
                <path d={`M${cx} ${cy - 9} L${cx + 9} ${cy} L${cx} ${cy + 9} L${cx - 9} ${cy} Z`} />
              </g>
            </g>
          );
        })}
      </g>

      <g role="list" aria-label={t('timeline.tasks')}>
        {bars.map((b) => (
          <g key={b.task.id} role="listitem">
            <a href={paths.task.to(b.task.id)} onClick={(e) => open(e, paths.task.to(b.task.id))} aria-label={taskLabel(b.task)}
              className={`gantt__bar ${streamClass(b.task.stream_id, order)}${b.task.overdue ? ' gantt__bar--overdue' : ''}${b.undated ? ' gantt__bar--undated' : ''}`}>
              <title>{taskLabel(b.task)}</title>
              <BarShape bar={b} y={top + b.row * rowH + 5} h={rowH - 10} overdueText={t('timeline.overdue')} />
            </a>
          </g>
        ))}
      </g>

      {tx !== null && <TodayLine x={tx} headH={headH} height={H} width={W} flipWithin={80} />}
    </svg>
  );
}

/** BarShape is a bar: its track, its progress fill, a hatch and a word when overdue. */
function BarShape({ bar, y, h, overdueText }: { bar: Bar; y: number; h: number; overdueText: string }) {
  const right = bar.x + bar.width;
  const tagAfter = right + 64 < W;
  return (
    <>
      <rect x={bar.x} y={y} width={bar.width} height={h} rx={3} className="gantt__track" />
      {bar.fill > 0 && <rect x={bar.x} y={y} width={bar.fill} height={h} rx={3} className="gantt__fill" />}
      {bar.task.overdue && <rect x={bar.x} y={y} width={bar.width} height={h} rx={3} fill="url(#gantt-hatch)" className="gantt__overdue" />}
      <rect x={bar.x} y={y} width={bar.width} height={h} rx={3} className="gantt__outline" />
      {bar.task.overdue && (
        <text x={tagAfter ? right + 6 : bar.x - 6} y={y + h / 2 + 4} textAnchor={tagAfter ? 'start' : 'end'} className="gantt__tag">
          {`! ${overdueText}`}
        </text>
      )}
    </>
  );
}
