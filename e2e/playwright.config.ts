import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

// Playwright loads this file in the runner and again in every worker. Anything random
// (ports, database names) is chosen once in the runner and handed down through
// process.env, which the workers and the web servers inherit, so all agree on it.
function once(name: string, make: () => string): string {
  if (!process.env[name]) process.env[name] = make();
  return process.env[name] as string;
}

// A free TCP port on 127.0.0.1, found synchronously (the config cannot await).
function freePort(): string {
  const probe =
    "const s=require('net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
}

const CI = !!process.env.CI;
const host = '127.0.0.1';
const serve = path.join(__dirname, 'serve.sh');
const serverLogs = process.env.LADDERLESS_E2E_LOG_DIR ?? path.join(__dirname, 'server-logs');

type WebServer = NonNullable<Extract<PlaywrightTestConfig['webServer'], unknown[]>>[number];
type Project = NonNullable<PlaywrightTestConfig['projects']>[number];

function server(backend: string, port: string, env: Record<string, string> = {}): WebServer {
  return {
    name: backend,
    command: `bash '${serve}' ${backend} ${host}:${port}`,
    // Playwright accepts 2xx/3xx (and some 4xx); /readyz answers 503 until it is ready.
    url: `http://${host}:${port}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: { LADDERLESS_E2E_LOG_DIR: serverLogs, ...env },
  };
}

const webServer: WebServer[] = [];
const projects: Project[] = [];

const sqlitePort = once('LADDERLESS_E2E_SQLITE_PORT', freePort);
webServer.push(server('sqlite', sqlitePort));
projects.push({ name: 'sqlite', use: { baseURL: `http://${host}:${sqlitePort}` } });

const adminUrl = process.env.LADDERLESS_TEST_POSTGRES_URL;
if (adminUrl) {
  const pgPort = once('LADDERLESS_E2E_POSTGRES_PORT', freePort);
  const db = once('LADDERLESS_E2E_PG_DB', () => `ladderless_e2e_${randomBytes(5).toString('hex')}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${db}`;
  webServer.push(
    server('postgres', pgPort, {
      LADDERLESS_TEST_POSTGRES_URL: adminUrl,
      LADDERLESS_E2E_PG_DB: db,
      LADDERLESS_E2E_PG_DB_URL: dbUrl.toString(),
    }),
  );
  projects.push({ name: 'postgres', use: { baseURL: `http://${host}:${pgPort}` } });
} else if (!process.env.LADDERLESS_E2E_PG_NOTICE) {
  process.env.LADDERLESS_E2E_PG_NOTICE = '1';
  console.warn(
    'e2e: LADDERLESS_TEST_POSTGRES_URL is not set, so the "postgres" project is skipped ' +
      '(scripts/test sets it; or run under scripts/with-postgres).',
  );
}

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 30_000,
  // A hung run must not eat CI's budget: the whole suite is minutes, not a quarter hour.
  globalTimeout: 15 * 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: './playwright-report' }],
    ['./summary-reporter.ts'],
  ],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.LADDERLESS_E2E_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    locale: 'en-GB',
    timezoneId: 'UTC',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    video: 'off',
  },
  webServer,
  projects,
});
