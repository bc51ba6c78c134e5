import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtFiles, outDir } from './pages.ts';

// Residents use old phones on slow connections: every byte of script is paid for twice.
const budgets = { searchPageGzipBytes: 100_000, largestScriptGzipBytes: 70_000 };

/** Gzipped bytes of every script a page fetches while the resident does `use`. */
async function scriptBytes(page: Page, use: () => Promise<void>): Promise<number> {
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) scripts.add(path);
  });
  await use();
  return [...scripts].reduce((sum, path) => sum + gzipSync(readFileSync(join(outDir, path))).length, 0);
}

test('the search page, searching included, stays within its JavaScript budget', async ({ page }) => {
  const bytes = await scriptBytes(page, async () => {
    await page.goto('/search/?q=walking');
    await expect(page.locator('.result-card').first()).toBeVisible();
  });
  console.log(`search page: ${bytes} B gzip of JavaScript`);
  expect(bytes).toBeLessThanOrEqual(budgets.searchPageGzipBytes);
});

test('no single script is larger than its budget', () => {
  const sizes = builtFiles()
    .filter((f) => f.endsWith('.js'))
    .map((f) => gzipSync(readFileSync(f)).length);
  expect(Math.max(0, ...sizes)).toBeLessThanOrEqual(budgets.largestScriptGzipBytes);
});

test('service pages ship no JavaScript at all', () => {
  const servicePages = builtFiles().filter((f) => /services\/[^/]+\/index\.html$/.test(f));
  expect(servicePages.length).toBeGreaterThan(0);
  const withScripts = servicePages.filter((f) => /<script\b/i.test(readFileSync(f, 'utf8')));
  expect(withScripts).toEqual([]);
});
