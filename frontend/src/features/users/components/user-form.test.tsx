import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session, type Schemas, type User } from '@/lib/api';
import { json, problem, renderWithProviders } from '@/testing/render';
import { EditUserForm } from './edit-user-dialog';
import { NewUserForm } from './new-user-dialog';
import { branchRequired, checkDraft, emptyDraft, patchBody, rebase, draftOf } from './user-rules';

const branches: Schemas['Branch'][] = [
  { id: 1, code: 'CPP', name: 'Cooperation Policy and Programmes Branch', description: '', version: 1 },
  { id: 2, code: 'MC', name: 'Military Cooperation Branch', description: '', version: 1 },
];
const admin: User = { id: 1, email: 'admin@demo.tracker', name: 'Alex Morgan', role: 'admin', branch_id: null, locale: 'en', active: true, version: 1, created_at: '', updated_at: '' };
const intern: User = { id: 9, email: 'l.martin@demo.tracker', name: 'Lucas Martin', role: 'intern', branch_id: 1, locale: 'en', active: true, version: 3, created_at: '', updated_at: '' };

describe('user rules', () => {
  it('requires a branch for interns and supervisors only', () => {
    expect(branchRequired('intern')).toBe(true);
    expect(branchRequired('supervisor')).toBe(true);
    expect(branchRequired('leadership')).toBe(false);
    expect(branchRequired('admin')).toBe(false);
    const base = { ...emptyDraft, email: 'a@b.org', name: 'A', password: 'x' };
    expect(checkDraft({ ...base, role: 'intern' }, true)).toEqual({ branch_id: 'users.errors.branchRequired' });
    expect(checkDraft({ ...base, role: 'supervisor', branch: '2' }, true)).toEqual({});
    expect(checkDraft({ ...base, role: 'leadership' }, true)).toEqual({});
    expect(checkDraft({ ...emptyDraft, role: 'admin' }, true)).toEqual({ email: 'users.errors.emailRequired', name: 'users.errors.nameRequired', password: 'users.errors.passwordRequired' });
  });

  it('patches only what changed, and a reload keeps only what was changed', () => {
    const base = draftOf(intern);
    const mine = { ...base, name: 'Lucas M.', branch: '2' };
    expect(patchBody(mine, base)).toEqual({ name: 'Lucas M.', branch_id: 2 });
    expect(patchBody({ ...base, role: 'leadership', branch: '' }, base)).toEqual({ role: 'leadership', branch_id: null });
    const fresh = { ...base, name: 'Lucas Martin-Dupont', locale: 'fr' as const };
    expect(rebase(mine, base, fresh)).toEqual({ ...fresh, name: 'Lucas M.', branch: '2' });
  });
});

let requests: { method: string; path: string; ifMatch: string | null; body: unknown }[];
let serverVersion: number;
let serverUser: User;

