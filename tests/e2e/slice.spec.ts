import { expect, test } from '@playwright/test';
import { sliceSample } from '../../src/lib/slice/sample.ts';
import { expectNoAccessibilityViolations } from './axe.ts';

const published = sliceSample.filter((s) => s.published);
const draft = sliceSample.find((s) => !s.published)!;

test('the home page lists every published service and no draft', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Find local support' })).toBeVisible();
  for (const service of published) await expect(page.getByRole('link', { name: service.name })).toBeVisible();
  await expect(page.getByText(draft.name)).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
});

test('a resident finds a walking group by typing a word and pressing Enter', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search for a service' });
  await box.click();
  await box.fill('walks');
  await box.press('Enter');
  await expect(page.getByText('1 service found for “walks”')).toBeVisible();
  const results = page.getByRole('search').getByRole('list');
  await expect(results.getByRole('link', { name: "King's Lynn Walking for Health" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('search says so plainly when nothing matches', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search for a service' }).fill('zzqx');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No services found for “zzqx”')).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('a draft listing cannot be found by search', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search for a service' }).fill('memory café');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/No services found/)).toBeVisible();
});

test('each service has its own page built from the database, with no JavaScript', async ({ page }) => {
  const service = published[0]!;
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(req.url());
  });
  await page.goto(`/slice/${service.id}/`);
  await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeVisible();
  await expect(page.getByText(service.summary)).toBeVisible();
  expect(scripts).toEqual([]);
  await expectNoAccessibilityViolations(page);
});

test('keyboard users can skip straight to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('a search link, or a search sent before the page finished loading, shows its results', async ({ page }) => {
  await page.goto('/?q=carers');
  await expect(page.getByRole('searchbox', { name: 'Search for a service' })).toHaveValue('carers');
  await expect(page.getByRole('search').getByRole('link', { name: 'Barnard Castle Carers Café' })).toBeVisible();
});
