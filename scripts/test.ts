import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { prepareData } from './lib/prepare-data.ts';
import { binOf, runNode } from './lib/run.ts';
import { playwrightResult, summarise, vitestResult, type RunnerResult } from './lib/test-results.ts';
import { onShutdown } from './lib/shutdown.ts';
import { startStack } from './stack/index.ts';
import { profiles } from './stack/profiles.ts';
import { portInUse } from './stack/processes.ts';

/**
 * `npm test`: every test layer against a fresh test instance of the real stack (its own ports and
 * state folder, so a running `npm start` is untouched), then one closing line with the totals.
 */
const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const profile = profiles.test;
const resultsDir = resolve('.test-results');

if (!(await portInUse(profile.ports.postgres))) rmSync(profile.stateDir, { recursive: true, force: true });
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

// Playwright drives Debian's Chromium where its own browser download is not possible (see CONTRIBUTING.md).
const ownBrowser = (() => {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
})();
if (!process.env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium') && !ownBrowser) {
  console.error(
    'Chromium is not installed, so the end-to-end tests cannot run. Install it with `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const stack = await startStack(profile);
onShutdown(() => stack.stop());
const results: RunnerResult[] = [];
try {
  await prepareData(stack);
  const env = { ...stack.env, SIGNPOST_STACK_PROFILE: 'test', SIGNPOST_ENV: 'development' };

  // The browser makes no call outside this machine in tests: postcodes come from the bundled table.
  const siteEnv = {
    ...env,
    SIGNPOST_OUT_DIR: './dist-test',
    PUBLIC_SITE_URL: `http://127.0.0.1:${profile.ports.site}`,
    PUBLIC_POSTCODES_URL: 'offline',
  };
  console.log('\nBuilding the site against the test stack…');
  const built = await runNode(binOf('astro', 'astro'), ['build', '--silent'], siteEnv);
  if (built !== 0)
    results.push({ runner: 'site build', passed: 0, failed: 1, skipped: 0, exitCode: built, failures: ['the site did not build'] });
  else {
    const code = await runNode(binOf('@playwright/test', 'playwright'), ['test', ...args.filter((a) => a !== '--e2e-only')], siteEnv);
    results.push(playwrightResult(`${resultsDir}/playwright.json`, code));
  }

  // Vitest runs second: its integration tests write to the database, and the site must be built
  // from the untouched sample data the end-to-end tests expect.
  if (!e2eOnly) {
    const code = await runNode(
      binOf('vitest', 'vitest'),
      ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/vitest.json`],
      env,
    );
    results.push(vitestResult(`${resultsDir}/vitest.json`, code));
  }
} finally {
  await stack.stop();
}

console.log(`\n${summarise(results)}`);
process.exit(results.some((r) => r.failed > 0 || r.exitCode !== 0) ? 1 : 0);
