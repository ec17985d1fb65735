// The board's charts, its as_of day kept in the URL, its links to the
// placement timelines, and its print stylesheet: leadership sees both
// charts (drawn by the lazily loaded Chartist chunk, with their data as
// text and tables), sets a past day that survives a reload, follows an
// intern needing attention to the Gantt chart, and prints the summary on
// one A4 page.
import { describe, expect, it } from 'vitest';
import type { components } from '../src/lib/api/schema';
import { apiLogin } from './admin-api';
import { closeClean, demo, expectAccessible, login, newTab, screenshot, signedInTab, withBrowser } from './support';

type Board = components['schemas']['Board'];
type Timeline = components['schemas']['Timeline'];

const browser = withBrowser();

/** localDay is a day n days before today in the viewer's calendar (the board's "As of" field), as YYYY-MM-DD. */
function localDay(daysBack: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysBack);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('board charts', () => {
  it('shows tasks by status per stream and the weekly completions, with their data as text', async () => {
    const board = await (await apiLogin(demo.leadership)).get<Board>('/board');
    const tab = await newTab(browser());
    const { page } = tab;
    const chunks: string[] = [];
    page.on('request', (r) => { if (/\/assets\/board-charts-[^/]*\.js$/.test(r.url())) chunks.push(r.url()); });
    await login(page, demo.leadership);
    await page.getByRole('heading', { level: 1, name: 'Status board' }).waitFor();

    const status = page.getByRole('region', { name: 'Tasks by status in each stream' });
    const weekly = page.getByRole('region', { name: 'Tasks completed per week' });
    await status.locator('svg .ct-bar').first().waitFor({ state: 'attached' }); // an SVG line has no box: attached, not visible
    await weekly.locator('svg .ct-bar').first().waitFor({ state: 'attached' }); // an SVG line has no box: attached, not visible
    expect(chunks, 'the chart library comes in its own chunk').toHaveLength(1);

    // One stacked segment per (status, stream): 5 statuses x the streams with tasks.
    const streams = new Set(board.cells.filter((c) => c.total > 0).map((c) => c.stream_id));
    expect(await status.locator('svg .ct-series').count()).toBe(5);
    expect(await status.locator('svg .ct-bar').count()).toBe(5 * streams.size);
    // 26 weeks, as bars and as rows of the hidden table.
    expect(await weekly.locator('svg .ct-bar').count()).toBe(26);
    const weeklyTable = weekly.getByRole('table', { name: /Tasks completed per ISO week/ });
    expect(await weeklyTable.locator('tbody tr').count()).toBe(26);
    const completed = board.weekly_completions.reduce((n, w) => n + w.completed, 0);
    await weekly.locator('figcaption').getByText(completed > 0 ? new RegExp(`^${completed} tasks? completed in 26 weeks`) : /No task was completed/).waitFor();
    const total = board.cells.reduce((n, c) => n + c.total, 0);
    await status.locator('figcaption').getByText(new RegExp(`^${total} tasks: Done \\d+`)).waitFor();
    // The charts are hidden from assistive technology; the tables say it instead.
    expect(await status.locator('.ct-box').getAttribute('aria-hidden')).toBe('true');
    await status.getByRole('table', { name: /Tasks by status in each stream/ }).locator('tbody tr').first().waitFor({ state: 'attached' });

    // Blocked work says since when, in the matrix.
    if (board.cells.some((c) => c.blocked_since)) {
      await page.getByRole('table', { name: /Task counts/ }).getByText(/Oldest blocked \d+ days?|Blocked since today/).first().waitFor();
    }

    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(400);
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'board-charts');
    await closeClean(tab);
  });

  it('keeps the as_of day in the URL across a reload', async () => {
    const day = localDay(30);
    const tab = await signedInTab(browser(), demo.leadership);
    const { page } = tab;
    await page.goto('/board');
    await page.getByRole('table', { name: /Task counts/ }).waitFor();
    const boardResponse = page.waitForResponse((r) => r.url().includes(`/api/v1/board?`) && r.url().includes(`as_of=${day}`));
    await page.getByLabel('As of').fill(day);
    await expect.poll(() => new URL(page.url()).searchParams.get('as_of')).toBe(day);
    const answered = (await (await boardResponse).json()) as Board;
    expect(answered.as_of).toBe(day);
    await page.getByRole('status').getByText(/^The board as it stood at the end of /).waitFor();

    await page.reload();
    await page.getByRole('table', { name: /Task counts/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('as_of')).toBe(day);
    expect(await page.getByLabel('As of').inputValue()).toBe(day);
    await page.getByRole('status').getByText(/^The board as it stood at the end of /).waitFor();
    await screenshot(page, 'board-as-of');

    await page.getByRole('button', { name: 'Back to today' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('as_of')).toBe(false);
    expect(tab.pageErrors).toEqual([]);
    await tab.context.close();
  });

  it('leads from an intern needing attention to the Gantt chart of the placement', async () => {
    const api = await apiLogin(demo.leadership);
    const board = await api.get<Board>('/board');
    const tab = await signedInTab(browser(), demo.leadership);
    const { page } = tab;
    await page.goto('/board');
    // An intern needing attention whose placement has tasks to draw: the
    // first in the list may have none (other files make placements without
    // tasks, or hand one over, and those lag the most).
    let placement: Board['active_placements'][number] | undefined;
    let timeline: Timeline | undefined;
    for (const p of board.active_placements.filter((x) => x.health !== 'on_track')) {
      timeline = await api.get<Timeline>(`/placements/${p.id}/timeline`);
      if (timeline.tasks.length > 0) {
        placement = p;
        break;
      }
    }
    expect(placement, 'an intern needing attention has tasks').toBeDefined();
    if (!placement || !timeline) return;
    const name = placement.intern_name;
    const attention = page.getByRole('region', { name: 'Interns' }).locator('.board-pgroup--attention');
    await attention.getByRole('link', { name, exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/placements/${placement.id}/timeline`);
    await page.getByRole('heading', { level: 1, name: `Timeline of ${name}` }).waitFor();

    // The Gantt's own lists: the page also lists each objective's "Tasks linked to …".
    const gantt = page.getByRole('group', { name: `Timeline of ${name}: tasks and milestones over the months of the placement` });
    const tasks = gantt.getByRole('list', { name: 'Tasks', exact: true });
    await tasks.getByRole('link').first().waitFor();
    expect(await tasks.getByRole('link').count()).toBe(timeline.tasks.length);
    expect(await gantt.getByRole('list', { name: 'Milestones', exact: true }).getByRole('img').count()).toBe(timeline.milestones.length);
    await page.locator('svg.gantt .gantt__today line').waitFor({ state: 'attached' }); // an active placement: today is inside
    expect(await page.locator('svg.gantt .gantt__today text').textContent()).toBe('Today');
    // Overdue work is marked in words, not colour alone.
    const overdue = timeline.tasks.filter((x) => x.overdue).length;
    expect(await page.locator('svg.gantt .gantt__tag').count()).toBe(overdue);

    // The keyboard reaches the bars, and each says what it is.
    await page.locator('svg.gantt').getByRole('img').first().focus();
    for (let i = 0; i < timeline.milestones.length; i++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ cls: document.activeElement?.getAttribute('class'), label: document.activeElement?.getAttribute('aria-label') }));
    expect(focused.cls).toContain('gantt__bar');
    expect(focused.label).toMatch(/, (To do|In progress|Blocked|In review|Done), \d+% done, /);
    await expectAccessible(page);
    expect(tab.pageErrors).toEqual([]);
    await tab.context.close();
  });

  it('prints its summary on one A4 page', async () => {
    const tab = await signedInTab(browser(), demo.leadership);
    const { page } = tab;
    await page.goto('/board');
    await page.getByRole('region', { name: 'Tasks completed per week' }).locator('svg .ct-bar').first().waitFor({ state: 'attached' }); // an SVG line has no box: attached, not visible
    await page.emulateMedia({ media: 'print' });
    // What the print shows: no navigation, no filters; the matrix, the charts, who needs attention, who ends soon.
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('search', { name: 'Filter the board' }).isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: 'Recent activity' }).isVisible()).toBe(false);
    for (const name of [/Task counts/]) expect(await page.getByRole('table', { name }).isVisible()).toBe(true);
    for (const name of ['Tasks by status in each stream', 'Tasks completed per week', 'Ending in the next 30 days']) {
      expect(await page.getByRole('region', { name }).isVisible(), name).toBe(true);
    }
    // The room left on the page, laid out at the printable width of A4
    // (210 x 297 mm less the 10 mm margins of src/styles/index.css, at 96 px
    // an inch): the summary should not be a row away from a second page.
    const mm = 96 / 25.4;
    await page.setViewportSize({ width: Math.floor(190 * mm), height: Math.floor(277 * mm) });
    const used = await page.evaluate(() => document.querySelector('.main__inner')!.getBoundingClientRect().bottom + window.scrollY);
    const free = 1 - used / (277 * mm);
    console.log(`board print: ${Math.round(used)} px of ${Math.round(277 * mm)}, ${Math.round(free * 100)}% of the page free`);
    expect(free, 'room left on the printed page').toBeGreaterThanOrEqual(0.1);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    if (process.env.E2E_DEBUG) (await import('node:fs')).writeFileSync('/tmp/board-print.pdf', pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
    await tab.context.close();
  });
});
