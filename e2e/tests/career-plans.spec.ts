import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn, signOut } from './support';

// The career-plan journey: from the map, re-centred on a sideways role by keyboard, to a
// target; a path whose gap links to an opportunity; a plan created from that path, shared
// with the manager, who reads it and logs a review.

const stamp = Date.now().toString(36);
const opportunityTitle = `Customer insight sprint ${stamp}`;

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

test('a path becomes a plan that the manager reviews', async ({ page }) => {
  // Two people, a dozen pages, and a career graph that may still be building: a long budget.
  test.setTimeout(240_000);
  await signIn(page, DEMO.employee);
  await nav(page, 'Career map');
  // The graph is built in the background after the server starts; reload until it is ready.
  const sideways = page.getByRole('region', { name: 'Sideways', exact: true });
  await expect(async () => {
    await page.reload();
    await expect(sideways.getByRole('link').first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await expectAccessible(page);

  // Re-centre on a sideways role with the keyboard only.
  const neighbour = sideways.getByRole('listitem').first().getByRole('link').first();
  const neighbourTitle = (await neighbour.textContent())?.trim() ?? '';
  await neighbour.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/map\?role=/, { timeout: 20_000 });
  await expect(page.getByText(`Moves from ${neighbourTitle}`).first()).toBeVisible();

  // Choose a target from the re-centred map and see the path with its gaps.
  await page.getByRole('link', { name: 'Path and skill gaps' }).first().click();
  await expect(page.getByRole('heading', { name: /^Path 1:/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Skills to build:').first()).toBeVisible();
  const pathUrl = page.url();
  const gap = ((await page.locator('.gap-name').first().textContent()) ?? '').trim();
  expect(gap, 'the path has a skill gap').not.toBe('');
  await expectAccessible(page);

  // An opportunity of one's own that grows the skill in that gap.
  await nav(page, 'Opportunities');
  await page.getByLabel('Title', { exact: true }).fill(opportunityTitle);
  await page.getByLabel('The need you discovered').fill('Customers ask for features nobody measured');
  await page.getByLabel('Whose goal it serves').fill('Head of Product');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: opportunityTitle, level: 1 })).toBeVisible();
  await page.getByLabel('Skills I would grow').fill(gap);
  // The page already says "Opportunity saved" from the start: wait for this save itself.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/opportunities/')),
    page.getByRole('button', { name: 'Save the value proposition' }).click(),
  ]);
  await page.waitForLoadState();

  // Back on the path, the gap links to the opportunity.
  await page.goto(pathUrl);
  const closers = page.getByRole('list', { name: `What could close the gap in ${gap}` }).first();
  await expect(closers.getByRole('link', { name: opportunityTitle })).toBeVisible();
  await expectAccessible(page);

  // Create a plan from the path: goal and growth items come pre-filled.
  await page.getByRole('link', { name: 'Create a plan from path 1' }).click();
  await expect(page.getByRole('heading', { name: 'New career plan', level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel(`Growth (opportunity): ${opportunityTitle}`)).toBeChecked();
  await expectAccessible(page);
  const planTitle = `My next move ${stamp}`;
  await page.getByLabel('Title', { exact: true }).fill(planTitle);
  await page
    .getByLabel('The business case: the value to the organisation')
    .fill('Product wants features customers use. Measuring what customers ask for would tell the team what to build next.');
  await page.getByLabel('First milestone (optional)').fill('Run the first insight sprint');
  await page.getByLabel('First milestone date (YYYY-MM-DD)').fill('2027-03-31');
  await page.getByRole('button', { name: 'Create the plan' }).click();
  await expect(page.getByRole('heading', { name: planTitle, level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Private: only you can see it.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Growth', exact: true }).getByRole('link', { name: opportunityTitle })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Alignment with the organisation/ })).toBeVisible();
  await expectAccessible(page);

  // Share it with the manager.
  await page.getByRole('button', { name: 'Share with my manager' }).click();
  await expect(page.getByText('Shared with your manager.').first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The manager reads it and logs a review.
  await signIn(page, DEMO.manager);
  await page.goto('/');
  await expect(page.getByRole('link', { name: new RegExp(`: ${planTitle}$`) })).toBeVisible();
  await expectAccessible(page);
  await nav(page, 'Plans');
  await expect(page.getByRole('heading', { name: 'Shared with you' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: new RegExp(`: ${planTitle}$`) }).click();
  await expect(page.getByText('shared with you as their manager')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share with my manager' })).toHaveCount(0);
  const note = `Good start; let us pick a customer for the sprint (${stamp}).`;
  await page.getByLabel('Review note').fill(note);
  await page.getByRole('button', { name: 'Log the review' }).click();
  await expect(page.getByText('Review logged.')).toBeVisible();
  await expect(page.getByText(note)).toBeVisible();
  await expectAccessible(page);
});
