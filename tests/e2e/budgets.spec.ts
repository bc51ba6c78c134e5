import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtFiles, outDir } from './pages.ts';

// Residents use old phones on slow connections: every byte of script is paid for twice.
// The staff workspace is one island on capable work machines; only its first screen is budgeted,
// and its code must never reach a resident's page.
const budgets = {
  pageScriptGzipBytes: 100_000,
  largestScriptGzipBytes: 70_000,
  mapPageScriptGzipBytes: 200_000,
  staffFirstScreenGzipBytes: 150_000,
  // A service page is what a resident opens most: one request, its styles and icon inside it.
  servicePageRequests: 1,
  servicePageGzipBytes: 20_000,
  // Everything a first visit loads (HTML, CSS, scripts, icons, data), gzipped.
  pageGzipBytes: {
    '/': 10_000,
    '/services/': 40_000,
    '/needs/money/': 15_000,
    '/search/?q=walking': 120_000,
    '/areas/': 250_000,
    '/refer/about-you/': 160_000,
  } as Record<string, number>,
};

const gzipped = new Map<string, number>();
const gzipSize = (file: string) => gzipped.get(file) ?? gzipped.set(file, gzipSync(readFileSync(file)).length).get(file)!;

/** The scripts a built page loads: those it names, and everything they import statically (not the on-demand chunks they may import later). */
function scriptsOf(htmlFile: string): Set<string> {
  const queue = [...readFileSync(htmlFile, 'utf8').matchAll(/["'](\/_astro\/[^"'?#]+\.js)["']/g)].map((m) => join(outDir, m[1]!));
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g))
      queue.push(join(dirname(file), m[1]!));
  }
  return seen;
}

/** Gzipped bytes of every script a page fetches while the resident does `use`, on-demand chunks included. */
async function scriptBytes(page: Page, use: () => Promise<void>): Promise<number> {
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) scripts.add(path);
  });
  await use();
  return [...scripts].reduce((sum, path) => sum + gzipSize(join(outDir, path)), 0);
}

const isMapCode = (file: string) => readFileSync(file, 'utf8').includes('leaflet-pane');
// Every staff screen asks the database this first; no resident's page has a reason to.
const isStaffCode = (file: string) => readFileSync(file, 'utf8').includes('has_staff_account');
const allPages = builtFiles()
  .filter((f) => f.endsWith('.html'))
  .map((file) => ({ file, scripts: scriptsOf(file) }));
const staffPages = allPages.filter((p) => p.file.startsWith(join(outDir, 'staff') + sep));
const pages = allPages.filter((p) => !staffPages.includes(p));
const mapPages = pages.filter((p) => [...p.scripts].some(isMapCode));
const otherPages = pages.filter((p) => !mapPages.includes(p));
const totalOf = (scripts: Set<string>) => [...scripts].map(gzipSize).reduce((a, b) => a + b, 0);

test('every page without a map loads at most 100 KB of gzipped JavaScript, and no map code', () => {
  const heaviest = otherPages.reduce((a, b) => (totalOf(b.scripts) > totalOf(a.scripts) ? b : a));
  console.log(`heaviest page without a map: ${heaviest.file}, ${totalOf(heaviest.scripts)} B gzip`);
  expect(otherPages.filter((p) => totalOf(p.scripts) > budgets.pageScriptGzipBytes).map((p) => p.file)).toEqual([]);
  const scripts = [...new Set(otherPages.flatMap((p) => [...p.scripts]))];
  expect(Math.max(0, ...scripts.map(gzipSize))).toBeLessThanOrEqual(budgets.largestScriptGzipBytes);
  expect(scripts.filter(isMapCode)).toEqual([]);
});

test('the search page, searching included, stays within its JavaScript budget', async ({ page }) => {
  const bytes = await scriptBytes(page, async () => {
    await page.goto('/search/?q=walking');
    await expect(page.locator('.result-card').first()).toBeVisible();
  });
  console.log(`search page: ${bytes} B gzip of JavaScript`);
  expect(bytes).toBeLessThanOrEqual(budgets.pageScriptGzipBytes);
});

