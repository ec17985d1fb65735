// The foundation's browser tests: signing in and out, deep links that
// survive a reload, the language stored on the user, accessibility, the
// CSP, and how the binary serves the SPA.
import { describe, expect, it } from 'vitest';
import { baseURL, closeClean, demo, expectAccessible, login, newTab, phone, screenshot, signedInTab, withBrowser } from './support';

const browser = withBrowser();

describe('serving', () => {
  it('answers client routes with index.html, caches hashed assets for long, and sends the CSP', async () => {
    const page = await fetch(`${baseURL()}/account`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${baseURL()}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${baseURL()}/assets/missing.js`)).status).toBe(404);
  });
});

describe('signing in', () => {
  it('shows an accessible sign-in page without CSP violations', async () => {
    const tab = await newTab(browser());
    await tab.page.goto('/');
    await expect.poll(() => tab.page.url()).toContain('/sign-in');
    await tab.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(tab.page);
    await screenshot(tab.page, 'sign-in');
    await closeClean(tab);
  });

  it('refuses a wrong password beside the form', async () => {
    const tab = await newTab(browser());
    await tab.page.goto('/sign-in');
    await tab.page.getByLabel('E-mail').fill(demo.supervisor);
    await tab.page.getByLabel('Password').fill('not-the-password');
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    await tab.page.getByRole('alert').getByText('The e-mail or the password is wrong.').waitFor();
    await tab.context.close();
  });

  it('signs the intern in to their navigation, and out again', async () => {
    const tab = await signedInTab(browser(), demo.intern);
    const { page } = tab;
    await expect.poll(() => new URL(page.url()).pathname).toBe('/my/placement');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['My placement', 'My tasks']);
    await nav.getByRole('link', { name: 'My tasks' }).click();
    await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The cookie is gone: a reload does not sign back in.
    await page.goto('/my/tasks');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(page.url()).toContain('next=%2Fmy%2Ftasks');
    expect(tab.cspViolations).toEqual([]);
    await tab.context.close();
  });

  it('keeps a deep link across a reload (silent refresh through the cookie)', async () => {
    const tab = await signedInTab(browser(), demo.supervisor);
    const { page } = tab;
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await tab.context.close();
  });

  it('shows a role only its own pages', async () => {
    const tab = await newTab(browser());
    await login(tab.page, demo.leadership);
    const nav = tab.page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Board', 'Cohort']);
    await tab.page.goto('/users');
    await tab.page.getByRole('heading', { level: 1, name: 'Not available for your role' }).waitFor();
    await tab.context.close();
  });
});

describe('my account', () => {
  it('is accessible, and looks right on desktop and phone', async () => {
    const tab = await newTab(browser());
    await login(tab.page, demo.supervisor);
    await tab.page.goto('/account');
    await tab.page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await expectAccessible(tab.page);
    await screenshot(tab.page, 'account');
    await closeClean(tab);
  });

  it('collapses the navigation behind a menu button on a phone', async () => {
    const tab = await signedInTab(browser(), demo.supervisor, { viewport: phone });
    const { page } = tab;
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Review queue' }).isVisible()).toBe(false);
    await menu.click();
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await expectAccessible(page);
    await tab.context.close();
  });

  it('names the field a password change fails on', async () => {
    const tab = await signedInTab(browser(), demo.admin);
    const { page } = tab;
    await page.goto('/account');
    await page.getByLabel(/^Current password/).fill('wrong-current-password');
    await page.getByLabel(/^New password/).fill('a-perfectly-fine-passphrase');
    await page.getByLabel('Repeat the new password').fill('a-perfectly-fine-passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This is not your current password.').waitFor();
    expect(await page.getByLabel(/^Current password/).getAttribute('aria-invalid')).toBe('true');
    await tab.context.close();
  });

  it('switches to French, stores it on the user, and keeps it after a reload', async () => {
    const tab = await signedInTab(browser(), demo.leadership);
    const { page } = tab;
    await page.goto('/account');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('navigation', { name: 'Principale' }).getByRole('link').allTextContents()).toEqual(['Tableau de bord', 'Cohorte']);
    await screenshot(page, 'account-fr');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();

    // Put it back for the other tests.
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await tab.context.close();
  });
});
