import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn, signOut } from './support';

// The leadership-opportunity journey: a need becomes an opportunity with a value proposition,
// is proposed to the manager, supported, piloted with check-ins from both sides, and ends in a
// new organisation role that appears in the catalogue and in the person's role history.
// (Logging the conversation that discovered the need belongs to the career-owner pages; this
// journey starts from the need typed on the board.)

const stamp = Date.now().toString(36);
const title = `Onboarding in a day ${stamp}`;
const roleTitle = `Onboarding Lead ${stamp}`;

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

test('a need becomes a pilot and a new role', async ({ page }) => {
  // Three people sign in and out across a dozen pages: longer than the default budget.
  test.slow();
  await signIn(page, DEMO.employee);
  await nav(page, 'Opportunities');
  await expect(page.getByRole('heading', { name: 'Your opportunities', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('The need you discovered').fill('New joiners wait a week for their accounts');
  await page.getByLabel('Whose goal it serves').fill('Head of Support');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  await page.getByLabel('The problem').fill('Joiners cannot help customers in their first week.');
  await page.getByLabel('The outcome').fill('Every joiner answers a customer on day one.');
  await page.getByLabel('How it would be measured').fill('Days from start to first ticket.');
  await page.getByLabel('Continued learning').check();
  await page.getByLabel('Your pitch, in your words').fill('I want more visibility and a promotion for my career.');
  await page.getByRole('button', { name: 'Save the value proposition' }).click();
  await expect(page.getByText('It leads with you. Open with')).toBeVisible();
  await page
    .getByLabel('Your pitch, in your words')
    .fill('Support wants every new joiner to help customers on day one. Accounts ready before the first morning would get them there.');
  await page.getByRole('button', { name: 'Save the value proposition' }).click();
  await expect(page.getByText('It leads with you. Open with')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Sponsor's e-mail").fill(DEMO.manager);
  await page.getByLabel('Share of your time (%)').fill('20');
  await page.getByLabel('Duration (weeks)').fill('8');
  await page.getByRole('button', { name: 'Send the proposal' }).click();
  await expect(page.getByText('Proposal sent')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, DEMO.manager);
  await nav(page, 'Inbox');
  await expectAccessible(page);
  await page.getByRole('link', { name: title }).first().click();
  await page.getByLabel('Support', { exact: true }).check();
  await page.getByLabel('Reason or question').fill('Yes: start with the next intake.');
  await page.getByRole('button', { name: 'Send the answer' }).click();
  await expect(page.getByText('Answer sent')).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.employee);
  await nav(page, 'Opportunities');
  await page.getByRole('link', { name: title }).click();
  await page.getByLabel('Extra responsibilities').fill('Prepare accounts for each intake');
  await page.getByLabel('Agreed share of time (%)').fill('20');
  await page.getByLabel('Starts (YYYY-MM-DD)').fill('2026-11-02');
  await page.getByLabel('Ends (YYYY-MM-DD)').fill('2026-12-21');
  await page.getByRole('button', { name: 'Start the pilot' }).click();
  await expect(page.getByText('Pilot started')).toBeVisible();
  await page.getByLabel('Your check-in note').fill('First intake: all five joiners answered a customer on day one.');
  await page.getByRole('button', { name: 'Add check-in' }).click();
  await expect(page.getByText('all five joiners')).toBeVisible();
  await expectAccessible(page);
  const pilotUrl = page.url().split('?')[0];
  await signOut(page);

  await signIn(page, DEMO.manager);
  await page.goto(pilotUrl);
  await page.getByLabel('Your check-in note').fill('Support leads ask to keep it.');
  await page.getByRole('button', { name: 'Add check-in' }).click();
  await expect(page.getByText('Support leads ask to keep it.')).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.employee);
  await page.goto(pilotUrl);
  await page.getByLabel('Outcome', { exact: true }).selectOption('new_role');
  await page.getByLabel('Reflection: what you and the business learned').fill('Onboarding is a job of its own.');
  await page.getByLabel('Role title').fill(roleTitle);
  await page.getByLabel('Role description').fill('Gets every joiner working on day one.');
  await page.getByLabel('Move me into this role now').check();
  await page.getByRole('button', { name: 'End the pilot' }).click();
  await expect(page.getByText('Pilot ended')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: roleTitle }).click();
  await expect(page.getByRole('heading', { name: roleTitle, level: 1 })).toBeVisible();
  await page.goto('/');
  await page.locator('a.who').click();
  await expect(page.getByText(roleTitle).first()).toBeVisible();
});

test('a card is dragged to another column, and an illegal drop says why', async ({ page }) => {
  const name = `Drag me ${stamp}`;
  await signIn(page, DEMO.employee);
  await page.goto('/opportunities');
  await page.getByLabel('Title', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.goto('/opportunities');
  const card = page.locator('[data-card]').filter({ hasText: name });
  await card.dragTo(page.locator('[data-stage="exploring"]'), { sourcePosition: { x: 4, y: 4 } });
  await expect(page.getByText('Moved to Exploring')).toBeVisible();
  await card.dragTo(page.locator('[data-stage="piloting"]'), { sourcePosition: { x: 4, y: 4 } });
  await expect(page.getByText('a pilot needs a proposal a sponsor supported')).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-stage="exploring"] [data-card]').filter({ hasText: name })).toHaveCount(1);
  await expectAccessible(page);
});
