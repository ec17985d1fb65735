// Onboarding and offboarding checklists in the browser: the admin adds an
// item to MC's template on the Checklists page; a placement created next
// (a new intern of this test's own, placed ten days ago) gets it; that
// intern sees it overdue on My placement and ticks it; the supervisor sees
// the checklist, with the items still overdue, on the placement's timeline.
//
// The intern, the placement and the template item are this test's own:
// made here and removed (or disabled) afterwards, so that no other test's
// data changes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../src/lib/api/schema';
import { apiLogin, patchUser, placeIntern, unique, type Api } from './admin-api';
import { demo, expectAccessible, isoDay, screenshot, signedInTab, withBrowser } from './support';

type Branch = components['schemas']['Branch'];
type User = components['schemas']['User'];
type Placement = components['schemas']['Placement'];
type TemplateItem = components['schemas']['ChecklistTemplateItem'];

const u = unique();
const itemTitle = `E2E photo for the badge ${u}`;
const internPassword = `e2e checklist passphrase ${u}`;

const browser = withBrowser();
let admin: Api;
let mc: Branch;
let intern: User | undefined;
let placement: Placement | undefined;
let template: TemplateItem | undefined;
let supervisor: User | undefined;

beforeAll(async () => {
  admin = await apiLogin(demo.admin);
  const branches = await admin.get<{ items: Branch[] }>('/branches');
  const found = branches.items.find((b) => b.code === 'MC');
  if (!found) throw new Error('no MC branch in the demo data');
  mc = found;
});

afterAll(async () => {
  if (placement) await admin.send('DELETE', `/placements/${placement.id}`);
  if (template) await admin.send('DELETE', `/branches/${mc.id}/checklist/${template.id}`);
  if (intern) await patchUser(admin, intern.id, { active: false });
});

// settle waits for what the page shows to be done loading: no spinner and no
// busy region left in main. Not 'networkidle': the notification bell polls and
// the queries refetch after a tick, so the network need not go quiet for 500 ms
// in time (it timed out now and then).
async function settle(page: Page) {
  await page.locator('main .loading').first().waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator('main [aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 });
}

describe('checklists', () => {
  it('lets the admin add a template item that the next placement gets', async () => {
    const tab = await signedInTab(browser(), demo.admin);
    const { page } = tab;
    await page.getByRole('navigation').getByRole('link', { name: 'Checklists' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Checklists' }).waitFor();
    await page.getByLabel('Branch').selectOption(String(mc.id));
    await page.getByText('Badge and equipment returned').first().waitFor();
    await page.getByRole('button', { name: 'Add an item' }).click();
    const form = page.getByRole('form', { name: 'New checklist item' });
    await form.getByLabel('Title').fill(itemTitle);
    await form.getByLabel('Phase').selectOption('onboarding');
    await form.getByLabel('Counted from').selectOption('start');
    await form.getByLabel('Days').fill('3');
    await form.getByRole('button', { name: 'Add item' }).click();
    await page.getByRole('status').filter({ hasText: 'Item added to the template.' }).waitFor();
    await page.getByText(itemTitle).waitFor();
    await expect(page.getByText('3 days after the start').first().isVisible()).resolves.toBe(true);
    await settle(page);
    await expectAccessible(page);
    await screenshot(page, 'checklists-admin');

    const tpl = await admin.get<{ items: TemplateItem[] }>(`/branches/${mc.id}/checklist`);
    template = tpl.items.find((i) => i.title === itemTitle);
    expect(template?.offset_days).toBe(3);

    // A new MC intern placed ten days ago, under an MC supervisor.
    const sups = await admin.get<{ items: User[] }>(`/users?role=supervisor&branch_id=${mc.id}&per_page=100`);
    const sup = sups.items.find((s) => s.active && s.email.endsWith('@demo.tracker'));
    if (!sup) throw new Error('no active MC supervisor in the demo data');
    supervisor = sup;
    ({ user: intern, placement } = await placeIntern(admin, {
      email: `e2e.checklist.${u}@example.org`, name: `E2E Checklist ${u}`, password: internPassword, user: { locale: 'en' },
      branchId: mc.id, supervisorId: sup.id, start: isoDay(-10),
    }));
    // Every onboarding item (start +1, +2, +3, +5) is overdue: off track.
    expect(placement.checklist_overdue).toBe(4);
    expect(placement.health).toBe('off_track');
    const items = await admin.get<{ items: { title: string; due_date: string; overdue: boolean }[] }>(`/placements/${placement.id}/checklist`);
    expect(items.items.find((i) => i.title === itemTitle)).toMatchObject({ due_date: isoDay(-7), overdue: true });
    await tab.context.close();
  });

  it('lets the intern tick an overdue item on My placement', async () => {
    if (!intern || !placement) throw new Error('the first test made no placement');
    const tab = await signedInTab(browser(), intern.email, { password: internPassword });
    const { page } = tab;
    await page.getByRole('heading', { level: 2, name: 'Checklist' }).waitFor();
    await page.getByText("4 items overdue: they count against the placement's health.").waitFor();
    const onboarding = page.getByRole('region', { name: 'Onboarding' });
    const row = onboarding.getByRole('listitem').filter({ hasText: itemTitle });
    // waitFor, not isVisible: the heading shows before the items have loaded.
    await row.getByText('Overdue').waitFor();
    const box = row.getByRole('checkbox', { name: itemTitle });
    await expect(box.isChecked()).resolves.toBe(false);
    await box.check();
    await row.getByText(/^Done by E2E Checklist/).waitFor();
    await expect(row.getByText('Overdue').count()).resolves.toBe(0);
    await expect(box.isChecked()).resolves.toBe(true);
    await page.getByText("3 items overdue: they count against the placement's health.").waitFor();
    // The other onboarding items stay overdue.
    await expect(onboarding.getByText('Overdue').count()).resolves.toBe(3);
    await settle(page);
    await expectAccessible(page);
    await screenshot(page, 'checklists-intern');
    expect(tab.pageErrors).toEqual([]);
    expect(tab.cspViolations).toEqual([]);

    const after = await admin.get<{ items: { title: string; done_at: string | null; done_by: number | null }[] }>(`/placements/${placement.id}/checklist`);
    expect(after.items.find((i) => i.title === itemTitle)).toMatchObject({ done_by: intern.id });
    await tab.context.close();
  });

  it('shows the supervisor the checklist with its overdue items on the timeline page', async () => {
    if (!placement || !supervisor) throw new Error('the first test made no placement');
    const tab = await signedInTab(browser(), supervisor.email);
    const { page } = tab;
    await page.goto(`/placements/${placement.id}/timeline`);
    await page.getByRole('heading', { level: 2, name: 'Checklist' }).waitFor();
    const row = page.getByRole('listitem').filter({ hasText: 'Security briefing attended' });
    // waitFor, not isVisible: the heading shows before the items have loaded.
    await row.getByText('Overdue').waitFor();
    await row.getByRole('checkbox').check();
    await row.getByText(/^Done by /).waitFor();
    await tab.context.close();
  });
});
