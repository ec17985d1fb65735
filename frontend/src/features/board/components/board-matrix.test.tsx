import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@/lib/api';
import { translate } from '@/lib/i18n';
import { renderWithProviders } from '@/testing/render';
import { BoardMatrix } from './board-matrix';
import { blockedDays, cellHealth, openCount, sumCells, type BoardCell } from './cell-health';
import { byAttention, daysUntil, type Placement } from './placement-order';
import { describeActivity, type Activity } from './recent-activity';

const streams: Schemas['Stream'][] = [
  { id: 1, code: 'io', name: 'Cooperation with international organisations', description: '' },
  { id: 2, code: 'partners', name: 'Partner activities', description: '' },
];
const branches: Schemas['Branch'][] = [
  { id: 1, code: 'CPP', name: 'Cooperation Policy and Programmes Branch', description: '', version: 1 },
  { id: 2, code: 'MC', name: 'Military Cooperation Branch', description: '', version: 1 },
];
const cell = (stream_id: number, branch_id: number, c: Partial<BoardCell>): BoardCell => {
  const z = { todo: 0, in_progress: 0, blocked: 0, in_review: 0, done: 0, overdue: 0, blocked_since: null, ...c };
  return { stream_id, branch_id, ...z, total: z.todo + z.in_progress + z.blocked + z.in_review + z.done };
};
const cells = [
  cell(1, 1, { todo: 3, in_progress: 2, blocked: 1, in_review: 1, done: 11, overdue: 3, blocked_since: '2026-11-15T09:30:00Z' }),
  cell(1, 2, { todo: 1, in_progress: 2, done: 2 }),
  cell(2, 1, { todo: 2, in_progress: 3, in_review: 1, done: 3, overdue: 1 }),
  cell(2, 2, {}),
];

describe('cell health', () => {
  it('judges a cell from overdue and blocked work', () => {
    expect(cellHealth(cells[1]!)).toBe('on_track');
    expect(cellHealth(cells[2]!)).toBe('at_risk'); // one overdue
    expect(cellHealth(cell(1, 1, { in_progress: 5, blocked: 1 }))).toBe('at_risk');
    expect(cellHealth(cells[0]!)).toBe('off_track'); // three overdue
    expect(cellHealth(cell(1, 1, { in_progress: 2, blocked: 2 }))).toBe('off_track'); // half the open work blocked
    expect(cellHealth(cells[3]!)).toBeNull(); // no task at all
    expect(cellHealth(cell(1, 1, { done: 4 }))).toBe('on_track');
  });

  it('counts open work and adds cells up', () => {
    expect(openCount(cells[0]!)).toBe(7);
    expect(sumCells(cells)).toMatchObject({ todo: 6, in_progress: 7, blocked: 1, in_review: 2, done: 16, overdue: 4, total: 32 });
  });

  it('keeps the oldest blocked_since and counts its days up to the board day', () => {
    const later = cell(2, 2, { blocked: 1, blocked_since: '2026-11-20T10:00:00Z' });
    expect(sumCells([later, cells[0]!, cells[1]!]).blocked_since).toBe('2026-11-15T09:30:00Z');
    expect(sumCells([cells[1]!]).blocked_since).toBeNull();
    expect(blockedDays(cells[0]!, '2026-11-27')).toBe(12); // 15 Nov 09:30 to the end of 27 Nov
    expect(blockedDays(later, '2026-11-20')).toBe(0);
    expect(blockedDays(cells[1]!, '2026-11-27')).toBeNull();
  });
});

