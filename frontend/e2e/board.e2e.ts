// The status board in the browser: leadership's home with the stream x
// branch matrix and the placements ending soon, filters kept in the URL
// across a reload and in a shared link, a supervisor's view of their
// branch, and no board for interns.
import { describe, expect, it } from 'vitest';
import type { components } from '../src/lib/api/schema';
import { apiLogin } from './admin-api';
import { closeClean, demo, expectAccessible, login, newTab, screenshot, signedInTab, withBrowser } from './support';

type Board = components['schemas']['Board'];

const browser = withBrowser();

describe('status board', () => {
  it('is where leadership lands: the matrix, the interns and the placements ending soon', async () => {
    const board = await (await apiLogin(demo.leadership)).get<Board>('/board');
    const tab = await signedInTab(browser(), demo.leadership);
    const { page } = tab;
    await expect.poll(() => new URL(page.url()).pathname).toBe('/board');
    await page.getByRole('heading', { level: 1, name: 'Status board' }).waitFor();

    const matrix = page.getByRole('table', { name: 'Task counts by stream (rows) and branch (columns)' });
    await matrix.waitFor();
    expect(await matrix.getByRole('columnheader').allTextContents()).toEqual(['Stream', 'CPP', 'MC', 'All branches']);
    for (const stream of ['Cooperation with international organisations', 'Partner activities', 'Cooperative Security strategy review']) {
      await matrix.getByRole('rowheader', { name: stream }).waitFor();
    }
    // The whole division's open work, as the API counts it.
    const open = board.cells.reduce((n, c) => n + c.todo + c.in_progress + c.blocked + c.in_review, 0);
    const foot = matrix.getByRole('row', { name: /^All streams/ });
    expect(await foot.getByRole('cell').last().locator('dt:text-is("Open") + dd').textContent()).toBe(String(open));
    // Health is said in words in every cell with tasks.
    expect(await matrix.locator('tbody .badge').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/On track|At risk|Off track/)]));

    const ending = page.getByRole('region', { name: 'Ending in the next 30 days' });
    expect(board.ending_soon.length).toBeGreaterThan(0);
    for (const p of board.ending_soon) await ending.getByText(p.intern_name).waitFor();

    // Interns needing attention come first.
    const interns = page.getByRole('region', { name: 'Interns' });
    const names = await interns.locator('.board-prow__name').allTextContents();
    const firstOnTrack = board.active_placements.filter((p) => p.health === 'on_track').map((p) => names.indexOf(p.intern_name));
    const attention = board.active_placements.filter((p) => p.health !== 'on_track').map((p) => names.indexOf(p.intern_name));
    expect(Math.max(...attention)).toBeLessThan(Math.min(...firstOnTrack));
    await interns.getByRole('progressbar').first().waitFor();
    await page.getByRole('region', { name: 'Recent activity' }).getByRole('listitem').first().waitFor();

    await expectAccessible(page);
    await screenshot(page, 'board');
    await closeClean(tab);
  });

  it('keeps its filters in the URL: they survive a reload and travel in a shared link', async () => {
    const tab = await signedInTab(browser(), demo.leadership);
    const { page } = tab;
    await page.goto('/board');
    const matrix = page.getByRole('table', { name: /Task counts/ });
    await matrix.waitFor();

    await page.getByRole('combobox', { name: 'Branch' }).selectOption({ label: 'MC – Military Cooperation Branch' });
    await expect.poll(() => new URL(page.url()).search).toBe('?branch=2');
    await expect.poll(() => matrix.getByRole('columnheader').allTextContents()).toEqual(['Stream', 'MC']);
    await page.getByRole('combobox', { name: 'Stream' }).selectOption({ label: 'Partner activities' });
    await expect.poll(() => new URL(page.url()).search).toBe('?branch=2&stream=2');
    await expect.poll(() => matrix.getByRole('rowheader').allTextContents()).toEqual(['Partner activities']);
    // Placements follow the branch: only MC interns.
    const interns = page.getByRole('region', { name: 'Interns' });
    expect(await interns.locator('.board-prow__branch').allTextContents()).not.toContain('CPP');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Status board' }).waitFor();
    await matrix.waitFor();
    expect(await page.getByRole('combobox', { name: 'Branch' }).inputValue()).toBe('2');
    expect(await page.getByRole('combobox', { name: 'Stream' }).inputValue()).toBe('2');
    expect(await matrix.getByRole('columnheader').allTextContents()).toEqual(['Stream', 'MC']);
    await screenshot(page, 'board-filtered');

    // The same link, opened by someone else (a supervisor), shows the same view.
    const shared = page.url();
    const other = await newTab(browser());
    await login(other.page, demo.supervisor);
    await other.page.goto(shared);
    const otherMatrix = other.page.getByRole('table', { name: /Task counts/ });
    await otherMatrix.waitFor();
    expect(await otherMatrix.getByRole('columnheader').allTextContents()).toEqual(['Stream', 'MC']);
    expect(await otherMatrix.getByRole('rowheader').allTextContents()).toEqual(['Partner activities']);
    await other.context.close();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => matrix.getByRole('columnheader').allTextContents()).toEqual(['Stream', 'CPP', 'MC', 'All branches']);
    await tab.context.close();
  });

  it('shows a supervisor the placements of their own branch', async () => {
    const tab = await newTab(browser());
    const { page } = tab;
    await login(page, demo.supervisor); // CPP
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Status board' }).waitFor();
    const interns = page.getByRole('region', { name: 'Interns' });
    await interns.getByText('Emma Laurent').waitFor();
    expect(await interns.getByText('Aisha Rahman').count()).toBe(0);
    await tab.context.close();
  });

  it('is not for interns', async () => {
    const tab = await newTab(browser());
    await login(tab.page, demo.intern);
    await tab.page.goto('/board');
    await tab.page.getByRole('heading', { level: 1, name: 'Not available for your role' }).waitFor();
    await tab.context.close();
  });

  it('speaks French', async () => {
    const api = await apiLogin('t.nowak@demo.tracker');
    const tab = await newTab(browser());
    const { page } = tab;
    try {
      const current = await api.get<{ version: number }>(`/users/${api.me.id}`);
      await api.send('PATCH', `/users/${api.me.id}`, { locale: 'fr' }, { 'If-Match': `"${current.version}"` });
      await login(page, 't.nowak@demo.tracker');
      await page.goto('/board');
      await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
      const matrix = page.getByRole('table', { name: 'Nombre de tâches par axe (lignes) et par branche (colonnes)' });
      await matrix.waitFor();
      expect(await matrix.getByRole('columnheader').allTextContents()).toEqual(['Axe', 'CPP', 'MC', 'Toutes les branches']);
      await page.getByRole('region', { name: 'Fin dans les 30 prochains jours' }).waitFor();
      await page.getByRole('region', { name: 'Activité récente' }).getByText(/ a (créé|modifié|noté|commenté|fait passer|porté) /).first().waitFor();
      await page.getByText(/Mois \d sur 6/).first().waitFor();
      await screenshot(page, 'board-fr');
    } finally {
      const current = await api.get<{ version: number }>(`/users/${api.me.id}`);
      await api.send('PATCH', `/users/${api.me.id}`, { locale: 'en' }, { 'If-Match': `"${current.version}"` });
      await tab.context.close();
    }
  });
});
