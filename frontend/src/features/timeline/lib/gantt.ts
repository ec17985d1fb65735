// The geometry of the placement Gantt chart, kept apart from React so it
// can be tested: a day -> x scale, the six month columns, and one row per
// task (grouped by stream) with its bar, progress fill and overdue mark.
import type { Schemas } from '@/lib/api';
import { addMonths, dayNumber } from './dates';

export type TimelineTask = Schemas['TimelineTask'];
export type Milestone = Schemas['Milestone'];

/** Scale maps day numbers onto [x0, x0 + width]; `from` is the first day, `to` the day after the last. */
export type Scale = { from: number; to: number; x0: number; width: number; x: (day: number) => number };

/** scaleOf builds a linear day -> x scale; days outside the range are clamped to its edges. */
export function scaleOf(from: number, to: number, x0: number, width: number): Scale {
  const span = Math.max(1, to - from);
  const x = (day: number) => x0 + (Math.min(Math.max(day, from), to) - from) / span * width;
  return { from, to, x0, width, x };
}

export type MonthColumn = { index: number; from: number; to: number; x: number; width: number };

/**
 * monthColumns cuts a placement into its months, counted from its start
 * like the API's "month N of 6" (a 15 June start: 15 Jun - 14 Jul is month
 * 1); the last column ends with the placement, however long it is.
 */
export function monthColumns(scale: Scale): MonthColumn[] {
  const cols: MonthColumn[] = [];
  for (let i = 0, from = scale.from; from < scale.to && i < 24; i++) {
    const to = Math.min(addMonths(scale.from, i + 1), scale.to);
    cols.push({ index: i + 1, from, to, x: scale.x(from), width: scale.x(to) - scale.x(from) });
    from = to;
  }
  return cols;
}

export type Bar = {
  task: TimelineTask;
  row: number;
  x: number;
  width: number;
  /** The progress fill's width. */
  fill: number;
  /** The task has no start or no due date: the bar stands in for the missing end. */
  undated: 'start' | 'due' | 'both' | null;
  /** The bar runs past the chart's left or right edge. */
  clippedStart: boolean;
  clippedEnd: boolean;
};

/** The shortest bar drawn, in px, so a one-day task stays visible and clickable. */
export const minBarWidth = 6;

/**
 * barsOf lays out one bar per task, one row each, grouped by stream (in
 * the order of `streamOrder`, unknown streams last), then by start and
 * due date. A task without a start starts with the placement; one without
 * a due date ends with it. A bar spans its start day to the end of its due day.
 */
export function barsOf(tasks: readonly TimelineTask[], scale: Scale, streamOrder: readonly number[] = []): Bar[] {
  const rank = (id: number) => {
    const i = streamOrder.indexOf(id);
    return i < 0 ? streamOrder.length + id : i;
  };
  const dated = tasks.map((task) => {
    const start = task.start_date ? dayNumber(task.start_date) : Number.NaN;
    const due = task.due_date ? dayNumber(task.due_date) + 1 : Number.NaN;
    const from = Number.isNaN(start) ? scale.from : start;
    const to = Number.isNaN(due) ? scale.to : Math.max(due, from + 1);
    const undated: Bar['undated'] = Number.isNaN(start) && Number.isNaN(due) ? 'both' : Number.isNaN(start) ? 'start' : Number.isNaN(due) ? 'due' : null;
    return { task, from, to, undated };
  });
  dated.sort((a, b) => rank(a.task.stream_id) - rank(b.task.stream_id) || a.from - b.from || a.to - b.to || a.task.id - b.task.id);
  return dated.map(({ task, from, to, undated }, row) => {
    const x = scale.x(from);
    const width = Math.max(minBarWidth, scale.x(to) - x);
    return {
      task, row, x, width, undated,
      fill: (width * Math.min(100, Math.max(0, task.progress))) / 100,
      clippedStart: from < scale.from,
      clippedEnd: to > scale.to,
    };
  });
}

/** milestoneX places a milestone's diamond in the middle of its due day. */
export function milestoneX(m: Milestone, scale: Scale): number {
  const d = dayNumber(m.due_date);
  return (scale.x(d) + scale.x(d + 1)) / 2;
}

/** todayX is where the today line goes, or null when today is outside the chart. */
export function todayX(today: number, scale: Scale): number | null {
  if (today < scale.from || today >= scale.to) return null;
  return (scale.x(today) + scale.x(today + 1)) / 2;
}

/** placementScale is the scale of a placement's whole span: its start to the day after its end. */
export function placementScale(p: { start_date: string; end_date: string }, x0: number, width: number): Scale {
  return scaleOf(dayNumber(p.start_date), dayNumber(p.end_date) + 1, x0, width);
}
