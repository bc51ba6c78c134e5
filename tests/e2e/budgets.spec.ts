import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Residents use old phones on slow connections: every byte of script is paid for twice.
const budgets = { totalScriptGzipBytes: 90_000, largestScriptGzipBytes: 70_000 };
const outDir = process.env.SIGNPOST_OUT_DIR ?? './dist-test';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('the JavaScript the site ships stays within its budget', () => {
  const scripts = files(outDir).filter((f) => f.endsWith('.js'));
  const sizes = scripts.map((f) => gzipSync(readFileSync(f)).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`scripts: ${scripts.length}, total ${total} B gzip, largest ${Math.max(0, ...sizes)} B gzip`);
  expect(total).toBeLessThanOrEqual(budgets.totalScriptGzipBytes);
  expect(Math.max(0, ...sizes)).toBeLessThanOrEqual(budgets.largestScriptGzipBytes);
});
