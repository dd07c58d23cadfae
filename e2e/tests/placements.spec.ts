import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn, signOut } from './support';

// The marketplace journey: a talent admin posts a project that asks for skills the demo
// employee has; the employee finds it picked for them with its reasons, marks another pick
// "not for me" and sees it leave the list, and sends an interest with a note; the admin sees
// them among the interested and accepts; the employee sees the acceptance. Every page visited
// gets an accessibility scan.

const stamp = Date.now().toString(36);
const title = `Rebuild the help centre search ${stamp}`;

interface CompassSkill {
  label: string;
  level: number;
  want_to_grow: boolean;
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

test('a posted project is picked for the right person, who applies and is accepted', async ({ page }) => {
  test.setTimeout(240_000);

  // What the employee can do and wants to grow, read from their own compass.
  await signIn(page, DEMO.employee);
  const me = (await (await page.request.get("/api/v1/me")).json()).person;
  const compass = await (await page.request.get('/api/v1/compass')).json();
  const skills: CompassSkill[] = compass.skills;
  const strong = skills.filter((s) => s.level >= 3 && !s.want_to_grow).slice(0, 2);
  const grow = skills.filter((s) => s.want_to_grow).slice(0, 1);
  expect(strong.length, 'the demo employee has skills to match').toBe(2);
  await signOut(page);

  // The talent admin posts a project asking for them.
  await signIn(page, DEMO.admin);
  await nav(page, 'Placements');
  await expect(page.getByRole('heading', { name: 'Placements', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Post a placement' }).first().click();
  await expect(page.getByRole('heading', { name: 'Post a placement', level: 1 })).toBeVisible();
  await expectAccessible(page);
  // A bad form first: every problem is named and nothing is posted.
  await page.getByRole('button', { name: 'Post it' }).click();
  await expect(page.getByText('Title is required')).toBeVisible();
  await expect(page.getByText(/^Hours a week /)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Type', { exact: true }).selectOption('project');
  await page
    .getByLabel('What it is, and what the person would do')
    .fill('Customers cannot find answers in the help centre. Rebuild its search so the first result answers the question.');
  await page.locator('#needed_0').fill(strong[0].label);
  await page.locator('#needed_0_level').selectOption('2');
  await page.locator('#needed_1').fill(strong[1].label);
  await page.locator('#needed_1_level').selectOption('2');
  if (grow.length) await page.locator('#learn_0').fill(grow[0].label);
  for (const factor of ['Status and recognition', 'Autonomy', 'Meaningful work', 'Continued learning']) {
    await page.getByLabel(factor, { exact: true }).selectOption('strong');
  }
  await page.getByLabel('Hours a week', { exact: true }).fill('3');
  await page.getByLabel('Weeks', { exact: true }).fill('6');
  await page.getByLabel('Places', { exact: true }).fill('1');
  await page.getByLabel('Where the work happens').selectOption('remote');
  await page.getByLabel('Status', { exact: true }).selectOption('open');
  await page.getByRole('button', { name: 'Post it' }).click();
  await expect(page.getByText('Placement saved.')).toBeVisible();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expectAccessible(page);
  const placementUrl = page.url().split('?')[0];

  // Browsing by words finds it.
  await page.goto(`/placements?q=${encodeURIComponent('help centre search')}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The employee sees it picked for them, with reasons naming their skills.
  await signIn(page, DEMO.employee);
  await nav(page, 'Placements');
  await page.getByRole('link', { name: 'Picked for me' }).click();
  await expect(page.getByRole('heading', { name: 'Picked for me', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const ours = page.locator('.rec').filter({ has: page.getByRole('link', { name: title }) });
  await expect(ours).toBeVisible();
  await expect(ours.locator('.why-list')).toContainText(strong[0].label);

  // "Not for me" on the weakest other pick takes it out of the list at once.
  const last = page.locator('.rec').last();
  const lastTitle = (await last.getByRole('heading', { level: 2 }).innerText()).trim();
  expect(lastTitle).not.toBe(title);
  await last.getByLabel('Not for me, because').selectOption('wrong_factors');
  await last.getByRole('button', { name: 'Not for me' }).click();
  await expect(page.getByText('Noted. Your picks are updated.')).toBeVisible();
  await expect(page.locator('.rec h2').filter({ hasText: lastTitle })).toHaveCount(0);
  await expectAccessible(page);

  // Interest, with a note that leads with the customer.
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel(/^Your note to /)
    .fill('Your customers would find answers on the first try: I built the search for our own docs last year.');
  await page.getByRole('button', { name: 'Send my interest' }).click();
  await expect(page.getByText('Interest sent.')).toBeVisible();
  await expect(page.locator('#my-interest')).toContainText('Waiting for an answer');
  await expectAccessible(page);
  await signOut(page);

  // The owner sees them with their match and accepts.
  await signIn(page, DEMO.admin);
  await page.goto(placementUrl);
  const applicant = page.locator('.applicants > li').filter({ hasText: me.name });
  await expect(applicant).toContainText('Waiting for an answer');
  await expect(applicant).toContainText('first try');
  await expectAccessible(page);
  await applicant.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('Answer sent.')).toBeVisible();
  await expect(page.locator('.applicants > li').filter({ hasText: me.name })).toContainText('Accepted');
  await expect(page.getByText('1 of 1 taken')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The employee sees the answer on My placements.
  await signIn(page, DEMO.employee);
  await page.goto('/placements/mine');
  const line = page.locator('.applicants > li').filter({ has: page.getByRole('link', { name: title }) });
  await expect(line).toContainText('Accepted');
  await expectAccessible(page);
});

test('window shopping: fifteen reactions reveal an order that goes into the compass', async ({ page }) => {
  test.setTimeout(180_000);
  // The manager has not shopped in the demo, so the journey starts from nothing.
  await signIn(page, DEMO.manager);
  await nav(page, 'Placements');
  await page.getByRole('link', { name: 'Window shopping' }).click();
  await expect(page.getByRole('heading', { name: 'Window shopping', level: 1 })).toBeVisible();
  await expectAccessible(page);
  for (let i = 0; i < 15; i++) {
    const card = page.locator('#card');
    const tags = card.locator('.tags');
    const offers = (await tags.count()) ? (await tags.innerText()).toLowerCase() : '';
    // Likes whatever offers more autonomy, passes the rest.
    const choice = /more autonomy/.test(offers) ? 'Like' : 'Pass';
    await card.getByRole('button', { name: choice, exact: true }).click();
    await expect(page.getByText(`${i + 1} reactions so far`)).toBeVisible();
  }
  const chose = page.locator('.said-chose > div').filter({ hasText: 'You choose' });
  await expect(chose.locator('li').first()).toHaveText('Autonomy');
  await expect(page.getByRole('img', { name: /What your choices reveal/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Use the order I choose in my compass' }).click();
  await expect(page.getByText('Your compass now uses the order your choices revealed.')).toBeVisible();
  await expectAccessible(page);
  await nav(page, 'Compass');
  await expect(page.locator('.rank-item').first()).toContainText('Autonomy');
  await expectAccessible(page);
});
