import { describe, expect, it } from 'vitest';
import { cohortLayout, isHandover, type Placement } from './cohort';
import { addMonths, dayNumber, dayString, isoWeek, isoWeekLabel, todayNumber, weekNumberOf } from './dates';
import { barsOf, milestoneX, minBarWidth, monthColumns, placementScale, scaleOf, todayX, type Milestone, type TimelineTask } from './gantt';

describe('dates', () => {
  it('turns calendar days into numbers and back, whatever the time zone', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayString(dayNumber('2026-11-29'))).toBe('2026-11-29');
    expect(dayNumber('nope')).toBeNaN();
    expect(todayNumber(new Date(2026, 10, 29, 23, 59))).toBe(dayNumber('2026-11-29'));
  });

  it('adds calendar months, keeping the day or taking the month end', () => {
    expect(dayString(addMonths(dayNumber('2026-06-15'), 1))).toBe('2026-07-15');
    expect(dayString(addMonths(dayNumber('2026-01-31'), 1))).toBe('2026-02-28');
    expect(dayString(addMonths(dayNumber('2028-01-31'), 1))).toBe('2028-02-29');
    expect(dayString(addMonths(dayNumber('2026-09-01'), 6))).toBe('2027-03-01');
  });

  it('labels ISO weeks, Monday first, around New Year too', () => {
    expect(isoWeekLabel(dayNumber('2026-11-16'))).toBe('2026-W47'); // a Monday
    expect(isoWeekLabel(dayNumber('2026-11-22'))).toBe('2026-W47'); // its Sunday
    expect(isoWeekLabel(dayNumber('2026-11-23'))).toBe('2026-W48');
    expect(isoWeek(dayNumber('2027-01-01'))).toEqual({ year: 2026, week: 53 }); // 2026 has 53 weeks
    expect(isoWeek(dayNumber('2024-12-30'))).toEqual({ year: 2025, week: 1 });
    expect(isoWeek(dayNumber('2021-01-03'))).toEqual({ year: 2020, week: 53 });
    expect(weekNumberOf('2026-W07')).toBe(7);
    expect(weekNumberOf('2026-7')).toBeNaN();
  });
});

const task = (id: number, stream_id: number, start_date: string | null, due_date: string | null, progress = 0, overdue = false): TimelineTask => ({
  id, project_id: 1, stream_id, title: `Task ${id}`, status: 'in_progress', start_date, due_date, progress, overdue,
});

describe('Gantt geometry', () => {
  // 1 June to 30 November 2026: 183 days over 732 px, 4 px a day.
  const scale = placementScale({ start_date: '2026-06-01', end_date: '2026-11-30' }, 100, 732);

  it('maps a day to x linearly, clamped to the placement', () => {
    expect(scale.to - scale.from).toBe(183);
    expect(scale.x(dayNumber('2026-06-01'))).toBe(100);
    expect(scale.x(dayNumber('2026-06-02'))).toBe(104);
    expect(scale.x(dayNumber('2026-12-01'))).toBe(832); // the day after the end: the right edge
    expect(scale.x(dayNumber('2026-05-01'))).toBe(100);
    expect(scale.x(dayNumber('2027-05-01'))).toBe(832);
    expect(scaleOf(10, 10, 0, 50).x(10)).toBe(0); // an empty range does not divide by zero
  });

  it('cuts the placement into its six months, counted from the start', () => {
    const cols = monthColumns(scale);
    expect(cols.map((c) => dayString(c.from))).toEqual(['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01']);
    expect(cols[0]).toMatchObject({ index: 1, x: 100, width: 120 }); // 30 days
    expect(cols[5]!.x + cols[5]!.width).toBe(832);
    const mid = monthColumns(placementScale({ start_date: '2026-06-15', end_date: '2026-12-14' }, 0, 600));
    expect(mid.map((c) => dayString(c.from))).toEqual(['2026-06-15', '2026-07-15', '2026-08-15', '2026-09-15', '2026-10-15', '2026-11-15']);
  });

  it('lays out one bar per task, grouped by stream, from start to the end of the due day', () => {
    const bars = barsOf([
      task(1, 2, '2026-07-01', '2026-07-10', 50),
      task(2, 1, '2026-08-01', '2026-08-31'),
      task(3, 1, '2026-06-01', '2026-06-30', 100),
      task(4, 2, null, '2026-06-05'),
      task(5, 1, '2026-11-20', null, 10, true),
      task(6, 1, '2026-05-01', '2027-01-10'),
    ], scale, [1, 2]);
    expect(bars.map((b) => b.task.id)).toEqual([6, 3, 2, 5, 4, 1]);
    expect(bars.map((b) => b.row)).toEqual([0, 1, 2, 3, 4, 5]);
    const byId = new Map(bars.map((b) => [b.task.id, b]));
    expect(byId.get(1)).toMatchObject({ x: 220, width: 40, fill: 20, undated: null, clippedStart: false, clippedEnd: false });
    expect(byId.get(3)).toMatchObject({ x: 100, width: 120, fill: 120 });
    expect(byId.get(4)).toMatchObject({ x: 100, width: 20, undated: 'start' });
    expect(byId.get(5)).toMatchObject({ x: 100 + 172 * 4, width: 44, undated: 'due' });
    expect(byId.get(6)).toMatchObject({ x: 100, width: 732, clippedStart: true, clippedEnd: true });
  });

  it('keeps one-day and reversed tasks visible', () => {
    const [one] = barsOf([task(1, 1, '2026-06-10', '2026-06-10')], scale);
    expect(one!.width).toBe(minBarWidth);
    const [reversed] = barsOf([task(2, 1, '2026-06-10', '2026-06-01')], scale);
    expect(reversed!.width).toBe(minBarWidth);
  });

  it('puts milestones and today in the middle of their day, and no today line outside the placement', () => {
    const m: Milestone = { id: 1, placement_id: 1, kind: 'midterm_review', due_date: '2026-06-02', done_at: null, version: 1 };
    expect(milestoneX(m, scale)).toBe(106);
    expect(todayX(dayNumber('2026-06-01'), scale)).toBe(102);
    expect(todayX(dayNumber('2026-11-30'), scale)).toBe(830);
    expect(todayX(dayNumber('2026-12-01'), scale)).toBeNull();
    expect(todayX(dayNumber('2026-05-31'), scale)).toBeNull();
  });
});

