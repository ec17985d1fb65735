// Personal data (issue 7): an intern opens My data from My account,
// downloads the JSON (which holds her tasks) and sees the printable page;
// an admin anonymises a former intern from Personal data, after which the
// name is gone from the users list and the board counts the same.
//
// The intern's part only reads. The admin anonymises a former intern this
// file makes itself (through the API: an account and a placement that ended
// three years ago), so the demo's own former interns stay for other runs.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../src/lib/api/schema';
import { apiLogin, placeIntern, unique, type Api } from './admin-api';
import { demo, expectAccessible, login, newTab, screenshot, withBrowser } from './support';

type Schemas = components['schemas'];

const browser = withBrowser();

describe('My data', () => {
  it('an intern downloads her record as JSON, with her tasks, and opens the printable page', async () => {
    const intern = await apiLogin(demo.intern);
    const mine = await intern.get<{ items: Schemas['Task'][] }>(`/tasks?assignee_id=${intern.me.id}&per_page=100`);
    expect(mine.items.length).toBeGreaterThan(0);

    const { page, context, pageErrors } = await newTab(browser());
    await login(page, demo.intern);
    await page.goto('/account');
    await page.getByRole('link', { name: 'My data' }).click();
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tasks assigned to you' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: mine.items[0]!.title }).first().isVisible()).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Schemas['PersonalExport'];
    expect(file.account.email).toBe(demo.intern);
    expect(JSON.stringify(file)).not.toMatch(/password|argon2/);
    const exported = file.tasks.map((t) => t.task.id).sort((a, b) => a - b);
    expect(exported).toEqual(mine.items.map((t) => t.id).sort((a, b) => a - b));
    expect(file.placements.length).toBeGreaterThan(0);

    await expectAccessible(page);
    await screenshot(page, 'personal-my-data');
    // Printed, the page is the record alone: no navigation, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 2, name: 'Tasks assigned to you' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('Personal data', () => {
  let admin: Api;
  let former: Schemas['User'];

  beforeAll(async () => {
    admin = await apiLogin(demo.admin);
    const suffix = unique();
    const sups = await admin.get<{ items: Schemas['User'][] }>('/users?role=supervisor&branch_id=1&per_page=1');
    const start = new Date();
    start.setUTCFullYear(start.getUTCFullYear() - 3);
    ({ user: former } = await placeIntern(admin, {
      email: `e2e.former.${suffix}@demo.tracker`, name: `Olwen Former ${suffix}`, password: 'former-intern-passphrase',
      branchId: 1, supervisorId: sups.items[0]!.id, start: start.toISOString().slice(0, 10), placement: { focus: 'Olwen’s own focus' },
    }));
  });

  it('an admin anonymises a former intern: the name goes, the board counts the same', async () => {
    const boardBefore = await admin.get<Schemas['Board']>('/board');

    const { page, context, pageErrors } = await newTab(browser());
    await login(page, demo.admin);
    await page.getByRole('navigation').getByRole('link', { name: 'Personal data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personal data' }).waitFor();
    // The demo holds former interns of its own.
    await page.getByRole('rowheader', { name: 'Henrik Aalto' }).waitFor();
    await page.getByRole('rowheader', { name: former.name }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'personal-admin');

    await page.getByRole('button', { name: `Anonymise ${former.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Anonymise 1 person?' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain(former.name);
    await dialog.getByRole('button', { name: 'Anonymise 1 person' }).click();
    await page.getByRole('status').filter({ hasText: '1 person anonymised.' }).waitFor();
    await expect.poll(() => page.getByRole('rowheader', { name: former.name }).count()).toBe(0);

    // The users list no longer knows the name; the placeholder is there.
    await page.goto(`/users?q=${encodeURIComponent(former.name)}`);
    await page.getByText('No user matches these filters.').waitFor();
    expect(await page.getByText(former.name).count()).toBe(0);
    await page.goto(`/users?q=${encodeURIComponent(`Former intern #${former.id}`)}`);
    await page.getByText(`Former intern #${former.id}`).first().waitFor();

    const boardAfter = await admin.get<Schemas['Board']>('/board');
    expect(boardAfter.cells).toEqual(boardBefore.cells);
    expect(boardAfter.weekly_completions).toEqual(boardBefore.weekly_completions);
    expect(boardAfter.active_placements.map((p) => p.id)).toEqual(boardBefore.active_placements.map((p) => p.id));
    expect(JSON.stringify(boardAfter)).not.toContain(former.name);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