beforeEach(() => {
  requests = [];
  serverVersion = 3;
  serverUser = intern;
  session.signIn({ access_token: 'tok', token_type: 'Bearer', expires_in: 900, refresh_token: 'r', user: admin });
  vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    const body = req.method === 'GET' ? undefined : ((await req.json()) as Record<string, unknown>);
    requests.push({ method: req.method, path, ifMatch: req.headers.get('If-Match'), body });
    if (req.method === 'POST' && path === '/api/v1/users') {
      if (body?.email === 'taken@demo.tracker') return json(409, problem(409, 'conflict', { email: 'an account with this e-mail exists' }));
      return json(201, { ...intern, id: 30, ...body, version: 1 });
    }
    if (req.method === 'GET' && path === '/api/v1/users/9') return json(200, { ...serverUser, version: serverVersion }, { ETag: `"${serverVersion}"` });
    if (req.method === 'PATCH' && path === '/api/v1/users/9') {
      if (req.headers.get('If-Match') !== `"${serverVersion}"`) return json(412, problem(412, 'version_mismatch'));
      serverVersion += 1;
      serverUser = { ...serverUser, ...body, version: serverVersion } as User;
      return json(200, serverUser);
    }
    return json(404, problem(404, 'not_found'));
  }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

describe('NewUserForm', () => {
  it('asks for a branch for an intern before sending anything, not for leadership', async () => {
    const user = userEvent.setup();
    const onCreated = vi.fn();
    renderWithProviders(<NewUserForm branches={branches} onCreated={onCreated} onCancel={() => {}} />);
    await user.type(screen.getByLabelText(/^E-mail/), 'new.intern@demo.tracker');
    await user.type(screen.getByLabelText(/^Name/), 'New Intern');
    await user.type(screen.getByLabelText(/^Initial password/), 'a-long-enough-passphrase');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    const branch = screen.getByRole('combobox', { name: /^Branch/ });
    expect(branch).toHaveAttribute('aria-invalid', 'true');
    expect(branch).toHaveAccessibleDescription(/Choose a branch: interns and supervisors belong to one\./);
    expect(requests).toHaveLength(0);

    // Leadership needs none: the complaint goes, and the account is sent without a branch.
    await user.selectOptions(screen.getByRole('combobox', { name: /^Role/ }), 'leadership');
    expect(branch).not.toHaveAttribute('aria-invalid');
    expect(branch).toHaveAccessibleDescription('Optional for leadership and administrators.');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(requests[0]?.body).toEqual({ email: 'new.intern@demo.tracker', name: 'New Intern', role: 'leadership', branch_id: null, locale: 'en', password: 'a-long-enough-passphrase' });
  });

  it('sends the branch of an intern, and puts a taken e-mail (409) beside the e-mail', async () => {
    const user = userEvent.setup();
    renderWithProviders(<NewUserForm branches={branches} onCreated={() => {}} onCancel={() => {}} />);
    await user.type(screen.getByLabelText(/^E-mail/), 'taken@demo.tracker');
    await user.type(screen.getByLabelText(/^Name/), 'Someone');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Branch/ }), '2');
    await user.type(screen.getByLabelText(/^Initial password/), 'a-long-enough-passphrase');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    const email = screen.getByLabelText(/^E-mail/);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('An account with this e-mail address already exists.');
    expect(requests[0]?.body).toMatchObject({ role: 'intern', branch_id: 2 });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('EditUserForm', () => {
  it('refuses to drop the branch of a supervisor', async () => {
    const user = userEvent.setup();
    renderWithProviders(<EditUserForm user={intern} self={false} branches={branches} onSaved={() => {}} onCancel={() => {}} />);
    await user.selectOptions(screen.getByRole('combobox', { name: /^Role/ }), 'supervisor');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Branch/ }), '');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByRole('combobox', { name: /^Branch/ })).toHaveAccessibleDescription(/Choose a branch/);
    expect(requests).toHaveLength(0);
  });

  it('sends If-Match with only the changes; on 412 the reload keeps the typed name and the save succeeds', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    serverVersion = 4; // someone saved since the list was read (version 3)
    serverUser = { ...intern, locale: 'fr' };
    renderWithProviders(<EditUserForm user={intern} self={false} branches={branches} onSaved={onSaved} onCancel={() => {}} />);
    const name = screen.getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Lucas M.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This item was changed by someone else meanwhile.');
    expect(requests[0]).toMatchObject({ method: 'PATCH', ifMatch: '"3"', body: { name: 'Lucas M.' } });

    await user.click(within(alert).getByRole('button', { name: 'Reload and keep my changes' }));
    await screen.findByText('Reloaded the latest version. Check your changes and save again.');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Lucas M.');
    // The field the admin did not touch shows the other person's change.
    expect(screen.getByRole('combobox', { name: /^Language/ })).toHaveValue('fr');

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests.at(-1)).toMatchObject({ method: 'PATCH', ifMatch: '"4"', body: { name: 'Lucas M.' } });
  });

  it('says plainly that admins cannot disable themselves (403)', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('fetch', vi.fn(async () => json(403, problem(403, 'forbidden'))));
    renderWithProviders(<EditUserForm user={admin} self branches={branches} onSaved={() => {}} onCancel={() => {}} />);
    expect(screen.getByRole('checkbox', { name: 'Account active' })).toHaveAccessibleDescription(/your own account/);
    await user.click(screen.getByRole('checkbox', { name: 'Account active' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot disable your own account or change your own role.');
  });
});
