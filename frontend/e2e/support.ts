// Helpers for the browser tests: Debian's Chromium through playwright-core,
// signing in as a demo account, screenshots at desktop and phone widths,
// an axe-core check, and a watch for CSP violations.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

/** demoPassword is every demo account's password (pkg/seed). */
export const demoPassword = 'demo-tracker-2026';

export const demo = {
  admin: 'admin@demo.tracker',
  leadership: 'head@demo.tracker',
  supervisor: 'm.dubois@demo.tracker',
  intern: 'e.laurent@demo.tracker',
} as const;

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/** List is the API's list envelope, as far as the tests read it. */
export type List<T> = { items: T[]; total: number };

/** isoDay is today (UTC, the server's calendar) plus days, as YYYY-MM-DD. */
export function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** baseURL is the running binary's address (e2e/global-setup.ts). */
export function baseURL(): string {
  return inject('baseURL');
}

/**
 * launch starts Chromium headless. Playwright gives every launch a fresh
 * temporary user-data-dir of its own, removed on close.
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * withBrowser launches Chromium before the file's tests and closes it after
 * them (one browser a file); call it at the top of the file and hand the
 * getter's browser to newTab.
 */
export function withBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('no browser: withBrowser() runs its launch in beforeAll');
    return browser;
  };
}

export type Tab = { context: BrowserContext; page: Page; cspViolations: string[]; pageErrors: string[] };

/** newTab opens a page in a fresh context (its own cookies) that records CSP violations and script errors. */
export async function newTab(browser: Browser, viewport = desktop): Promise<Tab> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport, locale: 'en-GB' });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    if (process.env.E2E_DEBUG) console.log(`[${m.type()}] ${m.text()}`);
  });
  if (process.env.E2E_DEBUG) page.on('response', (r) => console.log(`${r.status()} ${r.request().method()} ${r.url()}`));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { context, page, cspViolations, pageErrors };
}

/** login signs in through the sign-in page and waits for the signed-in shell. */
export async function login(page: Page, email: string, password = demoPassword) {
  await page.goto('/sign-in');
  await page.getByLabel(/e-mail|adresse électronique/i).fill(email);
  await page.getByLabel(/^(password|mot de passe)/i).fill(password);
  await page.getByRole('button', { name: /sign in|se connecter/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('main#main h1').waitFor();
}

/** signedInTab opens a fresh tab (newTab) and signs in there as email (a demo account's password by default). */
export async function signedInTab(browser: Browser, email: string, { password = demoPassword, viewport = desktop } = {}): Promise<Tab> {
  const tab = await newTab(browser, viewport);
  await login(tab.page, email, password);
  return tab;
}

/** closeClean checks that the tab met no script error and no CSP violation, then closes it. */
export async function closeClean(tab: Tab) {
  expect(tab.pageErrors).toEqual([]);
  expect(tab.cspViolations).toEqual([]);
  await tab.context.close();
}

/** screenshot writes e2e/screenshots/<name>-desktop.png, <name>-phone.png and (phone, dark theme) <name>-dark.png. */
export async function screenshot(page: Page, name: string) {
  const dir = join(import.meta.dirname, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const before = page.viewportSize();
  for (const [label, size] of [['desktop', desktop], ['phone', phone]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(50);
    await page.screenshot({ path: join(dir, `${name}-${label}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(dir, `${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] };

/**
 * expectAccessible runs axe-core on the page and fails on serious or
 * critical violations. The source goes in through the DevTools protocol,
 * which the page's CSP does not govern (no inline script is added).
 */
export async function expectAccessible(page: Page) {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  expect(bad).toEqual([]);
}
