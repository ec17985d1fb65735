// Issue 7, parts 5 and 6, against the real binary and the demo data. The
// supervisor hands over a placement in its last days (of an intern this file creates)
// to a successor (created too); the successor finds the tasks on their home,
// and the placement refuses changes afterwards. Then the supervisor assigns
// a task to that intern, whose bell counts it; opening the notification
// leads to the task and the count goes down.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, placeIntern, unique, type Api } from './admin-api';
import { demo, expectAccessible, isoDay, login, newTab, screenshot, withBrowser } from './support';

const password = 'a long enough password 2026';

const browser = withBrowser();
let admin: Api;
let sup: Api;
let cpp = 0;
let project = 0;

/** intern creates a CPP intern placed under the demo supervisor from start (days from today). */
async function intern(label: string, start: number) {
  const name = `${label} ${unique()}`;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@e2e.tracker`;
  const { user, placement } = await placeIntern(admin, { name, email, password, branchId: cpp, supervisorId: sup.me.id, start: isoDay(start) });
  return { id: user.id, name, email, placement };
}

async function task(title: string, assignee: number) {
  const r = await sup.send<{ id: number }>('POST', '/tasks', { project_id: project, title, assignee_id: assignee });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

beforeAll(async () => {
  admin = await apiLogin(demo.admin);
  sup = await apiLogin(demo.supervisor);
  cpp = sup.me.branch_id ?? 0;
  const projects = await sup.get<{ items: { id: number }[] }>(`/projects?branch_id=${cpp}&per_page=1`);
  project = projects.items[0]!.id;
});

describe('handover and notifications', () => {
  let successor: Awaited<ReturnType<typeof intern>>;

  it('the supervisor hands a placement in its last days over; the successor sees the tasks; the placement is read-only', { timeout: 120_000 }, async () => {
    // A placement in its last days: an ended one could not have been given tasks today.
    const leaver = await intern('Leaver', -178);
    successor = await intern('Successor', -20);
    const titles = [`Handover brief ${unique()}`, `Handover follow-up ${unique()}`];
    for (const title of titles) await task(title, leaver.id);

    const tab = await newTab(browser());
    await login(tab.page, demo.supervisor);
    await tab.page.goto(`/placements/${leaver.placement.id}/handover`);
    await tab.page.getByRole('button', { name: 'Hand over' }).click();
    const dialog = tab.page.getByRole('dialog');
    await dialog.getByLabel('Successor', { exact: true }).selectOption({ label: successor.name });
    await expect.poll(() => dialog.textContent()).toContain(`2 open task(s) will be reassigned to ${successor.name}`);
    await expectAccessible(tab.page);
    await dialog.getByRole('button', { name: 'Hand over' }).click();
    await tab.page.getByText('Handed over — read-only.').waitFor();
    expect(await tab.page.getByRole('button', { name: 'Hand over' }).count()).toBe(0);
    await screenshot(tab.page, 'handover-done');
    await tab.context.close();

    const p = await sup.get<{ id: number; version: number; handed_over_at: string | null }>(`/placements/${leaver.placement.id}`);
    expect(p.handed_over_at).not.toBeNull();
    const patch = await sup.send<{ code: string }>('PATCH', `/placements/${p.id}`, { focus: 'changed' }, { 'If-Match': `"${p.version}"` });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('placement_handed_over');

    const home = await newTab(browser());
    await login(home.page, successor.email, password);
    await home.page.getByRole('heading', { name: 'Handed over to you' }).waitFor();
    for (const title of titles) await home.page.getByRole('link', { name: title }).first().waitFor();
    await expectAccessible(home.page);
    await screenshot(home.page, 'handover-received');
    await home.page.getByRole('link', { name: 'Open the handover report' }).click();
    await home.page.getByText('Handed over — read-only.').waitFor();
    await home.context.close();
  });

  it('an assigned task shows on the bell; opening the notification leads to it and the count goes down', { timeout: 120_000 }, async () => {
    const me = await apiLogin(successor.email, password);
    expect((await me.send('POST', '/notifications/read-all')).status).toBe(204);

    const tab = await newTab(browser());
    await login(tab.page, successor.email, password);
    const count = tab.page.locator('.sidebar [data-testid="unread-count"]');
    await expect.poll(() => count.textContent()).toBe('');

    const title = `Notified task ${unique()}`;
    const id = await task(title, successor.id);
    await tab.page.reload();
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toBe('1');

    await tab.page.locator('.sidebar .bell').click();
    await tab.page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await expectAccessible(tab.page);
    await screenshot(tab.page, 'notifications');
    await tab.page.getByRole('link', { name: new RegExp(title) }).click();
    await tab.page.waitForURL(`**/tasks/${id}`);
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toBe('');
    await tab.context.close();
  });
});
