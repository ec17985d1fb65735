// Timelines in the browser: an intern's own placement as a Gantt chart
// (reached from My placement), read by keyboard and as a table; the cohort
// view of a year for leadership and a supervisor, its year kept in the URL;
// the handover report, printable; and no timeline of another's placement.
import { describe, expect, it } from 'vitest';
import type { components } from '../src/lib/api/schema';
import { apiLogin } from './admin-api';
import { closeClean, demo, expectAccessible, type List, login, newTab, screenshot, signedInTab, withBrowser } from './support';

type Placement = components['schemas']['Placement'];
type Timeline = components['schemas']['Timeline'];
type Handover = components['schemas']['Handover'];

const browser = withBrowser();

/** touches tells whether a placement has days in a calendar year. */
const touches = (p: Placement, year: number) => p.start_date <= `${year}-12-31` && p.end_date >= `${year}-01-01`;

describe('placement timeline', () => {
  it('shows an intern their placement as a Gantt chart, readable by keyboard and as a table', async () => {
    const api = await apiLogin(demo.intern);
    const mine = await api.get<List<Placement>>(`/placements?intern_id=${api.me.id}`);
    const current = mine.items.find((p) => p.state === 'active')!;
    const timeline = await api.get<Timeline>(`/placements/${current.id}/timeline`);
    const tab = await signedInTab(browser(), demo.intern);
    const { page } = tab;
    await page.getByRole('link', { name: 'Timeline' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/placements/${current.id}/timeline`);
    await page.getByRole('heading', { level: 1, name: `Timeline of ${current.intern_name}` }).waitFor();

    const chart = page.getByRole('group', { name: /^Timeline of .*: tasks and milestones/ });
    await chart.waitFor();
    // Six month columns, one bar per task, one diamond per milestone, a today line.
    expect(await chart.locator('.gantt__month').allTextContents()).toEqual(['Month 1', 'Month 2', 'Month 3', 'Month 4', 'Month 5', 'Month 6']);
    expect(await chart.getByRole('list', { name: 'Tasks' }).getByRole('link').count()).toBe(timeline.tasks.length);
    expect(await chart.getByRole('list', { name: 'Milestones' }).getByRole('img').count()).toBe(timeline.milestones.length);
    await chart.locator('.gantt__today line').waitFor({ state: 'attached' });

    // The keyboard goes through the diamonds, then the bars; each says what it is.
    await chart.getByRole('list', { name: 'Milestones' }).getByRole('img').first().focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^(Onboarding|Mid-term|Final).*, due /i);
    for (let i = 0; i < timeline.milestones.length; i++) await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    const first = timeline.tasks.find((x) => label?.startsWith(`${x.title},`));
    expect(first, `focused bar "${label}" is a task`).toBeDefined();
    expect(label).toContain(`${first!.progress}% done`);
    if (first!.overdue) expect(label).toMatch(/, overdue$/);
    // Enter opens the task.
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/tasks/${first!.id}`);
    await page.goBack();
    await chart.waitFor();

    // The same data as a table, on request.
    const table = page.getByRole('table', { name: /^Tasks of .*, in the order of the chart/ });
    expect(await table.locator('tbody tr').count()).toBe(Math.max(1, timeline.tasks.length));
    await page.getByRole('button', { name: 'Show as a table' }).click();
    expect(await table.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Hide the table' }).waitFor();

    await expectAccessible(page);
    await screenshot(page, 'timeline-intern');
    await closeClean(tab);
  });

  it('is not shown for a placement one may not read', async () => {
    const admin = await apiLogin(demo.admin);
    const all = await admin.get<List<Placement>>('/placements?per_page=100');
    const intern = await apiLogin(demo.intern);
    const other = all.items.find((p) => p.intern_id !== intern.me.id)!;
    const tab = await newTab(browser());
    await login(tab.page, demo.intern);
    await tab.page.goto(`/placements/${other.id}/timeline`);
    await tab.page.getByText('This placement does not exist, or it is not yours to see.').waitFor();
    await tab.context.close();
  });
});

describe('cohort view', () => {
  it('shows leadership every placement of the year, with today, arrivals, departures and overlaps', async () => {
    const year = new Date().getFullYear();
    const api = await apiLogin(demo.leadership);
    const all = await api.get<List<Placement>>('/placements?per_page=100');
    const expected = all.items.filter((p) => touches(p, year));
    const tab = await signedInTab(browser(), demo.leadership);
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cohort' }).waitFor();
    const chart = page.getByRole('group', { name: `Placements of ${year}, by month` });
    await chart.waitFor();
    const bars = chart.getByRole('list', { name: 'Placements' }).getByRole('link');
    expect(await bars.count()).toBe(expected.length);
    expect(await chart.locator('.gantt__month').count()).toBe(12);
    await chart.locator('.gantt__today line').waitFor({ state: 'attached' });
    await page.getByText(new RegExp(`^${expected.length} placements in ${year}: \\d+ arrivals, \\d+ departures, \\d+ handover overlaps\\.$`)).waitFor();
    // Each bar says who, where and when.
    const first = (await bars.first().getAttribute('aria-label')) ?? '';
    expect(expected.some((p) => first.startsWith(`${p.intern_name}, `))).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'cohort');

    // The year travels in the URL; an earlier year has the placements of then.
    await page.getByRole('button', { name: 'Previous year' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(String(year - 1));
    await page.reload();
    const before = all.items.filter((p) => touches(p, year - 1));
    if (before.length) {
      await page.getByRole('group', { name: `Placements of ${year - 1}, by month` }).waitFor();
      expect(await page.getByRole('list', { name: 'Placements' }).getByRole('link').count()).toBe(before.length);
    } else {
      await page.getByText(`No placement in ${year - 1}.`).waitFor();
    }

    // A bar opens the placement's timeline.
    await page.goto(`/placements/cohort?year=${year}`);
    await bars.first().click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/placements\/\d+\/timeline$/);
    expect(tab.pageErrors).toEqual([]);
    await tab.context.close();
  });

  it('shows a supervisor the placements of their branch only', async () => {
    const year = new Date().getFullYear();
    const api = await apiLogin(demo.supervisor);
    const mine = (await api.get<List<Placement>>('/placements?per_page=100')).items.filter((p) => touches(p, year));
    const tab = await newTab(browser());
    await login(tab.page, demo.supervisor);
    await tab.page.goto(`/placements/cohort?year=${year}`);
    const bars = tab.page.getByRole('list', { name: 'Placements' }).getByRole('link');
    await bars.first().waitFor();
    expect(await bars.count()).toBe(mine.length);
    expect(new Set(mine.map((p) => p.branch_id)).size).toBe(1);
    await tab.context.close();
  });
});

describe('handover report', () => {
  it('gives the work per stream with its notes and the open tasks, and prints', async () => {
    const api = await apiLogin(demo.supervisor);
    const placements = await api.get<List<Placement>>('/placements?state=active&per_page=100');
    const p = placements.items[0]!;
    const report = await api.get<Handover>(`/placements/${p.id}/handover`);
    const tab = await signedInTab(browser(), demo.supervisor);
    const { page } = tab;
    await page.goto(`/placements/${p.id}/timeline`);
    await page.getByRole('link', { name: 'Handover report' }).click();
    await page.getByRole('heading', { level: 1, name: `Handover report: ${p.intern_name}` }).waitFor();

    const open = page.getByRole('region', { name: 'Open tasks to pass on' });
    if (report.open_tasks.length) expect(await open.locator('tbody tr').count()).toBe(report.open_tasks.length);
    else await open.getByText('Nothing is left open').waitFor();
    const work = page.getByRole('region', { name: 'Work per stream' });
    for (const s of report.streams) {
      const stream = work.getByRole('region', { name: s.stream_name });
      expect(await stream.locator('.handover__task').count()).toBe(s.tasks.length);
    }
    const notes = report.streams.flatMap((s) => s.tasks.flatMap((x) => x.notes)).filter((n) => n.note.trim());
    if (notes[0]) await work.getByText(notes[0].note.trim().split('\n')[0]!.slice(0, 40), { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Print' }).waitFor();

    await expectAccessible(page);
    await screenshot(page, 'handover');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(tab.pageErrors).toEqual([]);
    await tab.context.close();
  });
});
