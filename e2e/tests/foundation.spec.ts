import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

test.describe('foundation journeys', () => {
  // Journeys visit several pages with an axe scan each; on a busy 2-core machine that takes time.
  test.describe.configure({ timeout: 90_000 });

  test('a manager opens the org chart, their team and a report’s page', async ({ page }) => {
    await signIn(page, DEMO.manager);
    await expect(page.getByRole('heading', { name: 'Hello, Sam' })).toBeVisible();
    await expectAccessible(page);

    // The team the manager leads, as the home page names it (e.g. "Engineering / Platform / Atlas").
    const teamPath = (await page.locator('dt:text-is("Team") + dd').innerText()).trim();
    const teamName = teamPath.split(' / ').pop() as string;

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Org chart' }).click();
    await expect(page.getByRole('heading', { name: 'Org chart', level: 1 })).toBeVisible();
    await expectAccessible(page);

    // The viewer's own branch is open; follow it to the team.
    await page.getByRole('link', { name: teamName, exact: true }).first().click();
    await expect(page.getByRole('heading', { name: teamName, level: 1 })).toBeVisible();
    await expect(page.getByText(teamPath, { exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Jordan Lee', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Jordan Lee', level: 1 })).toBeVisible();
    await expect(page.locator('dt:text-is("Manager") + dd')).toHaveText('Sam Taylor');
    // The manager may see the report's role history. (Whether skills show depends on the
    // employee's sharing, which the compass journey changes on this same server: not asserted.)
    await expect(page.getByRole('heading', { name: 'Role history' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Skills', level: 2 })).toBeVisible();
    await expectAccessible(page);
  });

  test('an admin uploads a CSV with two bad rows and nothing is imported', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto('/admin/import');
    await expect(page.getByRole('heading', { name: 'Import people', level: 1 })).toBeVisible();
    await expectAccessible(page);

    const csv = [
      'employee_id,name,email,manager_employee_id,role_start_date',
      'N1,Quentin Quill,quentin@example.com,E000001,2024-01-01',
      'N2,Rhea Rowe,rhea-at-example.com,E000001,2024-01-01',
      'N3,Sol Stone,sol@example.com,E000001,03/04/2024',
    ].join('\n');
    await page.getByLabel('File (CSV or JSON)').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();

    const report = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await expect(report).toContainText('2 problems in people.csv');
    const rows = report.getByRole('row');
    await expect(rows.filter({ hasText: 'email' })).toContainText('3');
    await expect(rows.filter({ hasText: 'role_start_date' })).toContainText('4');
    await expectAccessible(page);

    // The good row was not written either.
    await page.goto('/people?q=Quentin');
    await expect(page.getByText('Nobody matches')).toBeVisible();
  });

  test('anyone finds people and browses the role catalogue', async ({ page }) => {
    await signIn(page, DEMO.employee);
    await page.goto('/people');
    await page.getByLabel('Search by name, title, team, location or a shared skill').fill('Sam Taylor');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('link', { name: 'Sam Taylor' })).toBeVisible();
    await expectAccessible(page);

    await page.goto('/roles');
    await page.getByLabel('Search roles').fill('RN');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Registered Nurses' }).click();
    await expect(page.getByRole('heading', { name: 'Registered Nurses', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Most important skills' })).toBeVisible();
    await expectAccessible(page);

    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await expectAccessible(page);
  });
});
