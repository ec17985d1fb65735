import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { json, problem, renderWithProviders } from '@/testing/render';
import { ProgressForm } from './progress-form';

let posts: unknown[];

beforeEach(() => {
  posts = [];
  session.signIn({ access_token: 'tok', token_type: 'Bearer', expires_in: 900, refresh_token: 'r', user: { id: 7, email: 'e@x', name: 'Emma Laurent', role: 'intern', branch_id: 1, locale: 'en', active: true, version: 1, created_at: '', updated_at: '' } });
  vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    if (req.method === 'POST' && path === '/api/v1/tasks/27/progress') {
      const body = (await req.json()) as { note?: string; progress: number; hours?: number };
      posts.push(body);
      if (body.note === 'refuse me') {
        return json(422, problem(422, 'validation_failed', { progress: 'must be between 0 and 100', hours: 'must be between 0 and 24', note: 'must be at most 4000 characters' }));
      }
      return json(201, { id: 500, task_id: 27, author_id: 7, note: body.note ?? '', progress: body.progress, hours: body.hours ?? null, created_at: '2026-11-27T10:00:00Z', author_name: 'Emma Laurent' });
    }
    return json(404, problem(404, 'not_found'));
  }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

describe('ProgressForm', () => {
  it('starts from the task progress and sends the note, the new percentage and the hours', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ProgressForm task={{ id: 27, progress: 40 }} />);
    const pct = screen.getByLabelText(/New progress/);
    expect(pct).toHaveValue(40);
    await user.type(screen.getByLabelText('Note'), 'Costed the expert visits');
    await user.clear(pct);
    await user.type(pct, '60');
    await user.type(screen.getByLabelText('Hours spent'), '2');
    await user.click(screen.getByRole('button', { name: 'Log progress' }));
    await screen.findByText('Progress logged.');
    expect(posts).toEqual([{ note: 'Costed the expert visits', progress: 60, hours: 2 }]);
    expect(screen.getByLabelText('Note')).toHaveValue('');
    expect(screen.getByLabelText(/New progress/)).toHaveValue(60);
  });

  it('puts each error of a 422 Problem beside its field', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ProgressForm task={{ id: 27, progress: 40 }} />);
    await user.type(screen.getByLabelText('Note'), 'refuse me');
    await user.type(screen.getByLabelText('Hours spent'), '3');
    await user.click(screen.getByRole('button', { name: 'Log progress' }));

    const pct = screen.getByLabelText(/New progress/);
    await waitFor(() => expect(pct).toHaveAttribute('aria-invalid', 'true'));
    expect(pct).toHaveAccessibleDescription('How far along the whole task is now, from 0 to 100. Enter a number from 0 to 100.');
    expect(screen.getByLabelText('Hours spent')).toHaveAccessibleDescription('Optional, from 0 to 24. Enter a number of hours from 0 to 24.');
    expect(screen.getByLabelText('Note')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Note')).toHaveAccessibleDescription(/What you did since the last entry\. Use at most 4,000 characters\./);
    // Everything sits beside a field: no banner.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // What was typed stays.
    expect(screen.getByLabelText('Note')).toHaveValue('refuse me');
  });

  it('catches an empty or out-of-range percentage before sending, in the same words', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ProgressForm task={{ id: 27, progress: 40 }} />, { locale: 'fr' });
    const pct = screen.getByLabelText(/Nouvel avancement/);
    await user.clear(pct);
    await user.click(screen.getByRole('button', { name: 'Consigner' }));
    expect(pct).toHaveAccessibleDescription(/Ce champ est obligatoire\./);
    await user.type(pct, '140');
    await user.click(screen.getByRole('button', { name: 'Consigner' }));
    expect(pct).toHaveAccessibleDescription(/Saisissez un nombre de 0 à 100\./);
    expect(posts).toEqual([]);
  });
});
