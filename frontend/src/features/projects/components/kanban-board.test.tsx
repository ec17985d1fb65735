import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session, type Schemas, type User } from '@/lib/api';
import { json, problem, renderWithProviders } from '@/testing/render';
import { KanbanBoard } from './kanban-board';

type Task = Schemas['Task'];

const supervisor: User = { id: 3, email: 'm.dubois@demo.tracker', name: 'Marc Dubois', role: 'supervisor', branch_id: 1, locale: 'en', active: true, version: 1, created_at: '', updated_at: '' };

function task(id: number, title: string, status: Task['status'], version = 3): Task {
  return {
    id, project_id: 5, stream_id: 1, branch_id: 1, title, description: '', assignee_id: 9, assignee_name: 'Lucas Martin', status,
    priority: 'medium', start_date: null, due_date: '2026-12-01', progress: 0, estimate_hours: null, created_by: 3,
    status_since: '2026-11-01T00:00:00Z', completed_at: null, version, created_at: '', updated_at: '', tag_ids: [], overdue: false,
  };
}

let server: Map<number, Task>;
let patches: { id: number; ifMatch: string | null; body: unknown }[];
let patchAnswer: ((id: number) => Response | null) | null;

beforeEach(() => {
  server = new Map([[1, task(1, 'Draft the options paper', 'todo')], [2, task(2, 'Costing annex', 'in_review')]]);
  patches = [];
  patchAnswer = null;
  session.signIn({ access_token: 'tok', token_type: 'Bearer', expires_in: 900, refresh_token: 'r', user: supervisor });
  vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/api/v1/tasks') {
      const items = [...server.values()].filter((t) => t.status === url.searchParams.get('status'));
      return json(200, { items, total: items.length, page: 1, per_page: 25 });
    }
    const m = /^\/api\/v1\/tasks\/(\d+)$/.exec(url.pathname);
    if (m) {
      const id = Number(m[1]);
      const current = server.get(id)!;
      if (req.method === 'GET') return json(200, current);
      if (req.method === 'PATCH') {
        const body = (await req.json()) as { status: Task['status'] };
        patches.push({ id, ifMatch: req.headers.get('If-Match'), body });
        const answer = patchAnswer?.(id);
        if (answer) return answer;
        const next = { ...current, status: body.status, version: current.version + 1 };
        server.set(id, next);
        return json(200, next);
      }
    }
    return json(404, problem(404, 'not_found'));
  }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

const column = (status: string) => document.querySelector<HTMLElement>(`section[data-status="${status}"]`)!;

async function renderBoard(user: Pick<User, 'id' | 'role' | 'branch_id'> = supervisor) {
  renderWithProviders(<KanbanBoard filter={{ project_id: 5 }} user={user} label="Tasks" />);
  await screen.findByText('Draft the options paper');
}

describe('KanbanBoard', () => {
  it('moves a card from the keyboard: Space picks up, arrows choose a valid column, Space drops (PATCH with If-Match)', async () => {
    const user = userEvent.setup();
    await renderBoard();
    const handle = screen.getByRole('button', { name: 'Move “Draft the options paper”' });
    handle.focus();
    await user.keyboard(' ');
    expect(handle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/Picked up “Draft the options paper” in To do/)).toBeInTheDocument();
    // From "To do" only "In progress" is open: a second → stays there.
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(column('in_progress')).toHaveClass('kanban-col--over');
    expect(column('blocked')).toHaveClass('kanban-col--dimmed');
    await user.keyboard(' ');

    await waitFor(() => expect(within(column('in_progress')).getByText('Draft the options paper')).toBeInTheDocument());
    expect(patches).toEqual([{ id: 1, ifMatch: '"3"', body: { status: 'in_progress' } }]);
    expect(await screen.findAllByText('“Draft the options paper” moved to In progress.')).not.toHaveLength(0);
    // Focus follows the card to its new column.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move “Draft the options paper”' })).toHaveFocus());
  });

  it('cancels a keyboard move with Escape', async () => {
    const user = userEvent.setup();
    await renderBoard();
    screen.getByRole('button', { name: 'Move “Draft the options paper”' }).focus();
    await user.keyboard(' {ArrowRight}{Escape}');
    expect(patches).toEqual([]);
    expect(within(column('todo')).getByText('Draft the options paper')).toBeInTheDocument();
    expect(screen.getByText('Move cancelled. “Draft the options paper” stays where it was.')).toBeInTheDocument();
  });

  it('offers only the moves the workflow allows in the "Move to…" menu', async () => {
    const user = userEvent.setup();
    await renderBoard();
    await user.click(screen.getByRole('button', { name: 'Move to… “Costing annex”' }));
    const menu = screen.getByRole('list', { name: 'Move to… “Costing annex”' });
    expect(within(menu).getAllByRole('button').map((b) => b.textContent)).toEqual(['In progress', 'Done']);
    await user.click(within(menu).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(within(column('done')).getByText('Costing annex')).toBeInTheDocument());
    expect(patches[0]).toEqual({ id: 2, ifMatch: '"3"', body: { status: 'done' } });
  });

  it('snaps a refused move back and says why', async () => {
    const user = userEvent.setup();
    patchAnswer = () => json(409, problem(409, 'invalid_transition', { status: 'cannot move from todo to in_progress' }));
    await renderBoard();
    await user.click(screen.getByRole('button', { name: 'Move to… “Draft the options paper”' }));
    await user.click(screen.getByRole('button', { name: 'In progress' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“Draft the options paper” could not move to In progress: This status change is not allowed from the current status.');
    expect(within(column('todo')).getByText('Draft the options paper')).toBeInTheDocument();
    expect(within(column('in_progress')).queryByText('Draft the options paper')).not.toBeInTheDocument();
  });

  it('reloads the card on 412: it shows where it is now', async () => {
    const user = userEvent.setup();
    patchAnswer = (id) => {
      // Someone else moved it to in_progress meanwhile.
      server.set(id, { ...server.get(id)!, status: 'in_progress', version: 7 });
      return json(412, problem(412, 'version_mismatch'));
    };
    await renderBoard();
    await user.click(screen.getByRole('button', { name: 'Move to… “Costing annex”' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“Costing annex” was changed by someone else meanwhile.');
    await waitFor(() => expect(within(column('in_progress')).getByText('Costing annex')).toBeInTheDocument());
    expect(within(column('done')).queryByText('Costing annex')).not.toBeInTheDocument();
  });

  it('is read-only for a supervisor of another branch', async () => {
    await renderBoard({ id: 4, role: 'supervisor', branch_id: 2 });
    expect(screen.queryByRole('button', { name: /^Move/ })).not.toBeInTheDocument();
    expect(screen.getByText(/only a supervisor of the branch or an administrator moves its tasks/)).toBeInTheDocument();
  });
});
