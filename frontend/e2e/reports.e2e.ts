// Weekly reports against the real binary and the demo data: an intern
// writes this week's report, saves it as a draft and submits it; their
// supervisor sends it back with a comment from the Weekly reports queue;
// the intern sees the comment, revises and resubmits; the supervisor
// accepts. The intern (Chiara Romano, CPP, under Marc Dubois) has no
// report for this week in the demo, and no other browser test touches
// weekly reports. Axe and screenshots of both pages on the way.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, login, newTab, screenshot, type Tab, withBrowser } from './support';

const intern = { email: 'c.romano@demo.tracker', name: 'Chiara Romano' };

/** thisMonday is the Monday of the current ISO week, as the server names the week. */
function thisMonday(): string {
  const d = new Date();
  const utc = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  utc.setUTCDate(utc.getUTCDate() - ((utc.getUTCDay() + 6) % 7));
  return utc.toISOString().slice(0, 10);
}

const browser = withBrowser();
let internTab: Tab;
let supTab: Tab;

beforeAll(async () => {
  internTab = await newTab(browser());
  supTab = await newTab(browser());
  await login(internTab.page, intern.email);
  await login(supTab.page, demo.supervisor);
});

function reportCard(page: Page) {
  return page.locator('section.card', { has: page.getByRole('heading', { name: "This week's report" }) });
}

async function openQueue(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Weekly reports' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Weekly reports' }).waitFor();
}

describe('weekly report', () => {
  const week = thisMonday();
  const who = `the report of ${intern.name} for the week of ${week}`;

  it('the intern writes this week’s report, saves a draft and submits it', async () => {
    const { page } = internTab;
    await page.goto('/my/placement');
    const card = reportCard(page);
    await card.waitFor();
    await card.getByLabel('Done this week').fill('Read the Mediterranean Dialogue files.');
    await card.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('Draft saved');
    await expect.poll(() => card.locator('.report-badge--draft').count()).toBe(1);
    // Submitting without "Next" is refused beside the field.
    await card.getByRole('button', { name: 'Submit' }).click();
    await card.getByText('Write something here before submitting.').waitFor();
    await card.getByLabel('Next').fill('Draft the activity plan.');
    await card.getByLabel('Blockers').fill('Waiting for access to the shared drive.');
    await card.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('Report submitted');
    await card.locator('.report-badge--submitted').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'reports-intern-submitted');
    expect(internTab.pageErrors).toEqual([]);
    expect(internTab.cspViolations).toEqual([]);
  });

  it('the supervisor sends it back with a comment from the queue', async () => {
    const { page } = supTab;
    await openQueue(page);
    const item = page.locator('li.report-review', { has: page.getByRole('heading', { name: new RegExp(intern.name) }) })
      .filter({ hasText: 'Read the Mediterranean Dialogue files.' });
    await item.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'reports-queue');
    await item.getByRole('button', { name: `Needs revision: ${who}` }).click();
    // The comment is required.
    await item.getByRole('button', { name: 'Send back', exact: true }).click();
    await item.getByText('Say what needs to change before sending the report back.').waitFor();
    await item.getByLabel('What needs to change').fill('Say which partners you met.');
    await item.getByRole('button', { name: 'Send back', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('sent back for revision');
    await expect.poll(() => item.count()).toBe(0);
  });

  it('the intern sees the comment, revises and resubmits', async () => {
    const { page } = internTab;
    await page.reload();
    const card = reportCard(page);
    await card.getByText('Say which partners you met.').waitFor();
    await card.locator('.report-badge--needs_revision').first().waitFor();
    await card.getByLabel('Done this week').fill('Read the Mediterranean Dialogue files; met the Jordan and Morocco liaison officers.');
    await card.getByRole('button', { name: 'Resubmit' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('Report submitted');
    await card.locator('.report-badge--submitted').first().waitFor();
  });

  it('the supervisor accepts it', async () => {
    const { page } = supTab;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Weekly reports' }).waitFor();
    const item = page.locator('li.report-review').filter({ hasText: 'met the Jordan and Morocco liaison officers' });
    await item.getByRole('button', { name: `Accept ${who}` }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('accepted');
    await expect.poll(() => item.count()).toBe(0);
    expect(supTab.pageErrors).toEqual([]);
    expect(supTab.cspViolations).toEqual([]);

    const ipage = internTab.page;
    await ipage.reload();
    const card = reportCard(ipage);
    await card.locator('.report-badge--accepted').first().waitFor();
    await card.getByText('Accepted by your supervisor.').waitFor();
  });
});
