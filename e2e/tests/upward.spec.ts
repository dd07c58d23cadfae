import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

// Leading upwards. A manager opens a career-conversation guide and practises a question the
// coach flags; an employee sees the demo's reminder to ask again, prepares a new ask with a
// question checked by the coach, records it, and asks the waiting one again. Every page
// visited gets an accessibility scan.

test('a manager practises coaching questions from a guide', async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto('/coach/guides');
  await expect(page.getByRole('heading', { name: 'Career conversations', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Growth', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Growth', level: 1 })).toBeVisible();
  await page.getByLabel('Question 1').fill('Do you want a promotion?');
  await page.getByLabel('Question 2').fill('Which parts of the business are you curious about?');
  await page.getByRole('button', { name: 'Check my questions' }).click();
  await expect(page.getByText('1 of 2', { exact: true })).toBeVisible();
  await expect(page.getByText('Assumes "up"').first()).toBeVisible();
  await expect(page.getByText('Ready to ask', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('an employee prepares an ask, records it and asks again when nothing moved', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.employee);
  await page.goto('/asks');
  await expect(page.getByRole('heading', { name: 'Time to ask again' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Prepare an ask' }).click();
  await expect(page.getByRole('heading', { name: 'What I want' })).toBeVisible();
  await expect(page.getByLabel('Whom I will ask')).toContainText('(your manager)');
  await page.getByLabel('What I will ask for').fill('A seat in the quarterly planning meeting');
  await page.getByLabel('What I offer in return').fill('The release calendar, kept up to date for everyone');
  await page.getByLabel('Question 1').fill('Can I join the planning meeting?');
  await page.getByRole('button', { name: 'Check my questions' }).click();
  await expect(page.getByText('Closed', { exact: true })).toBeVisible();
  await expect(page.getByLabel('What I will ask for')).toHaveValue('A seat in the quarterly planning meeting');
  await expectAccessible(page);
  await page.getByLabel('Question 1').fill('What would you want from me in that meeting?');
  await page.getByRole('button', { name: 'Record the ask' }).click();
  await expect(page.getByText('Ask recorded.')).toBeVisible();
  await expect(page.getByText('Waiting for an answer')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/asks');
  await page.getByRole('region', { name: 'Time to ask again' }).getByRole('link').first().click();
  await page.getByLabel('What has changed since').fill('The billing release went out last week.');
  await page.getByRole('button', { name: 'I asked again' }).click();
  await expect(page.getByText('Asked again. The reminder starts over.')).toBeVisible();
  await expect(page.getByText('The billing release went out last week.')).toBeVisible();
  await expectAccessible(page);
});
