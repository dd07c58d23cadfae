import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, signIn, signOut } from './support';

test.describe('smoke', () => {
  test('the server reports itself healthy', async ({ request }) => {
    expect((await request.get('/healthz')).status()).toBe(200);
    expect((await request.get('/readyz')).status()).toBe(200);
  });

  test('the login page loads and is accessible', async ({ page }) => {
    const response = await page.goto('/login');
    expect(response?.status()).toBe(200);
    await expect(page.getByLabel('Email', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expectAccessible(page);
  });

  test('a wrong password is refused', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(DEMO.employee);
    await page.getByLabel('Password', { exact: true }).fill(`${DEMO_PASSWORD}-wrong`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/login(?:[?#]|$)/);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  });

  test('an employee signs in, sees the home page, and signs out', async ({ page }) => {
    await signIn(page, DEMO.employee, DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
    const home = page.url();

    await signOut(page);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })
      .or(page.getByRole('link', { name: 'Sign in', exact: true })).first()).toBeVisible();

    // The session is really gone: the page we were on now sends us to the login page.
    await page.goto(home);
    await expect(page).toHaveURL(/\/login(?:[?#]|$)/);
  });
});
