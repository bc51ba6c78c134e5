import { expect, test } from '@playwright/test';
import { auditPages, lighthouseBudgets, pageTypes } from '../../scripts/lib/lighthouse-audit.ts';
import { outDir } from './pages.ts';

// Lighthouse audits one page at a time in a Chromium of its own: about 15 s a page on this machine.
test.describe.configure({ timeout: 600_000 });

/**
 * Lighthouse's accessibility score on one page of each type. Its performance score, LCP and layout
 * shift are timings of a page load (even simulated, they grow with the machine's load), so
 * `npm run bench` measures them on a quiet machine against their budgets and docs/benchmarks.md
 * holds the figures (scripts/bench/lighthouse.ts).
 */
test('every type of page scores 1 for accessibility in Lighthouse', async ({ baseURL }) => {
  const audits = await auditPages(baseURL!, pageTypes(outDir));
  expect(audits.map((a) => a.type)).toHaveLength(10);
  const below = audits
    .filter((a) => a.accessibility < lighthouseBudgets.accessibility)
    .map((a) => `${a.type} ${a.path}: ${a.accessibility} (failing: ${a.accessibilityFailures.join(', ')})`);
  expect(below).toEqual([]);
});
