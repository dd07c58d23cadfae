import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn, signOut } from './support';

// The leadership-opportunity journey: a need discovered in a conversation becomes an
// opportunity (the conversation and the opportunity link to each other), gets a value
// proposition, is proposed to the manager, supported, piloted with check-ins from both sides,
// and ends in a new organisation role that appears in the catalogue and in the person's role
// history. Every page visited gets an accessibility scan.

const stamp = Date.now().toString(36);
const title = `Onboarding in a day ${stamp}`;
const roleTitle = `Onboarding Lead ${stamp}`;
const need = `New joiners wait a week for their accounts ${stamp}`;
const conversationTitle = `Support goals ${stamp}`;
// The internal customer the need comes from: the demo talent admin, added as a sponsor with the
// same details the career-owner journey uses (journeys share the demo server and may run at
// the same time; a conversation with the manager would clear the overdue contact it checks).
const CUSTOMER = 'Priya Shah';

function isoDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** Opens the customer's page, adding them to the employee's map first if needed. */
async function openCustomer(page: Page) {
  await page.goto('/customers');
  await expectAccessible(page);
  const existing = page.getByRole('table').getByRole('link', { name: CUSTOMER, exact: true });
  if (await existing.count()) {
    await existing.click();
  } else {
    await page.getByLabel('Colleague', { exact: true }).fill(DEMO.admin);
    await page.getByLabel('Relationship', { exact: true }).selectOption({ label: 'Sponsor' });
    await page.getByLabel('What are they trying to achieve?').fill('Cut the time new joiners need to get productive.');
    await page.getByRole('radio', { name: /^2 · / }).check();
    await page.getByLabel('Next contact due').fill(isoDay(20));
    await page.getByRole('button', { name: 'Add customer' }).click();
    // Another journey running at the same time may have added them first.
    const heading = page.getByRole('heading', { level: 1, name: CUSTOMER });
    await expect(heading.or(page.getByText('is already in your map'))).toBeVisible();
    if (!(await heading.isVisible())) {
      await page.goto('/customers');
      await page.getByRole('table').getByRole('link', { name: CUSTOMER, exact: true }).click();
    }
  }
  await expect(page.getByRole('heading', { level: 1, name: CUSTOMER })).toBeVisible();
  await expectAccessible(page);
}

test('a need becomes a pilot and a new role', async ({ page }) => {
  // Three people sign in and out across two dozen pages, each scanned by axe: far longer than
  // the default budget on a busy two-core machine.
  test.setTimeout(300_000);
  await signIn(page, DEMO.employee);
  await expectAccessible(page);

  // The need is discovered in a conversation with an internal customer.
  await openCustomer(page);
  await page.getByRole('link', { name: `Log a conversation with ${CUSTOMER}` }).click();
  await expect(page.getByRole('checkbox', { name: new RegExp(CUSTOMER) })).toBeChecked();
  await page.getByLabel('Kind', { exact: true }).selectOption('discovery');
  await page.getByLabel('Title (optional)').fill(conversationTitle);
  await page.getByLabel('Need 1', { exact: true }).fill(need);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save conversation' }).click();
  await expect(page.getByText('Conversation saved.')).toBeVisible();
  await expectAccessible(page);
  const conversationUrl = page.url().split('?')[0];

  // Turning it into an opportunity starts from the need.
  await page.getByRole('link', { name: `Turn into an opportunity: ${need}` }).click();
  await expect(page.getByRole('heading', { name: 'Your opportunities', level: 1 })).toBeVisible();
  await expect(page.getByLabel('The need you discovered')).toHaveValue(need);
  await expect(page.getByRole('link', { name: conversationTitle })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Whose goal it serves').fill('Head of Support');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Both ways: the opportunity names its conversation, the conversation names the opportunity.
  await page.getByRole('link', { name: conversationTitle }).click();
  await expect(page.getByRole('heading', { name: conversationTitle, level: 1 })).toBeVisible();
  expect(page.url().split('#')[0]).toBe(conversationUrl);
  const needItem = page.locator('.needs > li').filter({ hasText: need });
  await expect(needItem).toContainText(`Turned into: ${title}`);
  await expect(needItem.getByRole('link', { name: /Turn into an opportunity/ })).toHaveCount(0);
  await expectAccessible(page);
  await needItem.getByRole('link', { name: title }).click();
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
  await expectAccessible(page);
  await nav(page, 'Inbox');
  await expectAccessible(page);
  await page.getByRole('link', { name: title, exact: true }).first().click();
  await expect(page.getByRole('heading', { name: `Proposal: ${title}`, level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Support', { exact: true }).check();
  await page.getByLabel('Reason or question').fill('Yes: start with the next intake.');
  await page.getByRole('button', { name: 'Send the answer' }).click();
  await expect(page.getByText('Answer sent')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, DEMO.employee);
  await expectAccessible(page);
  await nav(page, 'Opportunities');
  await expectAccessible(page);
  await page.getByRole('link', { name: title }).click();
  await expectAccessible(page);
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

  // The sponsor finds the pilot in the inbox.
  await signIn(page, DEMO.manager);
  await expectAccessible(page);
  await nav(page, 'Inbox');
  await page.getByRole('link', { name: `Pilot: ${title}` }).click();
  await expect(page.getByRole('heading', { name: `Pilot: ${title}`, level: 1 })).toBeVisible();
  expect(page.url().split('?')[0]).toBe(pilotUrl);
  await expectAccessible(page);
  await page.getByLabel('Your check-in note').fill('Support leads ask to keep it.');
  await page.getByRole('button', { name: 'Add check-in' }).click();
  await expect(page.getByText('Support leads ask to keep it.')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, DEMO.employee);
  await expectAccessible(page);
  await page.goto(pilotUrl);
  await expectAccessible(page);
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
  await expectAccessible(page);
  await page.goto('/');
  await expectAccessible(page);
  await page.locator('a.who').click();
  await expect(page.getByText(roleTitle).first()).toBeVisible();
  await expectAccessible(page);
});

test('a card is dragged to another column, and an illegal drop says why', async ({ page }) => {
  const name = `Drag me ${stamp}`;
  // The manager's board: the demo employee's already has cards in most columns.
  await signIn(page, DEMO.manager);
  await expectAccessible(page);
  await page.goto('/opportunities');
  await page.getByLabel('Title', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expectAccessible(page);
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
