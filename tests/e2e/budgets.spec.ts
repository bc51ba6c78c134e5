import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { builtFiles } from './pages.ts';

// Residents use old phones on slow connections: every byte of script is paid for twice.
const budgets = { totalScriptGzipBytes: 90_000, largestScriptGzipBytes: 70_000 };

test('the JavaScript the site ships stays within its budget', () => {
  const scripts = builtFiles().filter((f) => f.endsWith('.js'));
  const sizes = scripts.map((f) => gzipSync(readFileSync(f)).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`scripts: ${scripts.length}, total ${total} B gzip, largest ${Math.max(0, ...sizes)} B gzip`);
  expect(total).toBeLessThanOrEqual(budgets.totalScriptGzipBytes);
  expect(Math.max(0, ...sizes)).toBeLessThanOrEqual(budgets.largestScriptGzipBytes);
});

test('service pages ship no JavaScript at all', () => {
  const servicePages = builtFiles().filter((f) => /services\/[^/]+\/index\.html$/.test(f));
  expect(servicePages.length).toBeGreaterThan(0);
  // Structured data (schema.org JSON-LD) sits in a script element but is data, never run.
  const runnable = /<script\b(?![^>]*type="application\/ld\+json")[^>]*>/i;
  const withScripts = servicePages.filter((f) => runnable.test(readFileSync(f, 'utf8')));
  expect(withScripts).toEqual([]);
  const withModules = servicePages.filter((f) => /<link\b[^>]*rel="modulepreload"/i.test(readFileSync(f, 'utf8')));
  expect(withModules).toEqual([]);
});