/** count reads the number a cell shows under a label (<dt>label</dt><dd>n</dd>). */
function count(cellEl: HTMLElement, label: string): string | null | undefined {
  return within(cellEl).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('BoardMatrix', () => {
  it('shows each stream x branch with its counts and its health in words', () => {
    renderWithProviders(<BoardMatrix cells={cells} streams={streams} branches={branches} asOf="2026-11-27" />);
    const table = screen.getByRole('table', { name: 'Task counts by stream (rows) and branch (columns)' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Stream', 'CPP', 'MC', 'All branches']);

    const row = within(table).getByRole('row', { name: /^Cooperation with international organisations/ });
    const [cpp, mc, all] = within(row).getAllByRole('cell');
    expect(cpp).toHaveTextContent('Off track');
    expect(['Open', 'Blocked', 'Overdue', 'Done'].map((l) => count(cpp!, l))).toEqual(['7', '1', '3', '11']);
    expect(cpp).toHaveTextContent('61% done · 18 tasks');
    expect(cpp!.className).toContain('board-cell--off_track');
    expect(cpp).toHaveTextContent('Oldest blocked 12 days');
    expect(mc).not.toHaveTextContent('Oldest blocked');
    expect(mc).toHaveTextContent('On track');
    expect(count(mc!, 'Open')).toBe('3');
    expect(all).toHaveTextContent('Total');
    expect(count(all!, 'Open')).toBe('10');

    const partners = within(table).getByRole('row', { name: /^Partner activities/ });
    expect(within(partners).getAllByRole('cell')[0]).toHaveTextContent('At risk');
    expect(within(partners).getAllByRole('cell')[1]).toHaveTextContent('No tasks');

    const foot = within(table).getByRole('row', { name: /^All streams/ });
    expect(count(within(foot).getAllByRole('cell')[2]!, 'Done')).toBe('16');
  });

  it('shows only what the filters left, and speaks French', () => {
    renderWithProviders(<BoardMatrix cells={cells.filter((c) => c.branch_id === 2)} streams={streams} branches={branches} asOf="2026-11-27" />, { locale: 'fr' });
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Axe', 'MC']);
    expect(table).toHaveTextContent('Dans les temps');
    expect(table).toHaveTextContent('Aucune tâche');
    expect(table).toHaveTextContent(/Hors délai/);
  });
});

const placement = (id: number, intern_name: string, health: Placement['health'], elapsed_pct: number, progress_pct: number): Placement => ({
  id, intern_id: id, branch_id: 1, supervisor_id: 3, start_date: '2026-06-01', end_date: '2026-11-30', focus: '', version: 1,
  created_at: '', updated_at: '', handed_over_at: null, state: 'active', month: 5, elapsed_pct, progress_pct, health, last_log_at: null, last_report_at: null, days_quiet: 0, stale: false, intern_name, supervisor_name: 'Marc Dubois', checklist_overdue: 0,
});

describe('placements order', () => {
  it('puts off track, then at risk first, widest lag first', () => {
    const { attention, onTrack } = byAttention([
      placement(1, 'Emma', 'on_track', 50, 60),
      placement(2, 'Jonas', 'at_risk', 80, 70),
      placement(3, 'Piotr', 'off_track', 60, 80),
      placement(4, 'Léa', 'at_risk', 80, 50),
    ]);
    expect(attention.map((p) => p.intern_name)).toEqual(['Piotr', 'Léa', 'Jonas']);
    expect(onTrack.map((p) => p.intern_name)).toEqual(['Emma']);
  });

  it('counts the days to an end date', () => {
    expect(daysUntil('2026-12-14', new Date(2026, 10, 27, 18, 0))).toBe(17);
    expect(daysUntil('2026-11-27', new Date(2026, 10, 27, 8, 0))).toBe(0);
  });
});

describe('describeActivity', () => {
  const pct = (n: number) => `${n}%`;
  const base: Activity = { id: 1, actor_id: 3, actor_name: 'Marc Dubois', action: 'update', entity_type: 'task', entity_id: 61, branch_id: 1, subject_id: 7, changes: {}, created_at: '2026-11-25T16:19:00Z' };
  const en = (a: Activity) => describeActivity(a, (k, v) => translate('en', k, v), pct);
  const fr = (a: Activity) => describeActivity(a, (k, v) => translate('fr', k, v), pct);

  it('says who did what to which item, in the user language', () => {
    const moved = { ...base, changes: { status: { before: 'in_review', after: 'done' } } };
    expect(en(moved)).toBe('Marc Dubois moved task #61 from In review to Done');
    expect(fr(moved)).toBe('Marc Dubois a fait passer la tâche n° 61 de « En revue » à « Terminée »');
    const created = { ...base, action: 'create' as const, entity_id: 71, changes: { title: { before: null, after: 'Partnership tools study' } } };
    expect(en(created)).toBe('Marc Dubois created task “Partnership tools study”');
    const logged = { ...base, action: 'create' as const, entity_type: 'progress_log' as const, entity_id: 156, changes: { task_id: { before: null, after: 69 } } };
    expect(en(logged)).toBe('Marc Dubois logged progress on task #69');
    expect(en({ ...base, changes: { progress: { before: 40, after: 50 } } })).toBe('Marc Dubois set the progress of task #61 to 50%');
    expect(en({ ...base, actor_id: null, actor_name: null, entity_type: 'placement', entity_id: 3 })).toBe('The system updated placement #3');
    expect(fr({ ...base, action: 'delete', entity_type: 'tag', entity_id: 12, changes: { name: { before: 'Russia', after: null } } })).toBe('Marc Dubois a supprimé l’étiquette « Russia »');
  });
});
