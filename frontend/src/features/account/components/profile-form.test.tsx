import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session, type User } from '@/lib/api';
import { json, problem, renderWithProviders } from '@/testing/render';
import { ProfileForm } from './profile-form';

const me: User = { id: 7, email: 'e.laurent@demo.tracker', name: 'Emma Laurent', role: 'intern', branch_id: 1, locale: 'en', active: true, version: 3, created_at: '', updated_at: '' };

let patches: { ifMatch: string | null; body: unknown }[];
let serverVersion: number;

beforeEach(() => {
  patches = [];
  serverVersion = 4; // someone saved since the form read version 3
  session.signIn({ access_token: 'tok', token_type: 'Bearer', expires_in: 900, refresh_token: 'r', user: me });
  vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    if (req.method === 'GET' && path === '/api/v1/me') return json(200, { ...me, version: serverVersion }, { ETag: `"${serverVersion}"` });
    if (req.method === 'PATCH' && path === '/api/v1/users/7') {
      const body = (await req.json()) as { name: string; locale: 'en' | 'fr' };
      patches.push({ ifMatch: req.headers.get('If-Match'), body });
      if (req.headers.get('If-Match') !== `"${serverVersion}"`) return json(412, problem(412, 'version_mismatch'));
      if (body.name === '') return json(422, problem(422, 'validation_failed', { name: 'is required' }));
      serverVersion += 1;
      return json(200, { ...me, ...body, version: serverVersion });
    }
    return json(404, problem(404, 'not_found'));
  }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

describe('ProfileForm', () => {
  it('sends If-Match, and on 412 reloads the version while keeping what was typed', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ProfileForm user={me} />);
    const name = screen.getByLabelText(/Name/);
    await user.clear(name);
    await user.type(name, 'Emma L.');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await screen.findByText('This item was changed by someone else meanwhile.');
    expect(patches[0]?.ifMatch).toBe('"3"');

    await user.click(screen.getByRole('button', { name: 'Reload and keep my changes' }));
    await waitFor(() => expect(screen.queryByText('This item was changed by someone else meanwhile.')).not.toBeInTheDocument());
    expect(screen.getByLabelText(/Name/)).toHaveValue('Emma L.');

    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Your profile has been saved.');
    expect(patches[1]).toEqual({ ifMatch: '"4"', body: { name: 'Emma L.', locale: 'en' } });
  });

  it('shows a field error beside the field it names', async () => {
    const user = userEvent.setup();
    serverVersion = 3;
    renderWithProviders(<ProfileForm user={me} />);
    await user.clear(screen.getByLabelText(/Name/));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    const name = screen.getByLabelText(/Name/);
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('This field is required.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
