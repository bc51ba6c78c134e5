import { expect, test } from '@playwright/test';
import { auditPages, lighthouseBudgets, pageTypes } from '../../scripts/lib/lighthouse-audit.ts';
import { outDir } from './pages.ts';

// Lighthouse audits one page at a time in a Chromium of its own: about 15 s a page on this machine.
test.describe.configure({ timeout: 600_000 });

/**
 * Lighthouse's accessibility score and layout shift on one page of each type, which do not depend
 * on how busy the machine is. Its performance score and LCP do (they are timings, even simulated),
 * so `npm run bench` measures them on a quiet machine and docs/benchmarks.md holds them against
 * their budgets (scripts/bench/lighthouse.ts).
 */
test('every type of page scores 1 for accessibility in Lighthouse and does not shift as it loads', async ({ baseURL }) => {
  const audits = await auditPages(baseURL!, pageTypes(outDir));
  const found = audits.map((a) => ({
    page: `${a.type} ${a.path}`,
    accessibility: a.accessibility,
    failing: a.accessibilityFailures,
    cls: Math.round(a.cls * 1000) / 1000,
  }));
  expect(found.filter((f) => f.accessibility < lighthouseBudgets.accessibility || f.cls > lighthouseBudgets.cls)).toEqual([]);
  expect(found).toHaveLength(10);
});
