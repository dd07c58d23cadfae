import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The password of every demo account that `ladderless serve --demo` creates. */
export const DEMO_PASSWORD = 'ladderless-demo';

/** Demo accounts: the employee reports to the manager; admin is the talent admin. */
export const DEMO = {
  admin: 'admin@example.com',
  manager: 'manager@example.com',
  employee: 'employee@example.com',
} as const;

const LOGIN_URL = /\/login(?:[?#]|$)/;

/** Signs in through the login form and waits until the browser has left /login. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page, `signing in as ${email} should leave the login page`).not.toHaveURL(LOGIN_URL);
}

/** Clicks "Sign out" (a button or a link) on the current page. */
export async function signOut(page: Page) {
  const control = page
    .getByRole('button', { name: 'Sign out', exact: true })
    .or(page.getByRole('link', { name: 'Sign out', exact: true }));
  await control.first().click();
}

/** Options for {@link expectAccessible}. */
export interface AccessibleOptions {
  /** CSS selectors to leave out of the scan (say why at the call site). */
  exclude?: string[];
  /** axe rule ids to switch off (say why at the call site). */
  disableRules?: string[];
}

/**
 * Runs axe-core on the current page and fails on any violation whose impact is serious or
 * critical, listing each rule and the elements it found. The full axe result is attached
 * to the test report as `axe-results.json`.
 */
export async function expectAccessible(page: Page, options: AccessibleOptions = {}) {
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  await test.info().attach('axe-results.json', {
    body: JSON.stringify(results, null, 2),
    contentType: 'application/json',
  });
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.length, describeViolations(page.url(), blocking)).toBe(0);
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describeViolations(url: string, violations: Violation[]): string {
  const lines = [`${violations.length} serious/critical accessibility violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help}`, `      ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`      at ${node.target.join(' ')}`);
      const summary = (node.failureSummary ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
      for (const s of summary) lines.push(`         ${s}`);
    }
    if (v.nodes.length > 5) lines.push(`      ... and ${v.nodes.length - 5} more element(s)`);
  }
  return lines.join('\n');
}
