import { Link } from 'react-router';
import { DateText, StatusBadge } from '@/components';
import { paths } from '@/config/paths';
import type { Schemas } from '@/lib/api';
import { formatPercent, useI18n } from '@/lib/i18n';
import { dayNumber } from '../lib/dates';
import { barsOf, placementScale } from '../lib/gantt';

type Props = { timeline: Schemas['Timeline']; streams: readonly Schemas['Stream'][]; id: string; shown: boolean };

/**
 * TimelineTable is the Gantt chart's data as tables (tasks in the chart's
 * order, then milestones): always there for screen readers, on screen when
 * the viewer asks for it.
 */
export function TimelineTable({ timeline, streams, id, shown }: Props) {
  const { t, locale } = useI18n();
  const name = new Map(streams.map((s) => [s.id, s.name]));
  const bars = barsOf(timeline.tasks, placementScale(timeline.placement, 0, 100), streams.map((s) => s.id));
  return (
    <div id={id} className={shown ? 'tl-tables' : 'tl-tables visually-hidden'}>
      <div className="table-wrap">
        <table className="table">
          <caption className="tl-caption">{t('timeline.tableCaption', { name: timeline.placement.intern_name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.col.task')}</th>
              <th scope="col">{t('timeline.col.stream')}</th>
              <th scope="col">{t('timeline.col.status')}</th>
              <th scope="col">{t('timeline.col.start')}</th>
              <th scope="col">{t('timeline.col.due')}</th>
              <th scope="col">{t('timeline.col.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.length === 0 && (
              <tr><td colSpan={6}>{t('timeline.noTasks')}</td></tr>
            )}
            {bars.map(({ task }) => (
              <tr key={task.id}>
                <th scope="row"><Link to={paths.task.to(task.id)}>{task.title}</Link></th>
                <td>{name.get(task.stream_id) ?? '—'}</td>
                <td><StatusBadge status={task.status} /></td>
                <td>{task.start_date ? <DateText value={task.start_date} /> : '—'}</td>
                <td>
                  {task.due_date ? <DateText value={task.due_date} /> : t('timeline.noDue')}
                  {task.overdue && <> <strong className="tl-overdue">{t('timeline.overdue')}</strong></>}
                </td>
                <td>{formatPercent(task.progress, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="tl-caption">{t('timeline.milestones')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.col.milestone')}</th>
              <th scope="col">{t('timeline.col.due')}</th>
              <th scope="col">{t('timeline.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {[...timeline.milestones].sort((a, b) => dayNumber(a.due_date) - dayNumber(b.due_date)).map((m) => (
              <tr key={m.id}>
                <th scope="row">{t(`milestoneKind.${m.kind}`)}</th>
                <td><DateText value={m.due_date} /></td>
                <td>{m.done_at ? t('timeline.milestoneDone') : t('timeline.milestoneOpen')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
