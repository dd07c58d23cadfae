import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

// Notifications: the demo manager starts with interests in their placement waiting. The
// header says how many are unread; opening one marks it read and leads to the placement; a
// kind turned off is saved. Every page visited gets an accessibility scan.

test('a manager is told of interest in their placement and chooses what reaches them', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.manager);
  const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expectAccessible(page);

  const first = page.locator('.notes > li.new').filter({ hasText: 'is interested in' }).first();
  const title = (await first.getByRole('button').innerText()).replace(/^Unread:\s*/, '').trim();
  await first.getByRole('button').click();
  await expect(page).toHaveURL(/\/placements\/[0-9a-f-]+/);
  await expect(page.getByRole('heading', { name: 'Who is interested' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/notifications');
  const opened = page.locator('.notes > li').filter({ hasText: title });
  await expect(opened).toHaveCount(1);
  await expect(opened).not.toHaveClass(/new/);

  await page.getByLabel('Interest in my placement', { exact: true }).selectOption('off');
  await page.getByRole('button', { name: 'Save choices' }).click();
  await expect(page.getByText('Notification choices saved.')).toBeVisible();
  await expect(page.getByLabel('Interest in my placement', { exact: true })).toHaveValue('off');
  await expectAccessible(page);
});
