import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session, type Schemas, type User } from '@/lib/api';
import { json, problem, renderWithProviders } from '@/testing/render';
import { ReviewItem } from './review-item';

const supervisor: User = { id: 3, email: 'm.dubois@demo.tracker', name: 'Marc Dubois', role: 'supervisor', branch_id: 1, locale: 'en', active: true, version: 1, created_at: '', updated_at: '' };

const task: Schemas['Task'] = {
  id: 40, project_id: 5, stream_id: 1, branch_id: 1, title: 'Costing annex', description: '', assignee_id: 9, assignee_name: 'Lucas Martin',
  status: 'in_review', priority: 'medium', start_date: null, due_date: null, progress: 90, estimate_hours: 4, created_by: 3,
  status_since: '2026-11-20T10:00:00Z', completed_at: null, version: 6, created_at: '', updated_at: '', tag_ids: [], overdue: false,
};

let calls: { method: string; path: string; ifMatch: string | null; body: unknown }[];
let serverVersion: number;

beforeEach(() => {
  calls = [];
  serverVersion = 6;
  session.signIn({ access_token: 'tok', token_type: 'Bearer', expires_in: 900, refresh_token: 'r', user: supervisor });
  vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/api/v1/tasks/40/progress') {
      return json(200, { items: [{ id: 1, task_id: 40, author_id: 9, author_name: 'Lucas Martin', note: 'Ready: all figures checked.', progress: 90, hours: 2, created_at: '2026-11-20T09:00:00Z' }], total: 1, page: 1, per_page: 1 });
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/tasks/40') return json(200, { ...task, version: serverVersion });
    if (req.method === 'GET') return json(200, { items: [], total: 0, page: 1, per_page: 50 });
    const body = (await req.json()) as Record<string, unknown>;
    calls.push({ method: req.method, path: url.pathname, ifMatch: req.headers.get('If-Match'), body });
    if (req.method === 'POST' && url.pathname === '/api/v1/tasks/40/comments') {
      return json(201, { id: 1, task_id: 40, author_id: 3, author_name: 'Marc Dubois', body: body.body, version: 1, created_at: '', updated_at: '' });
    }
    if (req.method === 'PATCH' && url.pathname === '/api/v1/tasks/40') {
      if (req.headers.get('If-Match') !== `"${serverVersion}"`) return json(412, problem(412, 'version_mismatch'));
      return json(200, { ...task, ...body, version: serverVersion + 1 });
    }
    return json(404, problem(404, 'not_found'));
  }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

function renderItem() {
  const onDone = vi.fn();
  renderWithProviders(<ul><ReviewItem task={task} projectTitle="Mediterranean Dialogue: annual activity plan" onDone={onDone} /></ul>);
  return onDone;
}

describe('ReviewItem', () => {
  it('shows who did it, the project and the last progress note', async () => {
    renderItem();
    expect(screen.getByText('By Lucas Martin')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mediterranean Dialogue: annual activity plan' })).toHaveAttribute('href', '/projects/5');
    expect(await screen.findByText('Ready: all figures checked.')).toBeInTheDocument();
  });

  it('accepts: PATCH status done with If-Match', async () => {
    const user = userEvent.setup();
    const onDone = renderItem();
    await user.click(screen.getByRole('button', { name: 'Accept “Costing annex”' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('“Costing annex” accepted: it is done.'));
    expect(calls).toEqual([{ method: 'PATCH', path: '/api/v1/tasks/40', ifMatch: '"6"', body: { status: 'done' } }]);
  });

  it('sends back only with a comment: posts it, then moves the task back to in progress', async () => {
    const user = userEvent.setup();
    const onDone = renderItem();
    await user.click(screen.getByRole('button', { name: 'Send back “Costing annex”' }));
    const dialog = screen.getByRole('dialog', { name: 'Send back “Costing annex”' });
    await user.click(screen.getByRole('button', { name: 'Send back' }));
    const comment = screen.getByLabelText(/What needs to change/);
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveAccessibleDescription(expect.stringContaining('Say what needs to change before sending the task back.'));
    expect(calls).toEqual([]);

    await user.type(comment, 'Add the sources, please.');
    await user.click(screen.getByRole('button', { name: 'Send back' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('“Costing annex” sent back to the intern.'));
    expect(calls).toEqual([
      { method: 'POST', path: '/api/v1/tasks/40/comments', ifMatch: null, body: { body: 'Add the sources, please.' } },
      { method: 'PATCH', path: '/api/v1/tasks/40', ifMatch: '"6"', body: { status: 'in_progress' } },
    ]);
    expect(dialog).not.toBeInTheDocument();
  });

  it('on 412 after the comment went in, reloads and retries the move without posting the comment twice', async () => {
    const user = userEvent.setup();
    serverVersion = 7;
    const onDone = renderItem();
    await user.click(screen.getByRole('button', { name: 'Send back “Costing annex”' }));
    await user.type(screen.getByLabelText(/What needs to change/), 'Add the sources, please.');
    await user.click(screen.getByRole('button', { name: 'Send back' }));
    await screen.findByText('This item was changed by someone else meanwhile.');
    await user.click(screen.getByRole('button', { name: 'Reload and keep my changes' }));
    await waitFor(() => expect(screen.queryByText('This item was changed by someone else meanwhile.')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Send back' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.map((c) => `${c.method} ${c.path} ${c.ifMatch ?? ''}`)).toEqual([
      'POST /api/v1/tasks/40/comments ',
      'PATCH /api/v1/tasks/40 "6"',
      'PATCH /api/v1/tasks/40 "7"',
    ]);
  });
});
