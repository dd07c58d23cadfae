import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, signIn, signOut } from './support';

// A talent admin curates a move on the career map (added with a note), and a colleague sees it
// marked on the map, in the picture's accessible names and in the list view. Roles far from the
// demo people's own keep other journeys' maps unchanged.
const stamp = Date.now().toString(36);
const note = `Our farm-to-board programme ${stamp}`;

test('a talent admin adds a move with a note and people see it on the map', async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Curated moves' }).click();
  await expect(page.getByRole('heading', { name: 'Curated moves', level: 1 })).toBeVisible();
  await expectAccessible(page);
  // A retried run finds the move it curated before: remove it first.
  const earlier = page.getByRole('button', { name: /Remove the curated move Chief Executives to Farmers/ });
  if (await earlier.count()) await earlier.click();

  // A mistake first: the field says what is wrong and keeps what was typed.
  await page.getByLabel('From role').fill('Chief Executives');
  await page.getByLabel('To role').fill('Chief Executives');
  await page.getByRole('button', { name: 'Save curated move' }).click();
  await expect(page.getByText('To role must be another role')).toBeVisible();
  await expect(page.getByLabel('From role')).toHaveValue('Chief Executives');
  await expectAccessible(page);

  await page.getByLabel('To role').fill('11-9013.00');
  await page.getByLabel('Kind of move, for an added move').selectOption('across');
  await page.getByLabel('Note people see with the move').fill(note);
  await page.getByRole('button', { name: 'Save curated move' }).click();
  await expect(page.getByText('Curated move saved')).toBeVisible();
  await expect(page.getByRole('cell', { name: /Chief Executives → Farmers, Ranchers/ })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, DEMO.employee);
  await page.goto('/map?role=11-1011.00');
  await expect(page.getByRole('heading', { name: 'Career map', level: 1 })).toBeVisible();
  await expect(page.getByText(`Recommended by the talent team: ${note}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`recommended by the talent team: ${note}`) })).toBeVisible();
  await expectAccessible(page);
});
