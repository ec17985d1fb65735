import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { GroupedTasks, groupByStatus } from './grouped-tasks';
import { makeTask } from './test-fixtures';

const tasks = [
  makeTask({ id: 1, title: 'Chronology of talks', status: 'done', progress: 100, due_date: '2026-08-08' }),
  makeTask({ id: 2, title: 'Read-ahead', status: 'in_review', progress: 100, due_date: '2026-11-30' }),
  makeTask({ id: 3, title: 'Costing annex', status: 'in_progress', progress: 75, due_date: '2026-11-02', overdue: true }),
  makeTask({ id: 4, title: 'Tools catalogue', status: 'in_progress', progress: 50, due_date: '2026-12-12' }),
  makeTask({ id: 5, title: 'Final draft', status: 'todo', progress: 0, due_date: null, priority: 'urgent' }),
];

describe('groupByStatus', () => {
  it('orders groups in progress, blocked, to do, in review, done, keeps the list order and drops empty groups', () => {
    const groups = groupByStatus(tasks);
    expect(groups.map((g) => g.status)).toEqual(['in_progress', 'todo', 'in_review', 'done']);
    expect(groups[0]?.tasks.map((x) => x.id)).toEqual([3, 4]);
  });
});

describe('GroupedTasks', () => {
  it('shows one headed group per status with counts, due dates, overdue marks and links to the task pages', () => {
    renderWithProviders(<GroupedTasks tasks={tasks} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['In progress2 tasks', 'To do1 task', 'In review1 task', 'Done1 task']);

    const inProgress = screen.getByRole('list', { name: 'In progress' });
    const rows = within(inProgress).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Costing annex' })).toHaveAttribute('href', '/tasks/3');
    expect(rows[0]).toHaveTextContent('Due Nov 2, 2026');
    expect(within(rows[0]!).getByText('Overdue')).toBeInTheDocument();
    expect(within(rows[1]!).queryByText('Overdue')).not.toBeInTheDocument();
    expect(within(rows[0]!).getByRole('progressbar', { name: 'Progress of Costing annex' })).toHaveAttribute('aria-valuenow', '75');

    const todo = screen.getByRole('list', { name: 'To do' });
    expect(todo).toHaveTextContent('No due date');
    expect(todo).toHaveTextContent('Urgent');
  });

  it('folds the done group away', () => {
    renderWithProviders(<GroupedTasks tasks={tasks} />);
    const done = screen.getByRole('link', { name: 'Chronology of talks', hidden: true }).closest('details');
    expect(done).not.toBeNull();
    expect(done).not.toHaveAttribute('open');
  });

  it('says the supervisor assigns tasks when there are none', () => {
    renderWithProviders(<GroupedTasks tasks={[]} />);
    expect(screen.getByText('No tasks assigned to you yet.')).toBeInTheDocument();
    expect(screen.getByText(/Your supervisor assigns tasks to you/)).toBeInTheDocument();
  });

  it('formats due dates for French', () => {
    renderWithProviders(<GroupedTasks tasks={[tasks[3]!]} />, { locale: 'fr' });
    expect(screen.getByText('Échéance : 12 déc. 2026')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /En cours/ })).toHaveTextContent('1 tâche');
  });
});
