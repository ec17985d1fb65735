import { useQuery, useQueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session, type Schemas } from '@/lib/api';
import { json, problem, renderWithProviders } from '@/testing/render';
import { taskQueryKey, taskQueryOptions } from '../api/get-task';
import { canLogProgress, capacityFor, movesFor } from './status-moves';
import { TaskMoves } from './task-moves';
import { admin, intern, leadership, makeTask, otherIntern, otherSupervisor, supervisor } from './test-fixtures';

type Status = Schemas['TaskStatus'];
const names = (user: Parameters<typeof movesFor>[0], status: Status) => movesFor(user, makeTask({ status })).map((m) => `${m.name}->${m.to}`);

describe('movesFor', () => {
  it('gives the assignee intern the moves up to review and back', () => {
    expect(names(intern, 'todo')).toEqual(['start->in_progress']);
    expect(names(intern, 'in_progress')).toEqual(['submit->in_review', 'block->blocked', 'backToTodo->todo']);
    expect(names(intern, 'blocked')).toEqual(['unblock->in_progress']);
    expect(names(intern, 'in_review')).toEqual([]);
    expect(names(intern, 'done')).toEqual([]);
  });

  it('adds accept, send back and reopen for a supervisor of the branch and for an admin', () => {
    for (const reviewer of [supervisor, admin]) {
      expect(names(reviewer, 'in_review')).toEqual(['accept->done', 'sendBack->in_progress']);
      expect(names(reviewer, 'done')).toEqual(['reopen->in_progress']);
      expect(names(reviewer, 'in_progress')).toEqual(['submit->in_review', 'block->blocked', 'backToTodo->todo']);
      expect(names(reviewer, 'todo')).toEqual(['start->in_progress']);
    }
  });

  it('gives nothing to leadership, a supervisor of another branch, or an intern who is not the assignee', () => {
    const statuses: Status[] = ['todo', 'in_progress', 'blocked', 'in_review', 'done'];
    for (const reader of [leadership, otherSupervisor, otherIntern]) {
      for (const s of statuses) expect(names(reader, s)).toEqual([]);
      expect(capacityFor(reader, makeTask())).toBe('none');
      expect(canLogProgress(reader, makeTask())).toBe(false);
    }
  });

  it('never lets anyone log progress on a done task', () => {
    expect(canLogProgress(intern, makeTask({ status: 'in_review' }))).toBe(true);
    expect(canLogProgress(intern, makeTask({ status: 'done' }))).toBe(false);
    expect(canLogProgress(admin, makeTask({ status: 'done' }))).toBe(false);
  });
});

describe('TaskMoves', () => {
  const buttons = () => within(screen.getByRole('group', { name: 'Move the task' })).getAllByRole('button').map((b) => b.textContent);

  it('shows the assignee the moves of an in-progress task', () => {
    renderWithProviders(<TaskMoves task={makeTask({ status: 'in_progress' })} user={intern} />);
    expect(buttons()).toEqual(['Send for review', 'Mark as blocked', 'Back to to do']);
  });

  it('tells the assignee a task in review waits for the supervisor', () => {
    renderWithProviders(<TaskMoves task={makeTask({ status: 'in_review' })} user={intern} />);
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(screen.getByText(/Waiting for review/)).toBeInTheDocument();
  });

  it('offers a supervisor of the branch accept and send back on a task in review', () => {
    renderWithProviders(<TaskMoves task={makeTask({ status: 'in_review' })} user={supervisor} />);
    expect(buttons()).toEqual(['Accept', 'Send back']);
  });

  it('offers an admin reopen on a done task, and the assignee nothing', () => {
    const { unmount } = renderWithProviders(<TaskMoves task={makeTask({ status: 'done', progress: 100 })} user={admin} />);
    expect(buttons()).toEqual(['Reopen']);
    unmount();
    renderWithProviders(<TaskMoves task={makeTask({ status: 'done', progress: 100 })} user={intern} />);
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(screen.getByText(/Only a supervisor can reopen it/)).toBeInTheDocument();
  });

  it('speaks French', () => {
    renderWithProviders(<TaskMoves task={makeTask({ status: 'blocked' })} user={intern} />, { locale: 'fr' });
    expect(within(screen.getByRole('group', { name: 'Faire avancer la tâche' })).getByRole('button', { name: 'Reprendre le travail' })).toBeInTheDocument();
  });
});

describe('TaskMoves and a conflict', () => {
  let serverVersion: number;
  let patches: { ifMatch: string | null; body: unknown }[];

  beforeEach(() => {
    serverVersion = 6; // someone moved the task since the page read version 4
    patches = [];
    session.signIn({ access_token: 'tok', token_type: 'Bearer', expires_in: 900, refresh_token: 'r', user: { id: 7, email: 'e@x', name: 'E', role: 'intern', branch_id: 1, locale: 'en', active: true, version: 1, created_at: '', updated_at: '' } });
    vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      if (req.method === 'GET' && path === '/api/v1/tasks/27') return json(200, makeTask({ version: serverVersion }), { ETag: `"${serverVersion}"` });
      if (req.method === 'PATCH' && path === '/api/v1/tasks/27') {
        const body = (await req.json()) as { status: Status };
        patches.push({ ifMatch: req.headers.get('If-Match'), body });
        if (req.headers.get('If-Match') !== `"${serverVersion}"`) return json(412, problem(412, 'version_mismatch'));
        serverVersion += 1;
        return json(200, makeTask({ status: body.status, version: serverVersion }), { ETag: `"${serverVersion}"` });
      }
      return json(404, problem(404, 'not_found'));
    }));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    session.signOut();
  });

  it('sends If-Match, explains a 412, reloads the task and lets the move be retried', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<Harness />);
    await user.click(await screen.findByRole('button', { name: 'Send for review' }));
    await screen.findByText('This item was changed by someone else meanwhile.');
    expect(patches[0]).toEqual({ ifMatch: '"4"', body: { status: 'in_review' } });

    await user.click(screen.getByRole('button', { name: 'Reload and keep my changes' }));
    await waitFor(() => expect(screen.queryByText('This item was changed by someone else meanwhile.')).not.toBeInTheDocument());
    expect(queryClient.getQueryData<Schemas['Task']>(taskQueryKey(27))?.version).toBe(6);

    await user.click(screen.getByRole('button', { name: 'Send for review' }));
    await screen.findByText('Status changed to In review.');
    expect(patches[1]).toEqual({ ifMatch: '"6"', body: { status: 'in_review' } });
  });
});

// Harness renders TaskMoves from the task query, as the page does, starting from a stale copy (version 4).
function Harness() {
  const qc = useQueryClient();
  useState(() => qc.setQueryData(taskQueryKey(27), makeTask({ version: 4 })));
  const { data } = useQuery({ ...taskQueryOptions(27), staleTime: Infinity });
  return data ? <TaskMoves task={data} user={intern} /> : null;
}
