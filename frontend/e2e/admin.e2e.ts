// The admin's pages in the browser: creating a user who then signs in,
// a 412 on the users page recovered without losing what was typed, the
// page in French, the refusal to disable oneself, filters in the URL, and
// tags created, edited and deleted. Every test works on objects of its own
// or puts back what it changed.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../src/lib/api/schema';
import { apiLogin, patchUser, unique, type Api } from './admin-api';
import { closeClean, demo, expectAccessible, login, newTab, screenshot, signedInTab, withBrowser } from './support';

type User = components['schemas']['User'];

const browser = withBrowser();
let admin: Api;

beforeAll(async () => {
  admin = await apiLogin(demo.admin);
});

async function openUsers(page: Page, query = '') {
  await page.goto(`/users${query}`);
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  await page.getByRole('table', { name: 'Users' }).waitFor();
}

describe('users', () => {
  it('lets the admin create an intern in CPP who then signs in and lands on their home', async () => {
    const tab = await signedInTab(browser(), demo.admin);
    const { page } = tab;
    expect(new URL(page.url()).pathname).toBe('/users');
    await page.getByRole('table', { name: 'Users' }).waitFor();

    const email = `e2e.intern.${unique()}@demo.tracker`;
    const password = 'a-fresh-intern-passphrase';
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    // Nothing filled in: each field says what it needs, the branch included.
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText('Choose a branch: interns and supervisors belong to one.').waitFor();
    expect(await dialog.getByRole('combobox', { name: /^Branch/ }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'users-new');

    await dialog.getByLabel(/^E-mail/).fill(email);
    await dialog.getByLabel(/^Name/).fill('Camille Test');
    await dialog.getByRole('combobox', { name: /^Role/ }).selectOption('intern');
    await dialog.getByRole('combobox', { name: /^Branch/ }).selectOption({ label: 'CPP – Cooperation Policy and Programmes Branch' });
    await dialog.getByLabel(/^Initial password/).fill(password);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('status').getByText(`Account created for Camille Test (${email}).`, { exact: false }).waitFor();
    expect(await dialog.count()).toBe(0);

    // The new account is in the list.
    await page.getByRole('searchbox', { name: 'Search' }).fill(email);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(email);
    const row = page.getByRole('row', { name: /Camille Test/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('CPP');
    expect(await row.textContent()).toContain('Intern');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await login(page, email, password);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/my/placement');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['My placement', 'My tasks']);
    await closeClean(tab);
  });

  it('puts a taken e-mail beside the e-mail field', async () => {
    const tab = await signedInTab(browser(), demo.admin);
    const { page } = tab;
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel(/^E-mail/).fill(demo.intern);
    await dialog.getByLabel(/^Name/).fill('Someone Else');
    await dialog.getByRole('combobox', { name: /^Branch/ }).selectOption({ label: 'MC – Military Cooperation Branch' });
    await dialog.getByLabel(/^Initial password/).fill('another-fine-passphrase');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText('An account with this e-mail address already exists.').waitFor();
    expect(await dialog.getByLabel(/^E-mail/).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await tab.context.close();
  });

  it('shows a 412 when the user changed meanwhile, and the reload keeps the typed name', async () => {
    const suffix = unique();
    const made = await admin.send<User>('POST', '/users', {
      email: `e2e.conflict.${suffix}@demo.tracker`, name: `Conflict ${suffix}`, role: 'intern', branch_id: 2, password: 'conflict-test-passphrase',
    });
    expect(made.status).toBe(201);
    const target = made.body;

    const tab = await signedInTab(browser(), demo.admin);
    const { page } = tab;
    await openUsers(page, `?q=${encodeURIComponent(target.email)}`);
    await page.getByRole('button', { name: `Edit ${target.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${target.name}` });
    await dialog.getByLabel(/^Name/).fill(`Renamed ${suffix}`);

    // Meanwhile, someone else changes the same user (its language).
    await patchUser(admin, target.id, { locale: 'fr' });

    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const notice = dialog.getByRole('alert').filter({ hasText: 'This item was changed by someone else meanwhile.' });
    await notice.waitFor();
    await screenshot(page, 'users-conflict');
    await notice.getByRole('button', { name: 'Reload and keep my changes' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await dialog.getByLabel(/^Name/).inputValue()).toBe(`Renamed ${suffix}`);
    // What this admin did not touch shows the other change.
    expect(await dialog.getByRole('combobox', { name: /^Language/ }).inputValue()).toBe('fr');

    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText(`Changes to Renamed ${suffix} saved.`).waitFor();
    const saved = await admin.get<User>(`/users/${target.id}`);
    expect(saved).toMatchObject({ name: `Renamed ${suffix}`, locale: 'fr' });
    await tab.context.close();
  });

  it('will not let the admin disable their own account, and says so', async () => {
    const tab = await signedInTab(browser(), demo.admin);
    const { page } = tab;
    await openUsers(page);
    await page.getByRole('button', { name: `Edit ${admin.me.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${admin.me.name}` });
    await dialog.getByRole('checkbox', { name: 'Account active' }).uncheck();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByRole('alert').getByText('You cannot disable your own account or change your own role.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await admin.get<User>(`/users/${admin.me.id}`)).active).toBe(true);
    await tab.context.close();
  });

  it('disables and enables an account', async () => {
    const suffix = unique();
    const made = await admin.send<User>('POST', '/users', {
      email: `e2e.disable.${suffix}@demo.tracker`, name: `Disable ${suffix}`, role: 'supervisor', branch_id: 1, password: 'disable-test-passphrase',
    });
    const tab = await signedInTab(browser(), demo.admin);
    const { page } = tab;
    await openUsers(page, `?q=${encodeURIComponent(made.body.email)}`);
    await page.getByRole('button', { name: `Edit ${made.body.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Account active' }).uncheck();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const row = page.getByRole('row', { name: new RegExp(made.body.name) });
    await row.getByText('Disabled').waitFor();
    // A disabled account cannot sign in.
    const refused = await fetch(`${new URL(page.url()).origin}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: made.body.email, password: 'disable-test-passphrase' }),
    });
    expect(refused.status).toBe(401);

    await page.getByRole('button', { name: `Edit ${made.body.name}` }).click();
    await page.getByRole('dialog').getByRole('checkbox', { name: 'Account active' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await row.getByText('Active').waitFor();
    await tab.context.close();
  });

  it('keeps filters and sorting in the URL', async () => {
    const tab = await signedInTab(browser(), demo.admin);
    const { page } = tab;
    await openUsers(page);
    await page.getByRole('combobox', { name: 'Role' }).selectOption('intern');
    await page.getByRole('combobox', { name: 'Branch' }).selectOption({ label: 'MC' });
    await page.getByRole('button', { name: 'E-mail' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?role=intern&branch=2&sort=email');
    await page.reload();
    await page.getByRole('table', { name: 'Users' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Role' }).inputValue()).toBe('intern');
    expect(await page.getByRole('columnheader', { name: /E-mail/ }).getAttribute('aria-sort')).toBe('ascending');
    const emails = await page.locator('.users-table__email').allTextContents();
    expect(emails.length).toBeGreaterThan(3);
    expect(emails).toEqual([...emails].sort());
    const rows = await page.getByRole('table', { name: 'Users' }).locator('tbody tr').allTextContents();
    for (const r of rows) expect(r).toMatch(/Intern.*MC/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=email');
    await tab.context.close();
  });

  it('speaks French once the admin switches their language, then back', async () => {
    const tab = await newTab(browser());
    const { page } = tab;
    try {
      await login(page, demo.admin);
      await openUsers(page);
      await page.getByRole('button', { name: `Edit ${admin.me.name}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: /^Language/ }).selectOption('fr');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await page.getByRole('button', { name: 'Nouvel utilisateur' }).waitFor();
      expect(await page.getByRole('columnheader', { name: /Rôle/ }).count()).toBe(1);
      expect(await page.getByRole('combobox', { name: 'Statut' }).inputValue()).toBe('');
      await page.getByText(/\d+ utilisateurs/).waitFor();
      await page.getByRole('status').getByText(`Modifications de ${admin.me.name} enregistrées.`).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'users-fr');

      await page.getByRole('button', { name: `Modifier ${admin.me.name}` }).click();
      await page.getByRole('dialog').getByRole('combobox', { name: /^Langue/ }).selectOption('en');
      await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer les modifications' }).click();
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    } finally {
      // Whatever happened, the admin speaks English again for the other tests.
      if ((await admin.get<User>(`/users/${admin.me.id}`)).locale !== 'en') await patchUser(admin, admin.me.id, { locale: 'en' });
      await tab.context.close();
    }
  });
});

describe('tags', () => {
  it('groups tags by kind, and creates, edits and deletes one', async () => {
    const tab = await signedInTab(browser(), demo.admin);
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tags' }).waitFor();
    const orgs = page.getByRole('region', { name: /International organisations/ });
    await orgs.getByText('European Union', { exact: true }).waitFor();
    await page.getByRole('region', { name: /Partnership frameworks/ }).getByText('Partnership for Peace', { exact: true }).waitFor();
    await page.getByRole('region', { name: /Partner countries/ }).getByText('Ukraine', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'tags');

    const code = `T${unique()}`.slice(0, 12).toUpperCase();
    const countries = page.getByRole('region', { name: /Partner countries/ });
    await countries.getByRole('button', { name: 'Add a country' }).click();
    let dialog = page.getByRole('dialog', { name: 'New tag' });
    expect(await dialog.getByRole('combobox', { name: /^Kind/ }).inputValue()).toBe('country');
    // A taken code is refused beside the code.
    await dialog.getByLabel(/^Code/).fill('UA');
    await dialog.getByLabel(/^Name/).fill('Test country');
    await dialog.getByRole('button', { name: 'Create tag' }).click();
    await dialog.getByText('A tag with this code already exists.').waitFor();
    await dialog.getByLabel(/^Code/).fill(code);
    await dialog.getByRole('button', { name: 'Create tag' }).click();
    await page.getByRole('status').getByText(`Tag ${code} created.`).waitFor();
    await countries.getByText('Test country').waitFor();

    await countries.getByRole('button', { name: `Edit tag ${code}` }).click();
    dialog = page.getByRole('dialog', { name: `Edit tag ${code}` });
    await dialog.getByLabel(/^Name/).fill('Test country, renamed');
    await dialog.getByLabel(/^Description/).fill('Made by a browser test.');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText(`Tag ${code} saved.`).waitFor();
    await countries.getByText('Made by a browser test.').waitFor();

    await countries.getByRole('button', { name: `Delete tag ${code}` }).click();
    dialog = page.getByRole('dialog', { name: 'Delete this tag?' });
    await dialog.getByText(`The tag ${code} – Test country, renamed will be deleted.`).waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').getByText(`Tag ${code} deleted.`).waitFor();
    expect(await countries.getByText('Test country, renamed').count()).toBe(0);
    expect(tab.pageErrors).toEqual([]);
    await tab.context.close();
  });
});
