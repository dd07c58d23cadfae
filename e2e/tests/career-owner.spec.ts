import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

// The demo manager's name; the demo employee (Jordan Lee) reports to them.
const MANAGER_NAME = 'Sam Taylor';

/** The order of the factors on the compass page, as their labels. */
async function factorOrder(page: Page): Promise<string[]> {
  return page.locator('[data-ranking] li[data-factor]').evaluateAll((items) =>
    items.map((li) => (li as HTMLElement).dataset.label ?? ''),
  );
}

/** Adds a colleague to the internal-customer map unless they are there already; ends on their page. */
async function ensureCustomer(page: Page, email: string, name: string, relationship: string, strength: string, next: string) {
  await page.goto('/customers');
  const existing = page.getByRole('table').getByRole('link', { name, exact: true });
  if (await existing.count()) {
    // Already on the map (the demo seeds some customers): set the details this journey needs.
    await existing.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.getByLabel('Relationship', { exact: true }).selectOption({ label: relationship });
    await page.getByRole('radio', { name: new RegExp(`^${strength} · `) }).check();
    await page.getByLabel('Next contact due').fill(next);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    return;
  }
  await page.getByLabel('Colleague', { exact: true }).fill(email);
  await page.getByLabel('Relationship', { exact: true }).selectOption({ label: relationship });
  await page.getByLabel('What are they trying to achieve?').fill('Cut the time new joiners need to get productive.');
  await page.getByRole('radio', { name: new RegExp(`^${strength} · `) }).check();
  await page.getByLabel('Next contact due').fill(next);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

function isoDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

test.describe('career owner', () => {
  // Each journey runs several accessibility scans; give slow machines room.
  test.describe.configure({ timeout: 90_000 });

  test('an employee ranks the four factors with the keyboard', async ({ page }) => {
    await signIn(page, DEMO.employee);
    await page.getByRole('link', { name: 'Compass', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your career compass' })).toBeVisible();
    await expect(page.locator('form[data-rank-form].enhanced')).toBeAttached();
    await expectAccessible(page);

    // Start from the bottom, whatever an earlier run left.
    const down = page.getByRole('button', { name: 'Move Continued learning down' });
    while (await down.isEnabled()) await down.press('Enter');
    const up = page.getByRole('button', { name: 'Move Continued learning up' });
    await up.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await expect(page.locator('[data-rank-status]')).toContainText('Continued learning is now 1st. Saved.', { timeout: 15_000 });
    // Focus stays with the factor that moved (its up button is disabled at the top).
    await expect(page.getByRole('button', { name: 'Move Continued learning down' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-rank-status]')).toContainText('Continued learning is now 2nd. Saved.', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Move Continued learning up' }).press('Enter');
    await expect(page.locator('[data-rank-status]')).toContainText('is now 1st. Saved.', { timeout: 15_000 });

    await page.getByLabel('Your job now').first().selectOption('not_met');
    await expect(page.locator('[data-rank-status]')).toContainText('Not met. Saved.', { timeout: 15_000 });

    await page.reload();
    expect((await factorOrder(page))[0]).toBe('Continued learning');
    await expect(page.getByLabel('Your job now').first()).toHaveValue('not_met');

    await page.getByRole('link', { name: 'See how your compass changed' }).click();
    await expect(page.getByRole('img', { name: /Ranking of the four factors/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /Rankings/ })).toContainText('Continued learning');
    await expectAccessible(page);
  });

  test('an employee drags a factor to the top', async ({ page }) => {
    await signIn(page, DEMO.employee);
    await page.goto('/compass');
    await expect(page.locator('form[data-rank-form].enhanced')).toBeAttached();
    const order = await factorOrder(page);
    const last = order[3];
    const handle = page.locator(`li[data-label="${last}"] .rank-handle`);
    await handle.dragTo(page.locator('[data-ranking] li[data-factor]').first(), { targetPosition: { x: 10, y: 5 } });
    await expect(page.locator('[data-rank-status]')).toContainText(`${last} is now 1st. Saved.`, { timeout: 15_000 });
    await page.reload();
    expect((await factorOrder(page))[0]).toBe(last);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the arrow buttons still move a factor', async ({ page }) => {
      await signIn(page, DEMO.employee);
      await page.goto('/compass');
      const before = await factorOrder(page);
      const second = before[1];
      await page.getByRole('button', { name: `Move ${second} up` }).click();
      await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
      expect((await factorOrder(page))[0]).toBe(second);
    });
  });

  test('an employee adds two customers and sees the network picture', async ({ page }) => {
    await signIn(page, DEMO.employee);
    await page.goto('/customers');
    await expectAccessible(page);
    await ensureCustomer(page, DEMO.manager, MANAGER_NAME, 'Manager', '4', isoDay(-3));
    await ensureCustomer(page, DEMO.admin, 'Priya Shah', 'Sponsor', '2', isoDay(20));

    await page.goto('/customers');
    const picture = page.getByRole('group', { name: /Your network: you in the centre/ });
    await expect(picture).toBeVisible();
    const overdue = picture.getByRole('link', { name: `${MANAGER_NAME}: Manager, strength 4 of 5, contact overdue` });
    await expect(overdue).toBeVisible();
    await expect(picture.getByRole('link', { name: 'Priya Shah: Sponsor, strength 2 of 5' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'overdue' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(MANAGER_NAME) })).toContainText('Overdue');

    // The picture is reachable by keyboard: its links open the customer's page.
    await overdue.focus();
    await expect(overdue).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: MANAGER_NAME })).toBeVisible();
    await expectAccessible(page);
  });

  test('an employee logs a conversation with a closed question and sees the reframe', async ({ page }) => {
    await signIn(page, DEMO.employee);
    await ensureCustomer(page, DEMO.manager, MANAGER_NAME, 'Manager', '4', isoDay(-3));
    await page.getByRole('link', { name: `Log a conversation with ${MANAGER_NAME}` }).click();
    await expect(page.getByRole('checkbox', { name: new RegExp(MANAGER_NAME) })).toBeChecked();
    await expect(page.locator('form.enhanced')).toBeAttached();
    await page.getByLabel('Kind', { exact: true }).selectOption('career');
    await page.getByLabel('Questions you asked (one per line)').fill('Do you have a job opening for me?');
    // Live coaching while typing.
    await expect(page.locator('[data-coach-lines-result]')).toContainText('Closed', { timeout: 15_000 });
    await page.getByText('Pick questions from the bank').click();
    await page.getByRole('checkbox', { name: 'What are you most trying to achieve this year?' }).check();
    await page.getByLabel('What you learned', { exact: true }).fill('Onboarding is slow; the team loses a month per new joiner.');
    await page.getByLabel('Need 1', { exact: true }).fill('Faster onboarding for new joiners');
    await page.getByRole('button', { name: 'Add another row' }).first().click();
    await expect(page.getByLabel('Need 4', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Evidence for need 4', { exact: true })).toHaveValue('');
    await page.getByLabel('Evidence for need 1', { exact: true }).fill('Two joiners waited a month for access.');
    await page.getByLabel('Follow-up 1', { exact: true }).fill('Send Sam a one-page onboarding plan');
    await page.getByLabel('Due for follow-up 1', { exact: true }).fill(isoDay(2));
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save conversation' }).click();

    await expect(page.getByText('Conversation saved.')).toBeVisible();
    const asked = page.locator('.asked > li').filter({ hasText: 'Do you have a job opening for me?' });
    await expect(asked.getByText('Closed', { exact: true })).toBeVisible();
    await expect(asked.getByText('Try instead:')).toBeVisible();
    await expect(asked.locator('.reframe')).not.toContainText('job opening');
    await expect(page.locator('.asked > li').filter({ hasText: 'most trying to achieve' }).getByText('Open', { exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Conversations' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    const due = page.getByRole('region', { name: 'Follow-ups due' });
    await expect(due).toContainText('Send Sam a one-page onboarding plan');
  });

  test('the question coach judges live, and the bank has open questions by theme', async ({ page }) => {
    await signIn(page, DEMO.employee);
    await page.getByRole('link', { name: 'Coach', exact: true }).click();
    await expect(page.locator('form[data-coach].enhanced')).toBeAttached();
    await page.getByLabel('Your question').fill('Is there anything else?');
    const result = page.locator('[data-coach-result]');
    await expect(result).toContainText('Closed', { timeout: 15_000 });
    await page.getByLabel('Your question').fill('Could you walk me through how your team sets its goals?');
    await expect(result.getByText('Open', { exact: true })).toBeVisible({ timeout: 15_000 });
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Pitch coach' }).click();
    await expect(page.locator('form[data-coach].enhanced')).toBeAttached();
    await page.getByLabel('Your pitch').fill('I want to lead the onboarding project because it would help my promotion.');
    await expect(result).toContainText('Suggested opening', { timeout: 15_000 });
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Question bank' }).click();
    await expect(page.getByRole('heading', { name: /Goals/ })).toBeVisible();
    await expectAccessible(page);
  });

  test('a shared compass is visible to the manager until it is made private again', async ({ browser }) => {
    const employee = await (await browser.newContext()).newPage();
    await signIn(employee, DEMO.employee);
    await employee.goto('/compass');
    await employee.getByLabel('Add a value').fill('Craft');
    await employee.getByRole('button', { name: 'Add', exact: true }).click();
    const sharing = employee.getByRole('region', { name: 'Who can see your compass' });
    for (const section of ['What you want from work', 'Values']) {
      await sharing.getByLabel(section, { exact: true }).selectOption('manager');
    }
    await employee.getByRole('button', { name: 'Save sharing' }).click();
    await expect(employee.getByText('Sharing saved.', { exact: false })).toBeVisible();
    const me = await employee.locator('a.who').getAttribute('href');

    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, DEMO.manager);
    await manager.goto('/compass/shared');
    await expectAccessible(manager);
    await manager.getByRole('link', { name: 'Jordan Lee' }).click();
    await expect(manager.getByRole('heading', { name: 'What they want from work' })).toBeVisible();
    await expect(manager.getByText('Craft', { exact: true })).toBeVisible();
    await expectAccessible(manager);

    for (const section of ['What you want from work', 'Values', 'Skills', 'Interests and aspirations']) {
      await sharing.getByLabel(section, { exact: true }).selectOption('private');
    }
    await employee.getByRole('button', { name: 'Save sharing' }).click();
    await expect(employee.getByText('Sharing saved.', { exact: false })).toBeVisible();

    await manager.reload();
    await expect(manager.getByText('has not shared their compass with you')).toBeVisible();
    await expect(manager.getByText('Craft', { exact: true })).toHaveCount(0);
    await manager.goto(`${me}/compass`);
    await expect(manager.getByRole('heading', { name: 'What they want from work' })).toHaveCount(0);
    await manager.goto('/compass/shared');
    await expect(manager.getByRole('link', { name: 'Jordan Lee' })).toHaveCount(0);

    // Leave the demo as it was: other journeys on this server (the foundation one) expect the
    // employee's skills shared with the manager, as the demo creates them.
    await sharing.getByLabel('Skills', { exact: true }).selectOption('manager');
    await Promise.all([
      employee.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/compass/visibility')),
      employee.getByRole('button', { name: 'Save sharing' }).click(),
    ]);
  });
});