test('map pages (/areas and each area page) load at most 200 KB of gzipped JavaScript', () => {
  expect(mapPages.map((p) => p.file)).toContain(join(outDir, 'areas', 'index.html'));
  for (const page of mapPages) {
    const total = totalOf(page.scripts);
    console.log(`${page.file}: ${page.scripts.size} scripts, ${total} B gzip`);
    expect([page.file, total <= budgets.mapPageScriptGzipBytes]).toEqual([page.file, true]);
  }
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

/** Every request a page makes as it loads (same machine; nothing else is reachable in tests), with gzipped sizes. */
async function loadOf(page: Page, path: string): Promise<{ requests: string[]; gzipBytes: number }> {
  const fetched: { path: string; gzip: number }[] = [];
  const finished: Promise<void>[] = [];
  page.on('requestfinished', (request) =>
    finished.push(
      (async () => {
        const body = (await (await request.response())?.body().catch(() => null)) ?? Buffer.alloc(0);
        fetched.push({ path: new URL(request.url()).pathname, gzip: gzipSync(body).length });
      })(),
    ),
  );
  expect((await page.goto(path, { waitUntil: 'networkidle' }))?.status()).toBe(200);
  await Promise.all(finished);
  return { requests: fetched.map((f) => f.path), gzipBytes: fetched.reduce((sum, f) => sum + f.gzip, 0) };
}

test('a service page, the largest built, makes one request and weighs at most 20 KB gzipped in all', async ({ page }) => {
  const largest = builtFiles()
    .filter((f) => /[/\\]services[/\\][^/\\]+[/\\]index\.html$/.test(f))
    .reduce((a, b) => (readFileSync(b).length > readFileSync(a).length ? b : a));
  const path = largest.replace(/\\/g, '/').match(/(\/services\/[^/]+\/)index\.html$/)![1]!;
  const load = await loadOf(page, path);
  console.log(`largest service page ${path}: ${load.requests.length} requests (${load.requests.join(', ')}), ${load.gzipBytes} B gzip`);
  expect(load.requests, `requests made by ${path}`).toHaveLength(budgets.servicePageRequests);
  expect(load.gzipBytes).toBeLessThanOrEqual(budgets.servicePageGzipBytes);
});

test('every other page type a resident opens first stays within its total weight', async ({ page }) => {
  for (const [path, gzipBudget] of Object.entries(budgets.pageGzipBytes)) {
    const load = await loadOf(page, path);
    console.log(`${path}: ${load.requests.length} requests, ${load.gzipBytes} B gzip`);
    expect(load.gzipBytes, path).toBeLessThanOrEqual(gzipBudget);
  }
});

test('the staff workspace loads at most 150 KB of gzipped JavaScript for its first screen, and no page outside /staff loads staff code', async ({
  page,
}) => {
  expect(staffPages.map((p) => p.file)).toEqual([join(outDir, 'staff', 'index.html')]);
  const bytes = await scriptBytes(page, async () => {
    await page.goto('/staff/');
    // The screen is painted from the server; it is ready once its form can be used.
    await expect(page.getByLabel('Work email address').first()).toBeEnabled();
  });
  console.log(`staff sign-in screen: ${bytes} B gzip of JavaScript (static imports: ${totalOf(staffPages[0]!.scripts)} B)`);
  expect(bytes).toBeLessThanOrEqual(budgets.staffFirstScreenGzipBytes);
  expect(pages.filter((p) => [...p.scripts].some(isStaffCode)).map((p) => p.file)).toEqual([]);
});

test('the referral pages stay within the budget, and load Supabase only when a person sends or reads their referral', () => {
  const referralPages = pages.filter((p) => /[/\\](refer|my-referral)[/\\]/.test(p.file));
  expect(referralPages.length).toBeGreaterThanOrEqual(10);
  const supabaseCode = (file: string) => readFileSync(file, 'utf8').includes('signInAnonymously');
  for (const page of referralPages) {
    const total = totalOf(page.scripts);
    console.log(`${page.file}: ${total} B gzip before any on-demand chunk`);
    expect([page.file, total <= budgets.pageScriptGzipBytes, [...page.scripts].some(supabaseCode)]).toEqual([page.file, true, false]);
  }
});
