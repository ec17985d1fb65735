// Learning objectives in the browser: a supervisor adds an objective to an
// intern's placement from its timeline and links one of the intern's tasks;
// the intern sees it on their home with its progress; the intern logs
// progress on the task and the objective's progress moves with it. The test
// makes its own intern, placement and task, so no other test's data moves.
import { beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../src/lib/api/schema';
import { apiLogin, created, placeIntern, unique, type Api } from './admin-api';
import { closeClean, demo, expectAccessible, isoDay, type List, login, newTab, screenshot, signedInTab, withBrowser } from './support';

type User = components['schemas']['User'];
type Branch = components['schemas']['Branch'];
type Placement = components['schemas']['Placement'];
type Project = components['schemas']['Project'];
type Task = components['schemas']['Task'];
type Objective = components['schemas']['Objective'];

const internPassword = 'objectives-e2e-passphrase';

const browser = withBrowser();
let admin: Api;
let intern: User;
let placement: Placement;
let task: Task;

beforeAll(async () => {
  admin = await apiLogin(demo.admin);
  const supervisor = await apiLogin(demo.supervisor);
  const branches = await admin.get<List<Branch>>('/branches');
  const cpp = branches.items.find((b) => b.code === 'CPP')!;
  const suffix = unique();
  ({ user: intern, placement } = await placeIntern(admin, {
    email: `e2e.objectives.${suffix}@demo.tracker`, name: `Objective Intern ${suffix}`, password: internPassword,
    branchId: cpp.id, supervisorId: supervisor.me.id, start: isoDay(-20), placement: { branch_id: cpp.id },
  }));
  const projects = await admin.get<List<Project>>(`/projects?branch_id=${cpp.id}&per_page=100`);
  task = await created<Task>(admin, '/tasks', {
    project_id: projects.items[0]!.id, title: `Summarise the EU staff talks ${suffix}`, assignee_id: intern.id, estimate_hours: 8,
  });
});

describe('learning objectives', () => {
  it('are added by the supervisor, seen by the intern on their home, and move with the linked task', async () => {
    const title = `Write for senior readers ${unique()}`;

    // The supervisor adds the objective from the intern's timeline and links the task.
    const sup = await newTab(browser());
    await login(sup.page, demo.supervisor);
    await sup.page.goto(`/placements/${placement.id}/timeline`);
    await sup.page.getByRole('heading', { level: 2, name: 'Learning objectives' }).waitFor();
    await sup.page.getByRole('button', { name: 'Add objective' }).click();
    const dialog = sup.page.getByRole('dialog', { name: 'New learning objective' });
    await dialog.getByLabel(/^Objective/).fill(title);
    await dialog.getByLabel(/^Description/).fill('Short briefs a senior reader can use as they are.');
    await dialog.getByRole('checkbox', { name: task.title }).check();
    await dialog.getByRole('button', { name: 'Add objective' }).click();
    await dialog.waitFor({ state: 'detached' });
    const supList = sup.page.getByRole('list', { name: 'Learning objectives' });
    await supList.getByRole('heading', { name: title }).waitFor();
    await supList.getByRole('list', { name: `Tasks linked to ${title}` }).getByRole('link', { name: task.title }).waitFor();
    expect(await sup.page.getByRole('progressbar', { name: `Progress of ${title}` }).getAttribute('aria-valuenow')).toBe('0');
    await expectAccessible(sup.page);
    await screenshot(sup.page, 'objectives-supervisor');
    await closeClean(sup);

    const stored = await admin.get<List<Objective>>(`/placements/${placement.id}/objectives`);
    expect(stored.items.map((o) => [o.title, o.task_ids])).toEqual([[title, [task.id]]]);

    // The intern sees it on their home, with its progress and its task.
    const tab = await signedInTab(browser(), intern.email, { password: internPassword });
    const { page } = tab;
    expect(new URL(page.url()).pathname).toBe('/my/placement');
    const list = page.getByRole('list', { name: 'Learning objectives' });
    await list.getByRole('heading', { name: title }).waitFor();
    const bar = page.getByRole('progressbar', { name: `Progress of ${title}` });
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');
    await list.getByText('0 of 1 task done').waitFor();
    expect(await page.getByRole('button', { name: 'Add objective' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'objectives-intern');

    // The intern logs progress on the linked task; the objective follows.
    await list.getByRole('link', { name: task.title }).click();
    await page.getByRole('heading', { level: 1, name: task.title }).waitFor();
    await page.getByLabel('Note').fill('First summary drafted');
    await page.getByLabel(/^New progress/).fill('40');
    await page.getByRole('button', { name: 'Log progress' }).click();
    await page.getByRole('status').getByText('Progress logged.').waitFor();
    await page.goBack();
    await list.getByRole('heading', { name: title }).waitFor();
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('40');
    await closeClean(tab);
  });
});
