import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { profiles } from './scripts/stack/profiles.ts';

const port = profiles.test.ports.site;
// Debian's Chromium where it is installed (CI, fresh machines); Playwright's own browser elsewhere.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  // Lighthouse times page loads, so it runs last and alone. If an earlier test fails, Playwright
  // skips it and reports it skipped (run it by itself with `npm run test:e2e -- --project=lighthouse --no-deps`).
  projects: [
    { name: 'pages and journeys', testIgnore: /lighthouse\.spec\.ts$/ },
    { name: 'lighthouse', testMatch: /lighthouse\.spec\.ts$/, dependencies: ['pages and journeys'] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `node node_modules/astro/bin/astro.mjs preview --port ${port} --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    env: { SIGNPOST_OUT_DIR: process.env.SIGNPOST_OUT_DIR ?? './dist-test' },
    timeout: 60_000,
  },
});
