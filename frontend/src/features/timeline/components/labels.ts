import type { Schemas } from '@/lib/api';
import { formatDate, formatPercent, useI18n } from '@/lib/i18n';

/** The number of stream colours in timeline.css (.tl-s0 .. .tl-s5); more streams reuse them. */
const streamColours = 6;

/** streamClass is the colour class of a stream: by its place among the streams. */
export function streamClass(streamId: number, order: readonly number[]): string {
  const i = order.indexOf(streamId);
  return `tl-s${(i < 0 ? streamId : i) % streamColours}`;
}

/**
 * useTaskLabel gives what a bar says to a screen reader, e.g. "Partner
 * mapping, Partner activities, In progress, 40% done, due 12 Dec 2026, overdue".
 */
export function useTaskLabel(streams: readonly Schemas['Stream'][]) {
  const { t, locale } = useI18n();
  const name = new Map(streams.map((s) => [s.id, s.name]));
  return (task: Schemas['TimelineTask']) => {
    const parts = [task.title];
    const stream = name.get(task.stream_id);
    if (stream) parts.push(stream);
    parts.push(t(`taskStatus.${task.status}`), t('timeline.done', { share: formatPercent(task.progress, locale) }));
    if (task.start_date) parts.push(t('timeline.startsOn', { date: formatDate(task.start_date, locale, 'medium') }));
    parts.push(task.due_date ? t('timeline.dueOn', { date: formatDate(task.due_date, locale, 'medium') }) : t('timeline.noDue'));
    if (task.overdue) parts.push(t('timeline.overdueLower'));
    return parts.join(', ');
  };
}
