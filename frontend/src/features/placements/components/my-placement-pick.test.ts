import { describe, expect, it } from 'vitest';
import type { Schemas } from '@/lib/api';
import { daysBetween, pickCurrentPlacement, todayISO } from './my-placement-pick';

function placement(id: number, state: Schemas['PlacementState'], start: string, end: string): Schemas['Placement'] {
  return {
    id, intern_id: 7, branch_id: 1, supervisor_id: 3, start_date: start, end_date: end, focus: '', version: 1,
    created_at: '', updated_at: '', handed_over_at: null, state, month: 1, elapsed_pct: 0, progress_pct: 0, health: 'on_track',
    last_log_at: null, last_report_at: null, days_quiet: 0, stale: false, intern_name: 'Emma Laurent', supervisor_name: 'Lt Col. Marc Dubois', checklist_overdue: 0,
  };
}

describe('pickCurrentPlacement', () => {
  const ended1 = placement(1, 'ended', '2024-01-01', '2024-06-30');
  const ended2 = placement(2, 'ended', '2025-01-01', '2025-06-30');
  const active = placement(3, 'active', '2026-07-15', '2027-01-14');
  const later = placement(4, 'upcoming', '2028-01-01', '2028-06-30');
  const sooner = placement(5, 'upcoming', '2027-03-01', '2027-08-31');

  it('prefers the active placement', () => {
    expect(pickCurrentPlacement([later, ended2, active, ended1])?.id).toBe(3);
  });
  it('else the soonest upcoming one', () => {
    expect(pickCurrentPlacement([later, ended2, sooner])?.id).toBe(5);
  });
  it('else the one that ended last', () => {
    expect(pickCurrentPlacement([ended1, ended2])?.id).toBe(2);
  });
  it('is undefined without placements', () => {
    expect(pickCurrentPlacement([])).toBeUndefined();
  });
});

describe('day arithmetic', () => {
  it('counts calendar days, across a DST change too', () => {
    expect(daysBetween('2026-10-20', '2026-11-03')).toBe(14);
    expect(daysBetween('2026-11-03', '2026-10-20')).toBe(-14);
    expect(todayISO(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
