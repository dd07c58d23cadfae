import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './support';

// Every page at phone width (390 px): as each demo account, each page answers 200 and is no
// wider than the screen (the other journeys scan the same pages for accessibility). Layout
// does not depend on the database, so this runs in the sqlite project only. Pages with an id are reached by
// following the first link of their kind from a list page, so the test needs no ids.

test.use({ viewport: { width: 390, height: 844 } });

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

async function fitsAndPasses(page: Page, path: string) {
  const response = await page.goto(path);
  expect.soft(response?.status(), `${path} answers`).toBe(200);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect.soft(overflow, `${path} is no wider than a phone`).toBeLessThanOrEqual(0);
}

/** The first link on `from` whose path matches `/prefix/<uuid>` (or `/prefix/<code>`). */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string | null> {
  await page.goto(from);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

const EVERYONE = [
  '/', '/people', '/org', '/roles', '/compass', '/compass/shared', '/customers', '/conversations',
  '/conversations/new', '/coach', '/coach/pitch', '/questions', '/coach/guides', '/coach/guides/autonomy',
  '/map', '/plans', '/plans/new', '/directions', '/opportunities', '/inbox', '/placements',
  '/placements/for-me', '/placements/mine', '/placements/shop', '/asks', '/asks/new',
  '/notifications', '/account', '/about',
];

const FOLLOW: Array<[string, RegExp]> = [
  ['/people', new RegExp(`^/people/${UUID}$`)],
  ['/roles', /^\/roles\/[^/?#]+$/],
  ['/placements', new RegExp(`^/placements/${UUID}$`)],
  ['/directions', new RegExp(`^/directions/${UUID}$`)],
  ['/opportunities', new RegExp(`^/opportunities/${UUID}$`)],
  ['/plans', new RegExp(`^/plans/${UUID}$`)],
  ['/asks', new RegExp(`^/asks/${UUID}$`)],
  ['/customers', new RegExp(`^/customers/${UUID}$`)],
  ['/conversations', new RegExp(`^/conversations/${UUID}$`)],
];

for (const [who, extra] of [
  ['employee', [] as string[]],
  ['manager', [] as string[]],
  ['admin', ['/admin', '/admin/import', '/admin/audit', '/admin/jobs']],
] as const) {
  test(`every page fits a phone for the ${who}`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'sqlite', 'layout does not depend on the database');
    test.setTimeout(240_000);
    await signIn(page, DEMO[who]);
    for (const path of [...EVERYONE, ...extra]) {
      await fitsAndPasses(page, path);
    }
    for (const [from, pattern] of FOLLOW) {
      const link = await firstLink(page, from, pattern);
      if (link) await fitsAndPasses(page, link);
    }
  });
}
