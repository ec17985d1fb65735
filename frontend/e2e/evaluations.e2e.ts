// Evaluations in the browser (issue 7): on a placement of its own, the
// intern fills and submits the self-assessment from their home; the
// supervisor finds it due on My interns, scores, marks it reviewed and
// signs; afterwards the page is read-only for both.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { components } from '../src/lib/api/schema';
import { apiLogin, placeIntern, unique } from './admin-api';
import { demo, demoPassword, expectAccessible, isoDay, type List, login, newTab, screenshot, withBrowser } from './support';

type Evaluation = components['schemas']['Evaluation'];

const browser = withBrowser();

/** scoreAll picks score n for every competency on the page's editable side. */
async function scoreAll(page: Page, n: number) {
  const groups = page.locator('fieldset.eval-rating');
  const count = await groups.count();
  expect(count).toBe(6);
  for (let i = 0; i < count; i++) {
    await groups.nth(i).getByRole('radio', { name: new RegExp(`^${n} · `) }).check();
  }
}

describe('evaluations', () => {
  it('goes from self-assessment to signature, then reads only', { timeout: 180_000 }, async () => {
    const admin = await apiLogin(demo.admin);
    const sup = await apiLogin(demo.supervisor);
    const name = `Eval Intern ${unique()}`;
    const email = `eval-${unique()}@demo.tracker`;
    // Started 80 days ago: the mid-term review falls due within the next two weeks.
    const { placement } = await placeIntern(admin, { name, email, password: demoPassword, branchId: sup.me.branch_id!, supervisorId: sup.me.id, start: isoDay(-80) });
    const evs = await admin.get<List<Evaluation>>(`/placements/${placement.id}/evaluations`);
    const mid = evs.items.find((e) => e.kind === 'midterm')!;
    const evalPath = `/placements/${placement.id}/evaluations/${mid.id}`;

    // The intern: from their home to the self-assessment, then submitted.
    const it1 = await newTab(browser());
    await login(it1.page, email);
    await it1.page.getByRole('link', { name: /Mid-term evaluation due .*: fill your self-assessment/ }).click();
    await expect.poll(() => new URL(it1.page.url()).pathname).toBe(evalPath);
    await it1.page.getByRole('heading', { level: 1, name: `Mid-term evaluation — ${name}` }).waitFor();
    await it1.page.getByText(/assessment shows here once they have reviewed/).waitFor();
    const submit = it1.page.getByRole('button', { name: 'Submit self-assessment' });
    expect(await submit.isDisabled()).toBe(true);
    await scoreAll(it1.page, 3);
    await it1.page.getByLabel('Overall comment').fill('I learned a great deal about partner programmes.');
    await expectAccessible(it1.page);
    await screenshot(it1.page, 'evaluation-intern-draft');
    await submit.click();
    await it1.page.getByText('You submitted your self-assessment; your supervisor is reviewing it.').waitFor();
    expect(await it1.page.getByRole('radio').count()).toBe(0);

    // The supervisor: due on My interns, scored, reviewed, signed.
    const st = await newTab(browser());
    await login(st.page, demo.supervisor);
    await st.page.getByRole('heading', { name: /Evaluations due/ }).waitFor();
    await st.page.getByRole('link', { name: `Mid-term evaluation — ${name}` }).click();
    await expect.poll(() => new URL(st.page.url()).pathname).toBe(evalPath);
    await st.page.getByText('I learned a great deal about partner programmes.').waitFor();
    await scoreAll(st.page, 4);
    await st.page.getByLabel('Comment on Initiative').fill('Takes initiative on every brief.');
    await st.page.getByRole('button', { name: 'Mark reviewed', exact: true }).click();
    await st.page.getByText('The evaluation is reviewed: sign it to make it final.').waitFor();
    await st.page.getByRole('button', { name: 'Sign', exact: true }).click();
    await screenshot(st.page, 'evaluation-after-sign');
    await st.page.getByText(/^Signed by .*can no longer change\.$/).waitFor();
    expect(await st.page.getByRole('radio').count()).toBe(0);
    expect(await st.page.getByRole('textbox').count()).toBe(0);
    expect(await st.page.getByRole('button', { name: /^(Save|Sign|Mark reviewed|Send back to the intern)$/ }).count()).toBe(0);
    await expectAccessible(st.page);
    await screenshot(st.page, 'evaluation-signed');

    // Read-only for the intern too, who now sees the supervisor's side.
    await it1.page.reload();
    await it1.page.getByText(/^Signed by .*can no longer change\.$/).waitFor();
    await it1.page.getByText('Takes initiative on every brief.').waitFor();
    expect(await it1.page.getByRole('radio').count()).toBe(0);
    expect(await it1.page.getByRole('textbox').count()).toBe(0);

    // And the server refuses any change.
    const signed = await sup.get<Evaluation>(evalPath);
    expect(signed.state).toBe('signed');
    const r = await sup.send<{ code: string }>('PATCH', evalPath, { state: 'draft' }, { 'If-Match': `"${signed.version}"` });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('evaluation_signed');
    expect([...it1.pageErrors, ...it1.cspViolations, ...st.pageErrors, ...st.cspViolations]).toEqual([]);
    await it1.context.close();
    await st.context.close();
  });
});
