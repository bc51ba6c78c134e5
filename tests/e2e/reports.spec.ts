import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expectNoAccessibilityViolations } from './axe.ts';
import { outDir } from './pages.ts';
import { account, password, totpCode, type TestAccount } from './staff-accounts.ts';

const teamName = 'Lynn and the Coast PCN Link Workers';

// Each test signs in with two factors and runs axe on every state: far over the default 30 s on a loaded machine.
test.describe.configure({ timeout: 90_000 });

async function signIn(page: Page, who: TestAccount) {
  await page.goto('/staff/');
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('#code').fill(totpCode(who.secret!));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${who.name}` })).toBeVisible();
}

test('a coordinator opens the reports from their home, sees charts with tables, and downloads a table as CSV', async ({ page }) => {
  const coordinator = await account('report-coordinator', { role: 'coordinator', team: teamName, enrolled: true });
  await signIn(page, coordinator);
  await page.getByRole('link', { name: 'Reports for commissioners and coordinators' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', exact: true })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: /: every area you can see, every team$/ })).toBeVisible();
  await expect(page.getByText(/small numbers are hidden/)).toBeVisible();
  for (const title of [
    'Referrals by source',
    'Referrals by GP practice',
    'Referrals by need',
    'Time to first contact',
    'Directory freshness',
  ])
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByRole('img', { name: /Bar chart of referrals by source/ })).toBeVisible();
  await expect(page.locator('#report-by-source-table tbody tr')).toHaveCount(7);
  // Every practice of the coordinator's areas is listed, referring or not.
  expect(await page.locator('#report-by-practice-table tbody tr').count()).toBeGreaterThan(0);
  await expectNoAccessibilityViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download referrals by source as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^signpost-by-source-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Source,Referrals');
  expect(csv).toContain('The person themself,');
});

test('a period that ends before it starts is refused plainly, and the keyboard reaches every picker', async ({ page }) => {
  const coordinator = await account('report-period', { role: 'coordinator', team: teamName, enrolled: true });
  await signIn(page, coordinator);
  await page.goto('/staff/#reports');
  await expect(page.getByRole('heading', { level: 2, name: /every team$/ })).toBeVisible();
  await page.getByLabel('First day of the period').fill('2026-06-30');
  await page.getByLabel('Last day of the period').fill('2026-06-01');
  await page.getByLabel('Area (PCN)').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('#report-team')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show the report' })).toBeFocused();
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link')).toHaveText(['The last day of the period must be the same as or after the first day']);
  await expect(summary).toBeFocused();
  await expectNoAccessibilityViolations(page);
});

test('a link worker sees only their own team, with exact figures', async ({ page }) => {
  const worker = await account('report-link-worker', { role: 'link_worker', team: teamName, enrolled: true });
  await signIn(page, worker);
  await page.goto('/staff/#reports');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${teamName}$`) })).toBeVisible();
  await expect(page.locator('#report-team').locator('option')).toHaveText([teamName]);
  await expect(page.getByText(/your own team’s exact figures/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('a curator who opens the reports is told they are not for their role, and sees no link to them', async ({ page }) => {
  const curator = await account('report-curator', { role: 'curator', enrolled: true });
  await signIn(page, curator);
  await expect(page.getByRole('link', { name: 'Reports for commissioners and coordinators' })).toHaveCount(0);
  await page.goto('/staff/#reports');
  await expect(page.getByText(/Reports are for link workers, coordinators and administrators/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('the chart library loads only when the reports screen opens, in one chunk of at most 70 KB gzipped', async ({ page }) => {
  const worker = await account('report-bundle', { role: 'link_worker', team: teamName, enrolled: true });
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) scripts.add(path);
  });
  // Chart.js's own error text marks the chunk that carries it.
  const chartChunks = () => [...scripts].filter((path) => readFileSync(join(outDir, path), 'utf8').includes('Canvas is already in use'));
  await signIn(page, worker);
  expect(chartChunks()).toEqual([]);
  await page.getByRole('link', { name: 'Reports for commissioners and coordinators' }).click();
  await expect(page.getByRole('img', { name: /Bar chart of referrals by source/ })).toBeVisible();
  const [chunk, ...others] = chartChunks();
  expect(others).toEqual([]);
  const bytes = gzipSync(readFileSync(join(outDir, chunk!))).length;
  console.log(`reports chunk with Chart.js: ${bytes} B gzip`);
  expect(bytes).toBeLessThanOrEqual(70_000);
});
