// Every main page of every role, found from the route table
// (src/config/paths.ts) so that new pages are covered without editing this
// file: axe-core finds no serious or critical violation (light and dark),
// nothing is wider than a 390 px phone, no script error or CSP violation,
// and screenshots at desktop, phone and phone-dark width are written to
// e2e/screenshots/page-<role>-<name>-*.png. Problems are gathered per role
// and reported together, so one run lists them all.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths } from '../src/config/paths';
import { apiLogin } from './admin-api';
import { demo, desktop, expectAccessible, newTab, phone, screenshot, signedInTab, withBrowser } from './support';

type Entry = { name: string; path: string };

/** The pages of the route table; "/" only redirects, and the sign-in page is checked signed out. */
const entries: Entry[] = Object.entries(paths)
  .map(([name, p]) => ({ name, path: p.path as string }))
  .filter((e) => e.name !== 'home' && e.name !== 'signIn');

const roles = {
  intern: demo.intern,
  supervisor: demo.supervisor,
  leadership: demo.leadership,
  admin: demo.admin,
} as const;

const browser = withBrowser();

/**
 * concrete turns a path with parameters into one to visit: for
 * "/things/:id" the first thing the account may read (GET /api/v1/things);
 * null when it can read none. "/projects/board"-like fixed paths pass.
 */
async function concrete(path: string, email: string): Promise<string | null> {
  if (!path.includes(':')) return path;
  if (path === paths.evaluation.path) {
    // An evaluation (issue 7): the first the account may read.
    const api = await apiLogin(email);
    const list = await api.get<{ items: { id: number; placement_id: number }[] }>('/evaluations?per_page=1').catch(() => null);
    const ev = list?.items[0];
    return ev ? paths.evaluation.to(ev.placement_id, ev.id) : null;
  }
  const m = /^\/([a-z-]+)\/:id$/.exec(path);
  if (!m) return null;
  const api = await apiLogin(email);
  try {
    const list = await api.get<{ items: { id: number }[] }>(`/${m[1]}?per_page=1`);
    const id = list.items[0]?.id;
    return id ? path.replace(':id', String(id)) : null;
  } catch {
    return null;
  }
}

/** settle waits for the page's data: no request in flight and no loading indicator. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('main .loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(150);
}

async function problemsOn(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let colour transitions finish, or axe measures colours half-way.
    await page.waitForTimeout(400);
    try {
      await expectAccessible(page);
    } catch (e) {
      // expectAccessible fails with the list of violations as the assertion's actual value.
      const actual = (e as { actual?: unknown }).actual;
      found.push(`axe (${scheme}): ${Array.isArray(actual) ? actual.join(' | ') : (e as Error).message}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(phone);
  await page.waitForTimeout(100);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > phone.width) found.push(`wider than a phone: ${width}px at ${phone.width}px`);
  await page.setViewportSize(desktop);
  return found;
}

describe('every main page', () => {
  it('the sign-in page, signed out', async () => {
    const tab = await newTab(browser());
    await tab.page.goto('/sign-in');
    await tab.page.getByRole('heading', { level: 1 }).waitFor();
    const problems = await problemsOn(tab.page);
    await screenshot(tab.page, 'page-sign-in');
    expect([...problems, ...tab.pageErrors, ...tab.cspViolations]).toEqual([]);
    await tab.context.close();
  });

  for (const [role, email] of Object.entries(roles)) {
    it(`the pages of ${role}`, { timeout: 300_000 }, async () => {
      const tab = await signedInTab(browser(), email);
      const { page } = tab;
      const report: string[] = [];
      const visited: string[] = [];
      for (const e of entries) {
        const path = await concrete(e.path, email);
        if (!path) continue;
        const before = tab.pageErrors.length + tab.cspViolations.length;
        await page.goto(path);
        const h1 = page.locator('main#main h1');
        await h1.waitFor();
        const title = (await h1.textContent()) ?? '';
        if (title === 'Not available for your role' || title === 'Page not found') continue;
        await settle(page);
        visited.push(`${e.name} (${path})`);
        for (const p of await problemsOn(page)) report.push(`${e.name} ${path}: ${p}`);
        await screenshot(page, `page-${role}-${e.name}`);
        for (const p of [...tab.pageErrors, ...tab.cspViolations].slice(before)) report.push(`${e.name} ${path}: ${p}`);
      }
      console.log(`${role}: checked ${visited.join(', ')}`);
      if (report.length) console.log(`${role}: problems\n  ${report.join('\n  ')}`);
      expect(visited.length).toBeGreaterThan(0);
      expect(report).toEqual([]);
      await tab.context.close();
    });
  }
});
