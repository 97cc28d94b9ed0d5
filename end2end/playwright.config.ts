// Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against the
// release server, which this config starts on its own port and a throwaway database.
//
// Run through ./scripts/test.sh, which builds dist/ and target/release/agora-server and creates
// the database. To run by hand after that:
//   E2E_DATABASE_URL=postgres://postgres@127.0.0.1:5432/agora_e2e npx playwright test
// (the database must exist; the server migrates it and loads the demo data when it is empty).
import { defineConfig } from '@playwright/test';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
const root = path.resolve(__dirname, '..');
const serverBin = process.env.AGORA_SERVER_BIN ?? path.join(root, 'target', 'release', 'agora-server');
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
  throw new Error(
    'E2E_DATABASE_URL is not set: run ./scripts/test.sh, or point it at an empty database for the browser tests',
  );
}

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL,
    locale: 'en-GB',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `"${serverBin}"`,
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ...(process.env as Record<string, string>),
      DATABASE_URL: databaseUrl,
      AGORA_ADDR: `127.0.0.1:${port}`,
      AGORA_DIST: path.join(root, 'dist'),
      AGORA_SEED_DEMO: 'true',
      AGORA_LOG_FORMAT: 'json',
    },
  },
});
