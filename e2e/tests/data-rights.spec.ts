import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

// Data rights: an employee gathers their data on the Account page, waits while the job runs
// (the page shows where it stands) and downloads the zip. Every page visited gets an
// accessibility scan.

test('an employee downloads all their data', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.employee);
  await page.goto('/account');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Gather my data' }).click();
  await expect(page.getByText('Your data is being gathered.')).toBeVisible();
  const link = page.getByRole('link', { name: /^download \(\d+ KB\)$/ }).first();
  await expect(async () => {
    await page.reload();
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ladderless-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
});
