// The layout of the cohort view: every placement touching a calendar year
// as one bar, months as columns, and where one placement of a branch ends
// within the first weeks of another of the same branch (a handover: the
// leaver and the newcomer overlap), that stretch marked on both. Interns
// who simply serve side by side for months are not a handover.
import type { Schemas } from '@/lib/api';
import { dayNumber } from './dates';
import { scaleOf, type Scale } from './gantt';

export type Placement = Schemas['Placement'];

export type Overlap = { with: Placement; from: number; to: number; days: number; x: number; width: number };

export type CohortRow = {
  placement: Placement;
  row: number;
  x: number;
  width: number;
  /** The placement began before the year / goes on after it. */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** It starts / ends within the year (an arrival / a departure). */
  arrives: boolean;
  departs: boolean;
  overlaps: Overlap[];
};

export type MonthTick = { month: number; from: number; x: number; width: number };

export type Cohort = { scale: Scale; months: MonthTick[]; rows: CohortRow[]; arrivals: number; departures: number; overlaps: number };

/** handoverWindow: the most days a leaver and a newcomer share for it to count as a handover. */
export const handoverWindow = 31;

/** yearScale spans 1 January to 31 December of `year`. */
export function yearScale(year: number, x0: number, width: number): Scale {
  return scaleOf(Date.UTC(year, 0, 1) / 86_400_000, Date.UTC(year + 1, 0, 1) / 86_400_000, x0, width);
}

/** calendarMonths are the twelve columns of a year scale. */
export function calendarMonths(year: number, scale: Scale): MonthTick[] {
  return Array.from({ length: 12 }, (_, m) => {
    const from = Date.UTC(year, m, 1) / 86_400_000;
    const to = Date.UTC(year, m + 1, 1) / 86_400_000;
    return { month: m + 1, from, x: scale.x(from), width: scale.x(to) - scale.x(from) };
  });
}

/** span is a placement's days: its start to the day after its end. */
function span(p: Placement): [number, number] {
  return [dayNumber(p.start_date), dayNumber(p.end_date) + 1];
}

/**
 * isHandover tells whether two spans of the same branch overlap as a
 * handover: the one that starts first ends (no later than the other) at
 * most handoverWindow days after the other starts.
 */
export function isHandover(a: [number, number], b: [number, number]): boolean {
  const [first, second] = a[0] <= b[0] ? [a, b] : [b, a];
  const shared = first[1] - second[0];
  return shared > 0 && shared <= handoverWindow && first[1] <= second[1];
}

/**
 * cohortLayout keeps the placements that touch `year`, one row each in
 * order of start (then end, then intern name), and finds for each its
 * handover overlaps with placements of the same branch, with the days
 * they share. `overlaps` in the result counts each pair once.
 */
export function cohortLayout(placements: readonly Placement[], year: number, x0: number, width: number): Cohort {
  const scale = yearScale(year, x0, width);
  const inYear = placements
    .filter((p) => {
      const [from, to] = span(p);
      return from < scale.to && to > scale.from;
    })
    .sort((a, b) => a.start_date.localeCompare(b.start_date) || a.end_date.localeCompare(b.end_date) || a.intern_name.localeCompare(b.intern_name) || a.id - b.id);
  let pairs = 0;
  const rows = inYear.map((p, row): CohortRow => {
    const [from, to] = span(p);
    const overlaps: Overlap[] = [];
    for (const q of inYear) {
      if (q.id === p.id || q.branch_id !== p.branch_id) continue;
      const [qf, qt] = span(q);
      if (!isHandover([from, to], [qf, qt])) continue;
      const of = Math.max(from, qf);
      const ot = Math.min(to, qt);
      if (q.id > p.id) pairs++;
      overlaps.push({ with: q, from: of, to: ot, days: ot - of, x: scale.x(of), width: scale.x(ot) - scale.x(of) });
    }
    const x = scale.x(from);
    return {
      placement: p, row, x, width: Math.max(4, scale.x(to) - x),
      clippedStart: from < scale.from, clippedEnd: to > scale.to,
      arrives: from >= scale.from, departs: to <= scale.to,
      overlaps,
    };
  });
  return {
    scale,
    months: calendarMonths(year, scale),
    rows,
    arrivals: rows.filter((r) => r.arrives).length,
    departures: rows.filter((r) => r.departs).length,
    overlaps: pairs,
  };
}
