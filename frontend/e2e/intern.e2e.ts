// The intern's browser tests: My placement as the intern's home, a task
// page where she logs progress and sends the task to review, a deep link
// that survives a reload, and a 412 conflict between two tabs recovered
// without losing what was typed.
//
// The tasks these tests change are their own: made through the API in
// beforeAll (by a CPP supervisor, assigned to Emma Laurent) and deleted in
// afterAll, so no other test's data is touched.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, closeClean, demo, demoPassword, expectAccessible, login, newTab, screenshot, signedInTab, withBrowser } from './support';

const fixtureSupervisor = 's.lindqvist@demo.tracker'; // CPP, like the intern

type Session = { token: string; userId: number };

async function apiLogin(email: string): Promise<Session> {
  const res = await fetch(`${baseURL()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  const body = (await res.json()) as { access_token: string; user: { id: number } };
  return { token: body.access_token, userId: body.user.id };
}

async function api<T>(s: Session, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${s.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const browser = withBrowser();
let supervisor: Session;
let intern: Session;
const created: number[] = [];

const reviewTitle = 'E2E intern: summary of the OSCE structured dialogue';
const conflictTitle = 'E2E intern: partner feedback digest';
let reviewTask: number;
let conflictTask: number;

/** makeInProgressTask creates a task for the intern in a CPP project and logs a first entry as her, so it is in progress. */
async function makeInProgressTask(title: string, description: string): Promise<number> {
  const projects = await api<{ items: { id: number }[] }>(supervisor, 'GET', '/projects?branch_id=1&per_page=1');
  const project = projects.items[0];
  if (!project) throw new Error('no CPP project in the demo data');
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const task = await api<{ id: number }>(supervisor, 'POST', '/tasks', {
    project_id: project.id, title, description, assignee_id: intern.userId, priority: 'high', due_date: due, estimate_hours: 6,
  });
  created.push(task.id);
  await api(intern, 'POST', `/tasks/${task.id}/progress`, { note: 'Read the background papers', progress: 20, hours: 1.5 });
  return task.id;
}

beforeAll(async () => {
  supervisor = await apiLogin(fixtureSupervisor);
  intern = await apiLogin(demo.intern);
  reviewTask = await makeInProgressTask(reviewTitle, 'Two pages for the branch head.\nList the open points per participating State.');
  conflictTask = await makeInProgressTask(conflictTitle, 'Collect the partners’ feedback on the last activity cycle.');
});

afterAll(async () => {
  // Put things back: the tasks (with their logs and comments) go, so other test files see the demo data as seeded.
  for (const id of created) await api(supervisor, 'DELETE', `/tasks/${id}`);
});

async function openTask(page: Page, id: number, title: string) {
  await page.goto(`/tasks/${id}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('my placement', () => {
  it('is the intern’s home: month N of 6, progress against time, health, milestones and tasks by status', async () => {
    const tab = await signedInTab(browser(), demo.intern);
    const { page } = tab;
    await expect.poll(() => new URL(page.url()).pathname).toBe('/my/placement');
    await page.getByRole('heading', { level: 1, name: 'My placement' }).waitFor();
    await page.getByRole('heading', { name: 'Month 5 of 6' }).waitFor();
    await page.getByRole('progressbar', { name: 'Work completed' }).waitFor();
    await page.getByRole('progressbar', { name: 'Time elapsed' }).waitFor();
    // The supervisor as the placement summary names them (a sent-back weekly report names its reviewer too).
    await page.getByRole('region', { name: 'Month 5 of 6' }).getByText('Lt Col. Marc Dubois', { exact: true }).waitFor();
    await page.getByText('Mid-term review').waitFor();
    const inProgress = page.getByRole('list', { name: 'In progress' });
    await inProgress.getByRole('link', { name: reviewTitle }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'my-placement');
    await closeClean(tab);
  });

  it('lists my tasks with a status filter that stays in the address', async () => {
    const tab = await signedInTab(browser(), demo.intern);
    const { page } = tab;
    await page.goto('/my/tasks');
    await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
    await page.getByLabel('Status').selectOption('in_progress');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('in_progress');
    const list = page.getByRole('list', { name: 'Tasks' });
    await list.getByRole('link', { name: conflictTitle }).waitFor();
    await page.reload();
    await page.getByRole('list', { name: 'Tasks' }).getByRole('link', { name: conflictTitle }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('in_progress');
    await expectAccessible(page);
    await screenshot(page, 'my-tasks');
    await tab.context.close();
  });
});

describe('the task page', () => {
  it('lets the intern log progress and send the task to review', async () => {
    const tab = await signedInTab(browser(), demo.intern);
    const { page } = tab;
    await page.getByRole('list', { name: 'In progress' }).getByRole('link', { name: reviewTitle }).click();
    await page.getByRole('heading', { level: 1, name: reviewTitle }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tasks/${reviewTask}`);
    // The description keeps its line breaks.
    await page.getByText('List the open points per participating State.').waitFor();

    await page.getByLabel('Note').fill('Drafted the summary: participants, open points, next steps');
    await page.getByLabel(/^New progress/).fill('60');
    await page.getByLabel(/^Hours spent/).fill('2');
    await page.getByRole('button', { name: 'Log progress' }).click();
    await page.getByRole('status').getByText('Progress logged.').waitFor();

    const newest = page.getByRole('list', { name: 'History' }).getByRole('listitem').first();
    await newest.getByText('Drafted the summary: participants, open points, next steps').waitFor();
    expect(await newest.textContent()).toContain('60%');
    expect(await newest.textContent()).toContain('2 h');
    expect(await newest.textContent()).toContain('Emma Laurent');
    await expect.poll(() => page.getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuenow')).toBe('60');

    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByRole('status').getByText('Status changed to In review.').waitFor();
    await expect.poll(() => page.locator('.page-header').textContent()).toContain('In review');
    expect(await page.getByRole('button', { name: 'Send for review' }).count()).toBe(0);
    await page.getByText('Waiting for review').waitFor();

    await expectAccessible(page);
    await screenshot(page, 'task');
    await closeClean(tab);
  });

  it('survives a reload on a deep link', async () => {
    const tab = await signedInTab(browser(), demo.intern);
    const { page } = tab;
    await openTask(page, conflictTask, conflictTitle);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: conflictTitle }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tasks/${conflictTask}`);
    await page.getByRole('list', { name: 'History' }).getByText('Read the background papers').waitFor();
    await tab.context.close();
  });

  it('lets the intern comment, edit her comment and delete it after a confirmation', async () => {
    const tab = await signedInTab(browser(), demo.intern);
    const { page } = tab;
    await openTask(page, conflictTask, conflictTitle);
    await page.getByRole('textbox', { name: 'Add a comment' }).fill('Should the digest cover the PfP partners too?');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const comment = page.getByRole('listitem', { name: 'Comment by Emma Laurent' });
    await comment.getByText('Should the digest cover the PfP partners too?').waitFor();
    expect(await page.getByRole('textbox', { name: 'Add a comment' }).inputValue()).toBe('');

    await comment.getByRole('button', { name: 'Edit' }).click();
    await comment.getByRole('textbox', { name: 'Edit the comment' }).fill('Should the digest cover the PfP and MD partners too?');
    await comment.getByRole('button', { name: 'Save' }).click();
    await comment.getByText('Should the digest cover the PfP and MD partners too?').waitFor();
    await comment.getByText('edited').waitFor();

    await comment.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this comment?' });
    await dialog.getByRole('button', { name: 'Delete comment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('No comments yet.').waitFor();
    await tab.context.close();
  });

  it('shows leadership the task read-only', async () => {
    const tab = await signedInTab(browser(), demo.leadership);
    const { page } = tab;
    await openTask(page, conflictTask, conflictTitle);
    await page.getByText('You can read this task but not change it.').waitFor();
    expect(await page.getByRole('button', { name: 'Log progress' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Add a comment' }).count()).toBe(0);
    await tab.context.close();
  });

  it('shows a 412 when the task changed in another tab, keeps the typed note on reload, and the retry succeeds', async () => {
    const a = await newTab(browser());
    const b = await newTab(browser());
    await login(a.page, demo.intern);
    await login(b.page, demo.intern);
    await openTask(a.page, conflictTask, conflictTitle);
    await openTask(b.page, conflictTask, conflictTitle);

    // Tab B starts typing a progress note.
    await b.page.getByLabel('Note').fill('Typed before the conflict: three partners answered');

    // Meanwhile tab A blocks the task and resumes it: same status, newer version.
    await a.page.getByRole('button', { name: 'Mark as blocked' }).click();
    await a.page.getByRole('status').getByText('Status changed to Blocked.').waitFor();
    await a.page.getByRole('button', { name: 'Resume work' }).click();
    await a.page.getByRole('status').getByText('Status changed to In progress.').waitFor();

    // Tab B's move is based on the old version: 412.
    await b.page.getByRole('button', { name: 'Send for review' }).click();
    const notice = b.page.getByRole('alert').filter({ hasText: 'This item was changed by someone else meanwhile.' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Reload and keep my changes' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await b.page.getByLabel('Note').inputValue()).toBe('Typed before the conflict: three partners answered');

    // The retry succeeds, and the kept note can still be logged.
    await b.page.getByRole('button', { name: 'Send for review' }).click();
    await b.page.getByRole('status').getByText('Status changed to In review.').waitFor();
    await b.page.getByRole('button', { name: 'Log progress' }).click();
    await b.page.getByRole('status').getByText('Progress logged.').waitFor();
    await b.page.getByRole('list', { name: 'History' }).getByRole('listitem').first().getByText('Typed before the conflict: three partners answered').waitFor();

    expect(b.pageErrors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