const placement = (id: number, branch_id: number, start_date: string, end_date: string, intern_name = `Intern ${id}`): Placement => ({
  id, intern_id: id, branch_id, supervisor_id: 9, start_date, end_date, focus: '', version: 1, created_at: '', updated_at: '', handed_over_at: null,
  state: 'active', month: 1, elapsed_pct: 0, progress_pct: 0, health: 'on_track', last_log_at: null, last_report_at: null, days_quiet: 0, stale: false, intern_name, supervisor_name: 'S', checklist_overdue: 0,
});

describe('cohort layout', () => {
  const all = [
    placement(1, 1, '2026-03-01', '2026-08-31', 'Bea'),
    placement(2, 1, '2026-08-17', '2027-02-16', 'Ana'),
    placement(3, 2, '2025-10-01', '2026-03-31', 'Carl'),
    placement(4, 2, '2026-08-20', '2027-02-19', 'Dan'), // no overlap with 3; another branch than 2
    placement(5, 1, '2024-01-01', '2024-06-30', 'Old'),
    placement(6, 1, '2027-01-04', '2027-07-03', 'Next'),
    placement(7, 1, '2026-04-01', '2026-09-30', 'Side'), // beside Bea for five months, and Ana for six weeks: no handover
  ];
  // 2026: 365 days over 730 px, 2 px a day.
  const c = cohortLayout(all, 2026, 0, 730);

  it('keeps the placements touching the year, in order of start', () => {
    expect(c.rows.map((r) => r.placement.intern_name)).toEqual(['Carl', 'Bea', 'Side', 'Ana', 'Dan']);
    expect(c.months).toHaveLength(12);
    expect(c.months[1]).toMatchObject({ month: 2, x: 62, width: 56 });
  });

  it('clips bars to the year and tells arrivals from departures', () => {
    const carl = c.rows[0]!;
    expect(carl).toMatchObject({ x: 0, width: 180, clippedStart: true, clippedEnd: false, arrives: false, departs: true });
    const ana = c.rows[3]!;
    expect(ana).toMatchObject({ clippedStart: false, clippedEnd: true, arrives: true, departs: false });
    expect(ana.x + ana.width).toBe(730);
    expect(c.arrivals).toBe(4);
    expect(c.departures).toBe(3);
  });

  it('tells a handover from interns serving side by side', () => {
    const d = (s: string) => dayNumber(s);
    expect(isHandover([d('2026-03-01'), d('2026-09-01')], [d('2026-08-17'), d('2027-02-17')])).toBe(true); // 15 days
    expect(isHandover([d('2026-08-17'), d('2027-02-17')], [d('2026-03-01'), d('2026-09-01')])).toBe(true); // either order
    expect(isHandover([d('2026-03-01'), d('2026-09-01')], [d('2026-07-01'), d('2027-01-01')])).toBe(false); // two months side by side
    expect(isHandover([d('2026-03-01'), d('2026-09-01')], [d('2026-09-01'), d('2027-03-01')])).toBe(false); // back to back: no day shared
    expect(isHandover([d('2026-03-01'), d('2026-09-01')], [d('2026-04-01'), d('2026-04-20')])).toBe(false); // one inside the other
  });

  it('finds handover overlaps within a branch only, each pair counted once', () => {
    const bea = c.rows[1]!;
    expect(bea.overlaps.map((o) => [o.with.intern_name, o.days])).toEqual([['Ana', 15]]); // 17 to 31 August
    expect(bea.overlaps[0]!.x).toBe((dayNumber('2026-08-17') - dayNumber('2026-01-01')) * 2);
    expect(bea.overlaps[0]!.width).toBeCloseTo(30, 9);
    expect(c.rows[3]!.overlaps.map((o) => o.with.intern_name)).toEqual(['Bea']);
    expect(c.rows[2]!.overlaps).toEqual([]); // Side
    expect(c.rows[4]!.overlaps).toEqual([]); // Dan: another branch than Bea and Ana
    expect(c.overlaps).toBe(1);
  });
});
