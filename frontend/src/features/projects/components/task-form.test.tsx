import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session, type Schemas, type User } from '@/lib/api';
import { json, problem, renderWithProviders } from '@/testing/render';
import { TaskForm } from './task-form';

const supervisor: User = { id: 3, email: 'm.dubois@demo.tracker', name: 'Marc Dubois', role: 'supervisor', branch_id: 1, locale: 'en', active: true, version: 1, created_at: '', updated_at: '' };

const placement = (id: number, intern_id: number, intern_name: string, state: 'active' | 'upcoming') => ({
  id, intern_id, intern_name, branch_id: 1, supervisor_id: 3, supervisor_name: 'Marc Dubois', start_date: '2026-06-01', end_date: '2026-11-30',
  focus: '', version: 1, created_at: '', updated_at: '', state, month: 3, elapsed_pct: 40, progress_pct: 30, health: 'on_track', last_log_at: null, last_report_at: null, days_quiet: 0, stale: false,
});

const existing: Schemas['Task'] = {
  id: 40, project_id: 5, stream_id: 1, branch_id: 1, title: 'Costing annex', description: '', assignee_id: 9, assignee_name: 'Lucas Martin',
  status: 'in_progress', priority: 'medium', start_date: null, due_date: null, progress: 20, estimate_hours: 4, created_by: 3,
  status_since: '', completed_at: null, version: 3, created_at: '', updated_at: '', tag_ids: [], overdue: false,
};

let calls: { method: string; path: string; ifMatch: string | null; body: unknown }[];
let answer: (method: string, body: Record<string, unknown>) => Response;
let serverVersion: number;

beforeEach(() => {
  calls = [];
  serverVersion = 3;
  answer = () => json(500, problem(500, 'internal'));
  session.signIn({ access_token: 'tok', token_type: 'Bearer', expires_in: 900, refresh_token: 'r', user: supervisor });
  vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/api/v1/placements') {
      const items = url.searchParams.get('state') === 'active'
        ? [placement(1, 9, 'Lucas Martin', 'active'), placement(2, 8, 'Emma Laurent', 'active')]
        : [placement(3, 12, 'Nikos Papadopoulos', 'upcoming')];
      return json(200, { items, total: items.length, page: 1, per_page: 100 });
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/tags') {
      return json(200, { items: [{ id: 1, code: 'MD', name: 'Mediterranean Dialogue', description: '', kind: 'framework', version: 1 }], total: 1, page: 1, per_page: 100 });
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/tasks/40') return json(200, { ...existing, version: serverVersion });
    if (req.method === 'POST' || req.method === 'PATCH') {
      const body = (await req.json()) as Record<string, unknown>;
      calls.push({ method: req.method, path: url.pathname, ifMatch: req.headers.get('If-Match'), body });
      return answer(req.method, body);
    }
    return json(404, problem(404, 'not_found'));
  }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

describe('TaskForm', () => {
  it('offers the interns placed in the branch, and shows the server’s field errors beside their fields', async () => {
    const user = userEvent.setup();
    answer = () => json(422, problem(422, 'validation_failed', {
      assignee_id: 'no such intern placed in this branch',
      due_date: 'must not be before start_date',
    }));
    const onSaved = vi.fn();
    renderWithProviders(<TaskForm project={{ id: 5, branch_id: 1 }} onSaved={onSaved} onCancel={() => {}} />);
    const assignee = screen.getByLabelText('Assignee');
    await waitFor(() => expect(assignee.querySelectorAll('option')).toHaveLength(4));
    expect([...assignee.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Unassigned', 'Emma Laurent', 'Lucas Martin', 'Nikos Papadopoulos (starts soon)']);

    await user.type(screen.getByLabelText(/Title/), 'Partner feedback round');
    await user.selectOptions(assignee, 'Lucas Martin');
    await user.selectOptions(screen.getByLabelText('Priority'), 'high');
    await user.type(screen.getByLabelText('Start date'), '2026-12-10');
    await user.type(screen.getByLabelText('Due date'), '2026-12-01');
    await user.type(screen.getByLabelText('Estimate (hours)'), '6');
    await user.click(await screen.findByRole('checkbox', { name: 'Mediterranean Dialogue' }));
    await user.click(screen.getByRole('button', { name: 'Create task' }));

    await waitFor(() => expect(assignee).toHaveAttribute('aria-invalid', 'true'));
    expect(assignee).toHaveAccessibleDescription(expect.stringContaining('Choose an intern placed in this project\'s branch.'));
    expect(screen.getByLabelText('Due date')).toHaveAccessibleDescription('This must not be before the start date.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls[0]).toEqual({
      method: 'POST', path: '/api/v1/tasks', ifMatch: null,
      body: { project_id: 5, title: 'Partner feedback round', description: '', assignee_id: 9, priority: 'high', start_date: '2026-12-10', due_date: '2026-12-01', estimate_hours: 6, tag_ids: [1] },
    });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('edits with If-Match, and on 412 reloads the version while keeping what was typed', async () => {
    const user = userEvent.setup();
    serverVersion = 4;
    answer = (_m, body) => (calls.at(-1)?.ifMatch === `"${serverVersion}"` ? json(200, { ...existing, ...body, version: serverVersion + 1 }) : json(412, problem(412, 'version_mismatch')));
    const onSaved = vi.fn();
    renderWithProviders(<TaskForm project={{ id: 5, branch_id: 1 }} task={existing} onSaved={onSaved} onCancel={() => {}} />);
    const title = screen.getByLabelText(/Title/);
    await user.clear(title);
    await user.type(title, 'Costing annex, v2');
    await user.click(screen.getByRole('button', { name: 'Save task' }));
    await screen.findByText('This item was changed by someone else meanwhile.');
    expect(calls[0]!.ifMatch).toBe('"3"');

    await user.click(screen.getByRole('button', { name: 'Reload and keep my changes' }));
    await waitFor(() => expect(screen.queryByText('This item was changed by someone else meanwhile.')).not.toBeInTheDocument());
    expect(screen.getByLabelText(/Title/)).toHaveValue('Costing annex, v2');
    await user.click(screen.getByRole('button', { name: 'Save task' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[1]).toMatchObject({ method: 'PATCH', path: '/api/v1/tasks/40', ifMatch: '"4"', body: { title: 'Costing annex, v2', assignee_id: 9, estimate_hours: 4 } });
  });
});
