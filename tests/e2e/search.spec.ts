import { expect, test, type Page } from '@playwright/test';
import { sampleData } from '../../src/lib/sample-data/index.ts';
import { expectNoAccessibilityViolations } from './axe.ts';

const { services } = sampleData.catalogue;
const published = services.filter((s) => s.published);
const unchecked = published.find((s) => !s.assured_date)!;
const closed = published.find((s) => s.status === 'temporarily closed');

const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'What are you looking for?' });
const results = (page: Page) => page.locator('.result-list').getByRole('heading', { level: 2 });

// Nothing leaves this machine: postcodes come from the bundled district table.
test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
});

test('results appear as the resident types, each name a heading that links to the service', async ({ page }) => {
  await page.goto('/search/');
  await searchbox(page).pressSequentially('lonely', { delay: 30 });
  await expect(page.getByText(/\d+ services found for “lonely”/)).toBeVisible();
  await expect(results(page).first()).toBeVisible();
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', /^\/services\/[^/]+\/$/);
  await expect(page).toHaveURL(/\?q=lonely/);
  await expectNoAccessibilityViolations(page);
});

test('choices made before the search wakes up are kept and searched, not reset', async ({ page }) => {
  // A slow phone: the form is on screen well before the island's script arrives.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/ServiceSearch\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/search/', { waitUntil: 'domcontentloaded' });
  const need = page.getByLabel('What would you like help with?');
  await need.selectOption({ index: 1 });
  const chosenNeed = await need.inputValue();
  await page.getByLabel('When', { exact: true }).selectOption('now');
  await page.getByLabel('Within').selectOption('10');
  release();
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
  await expect(page.getByText(/(\d+ services?|No services) found/)).toBeVisible();
  await expect(need).toHaveValue(chosenNeed);
  await expect(page.getByLabel('When', { exact: true })).toHaveValue('now');
  await expect(page.getByLabel('Within')).toHaveValue('10');
  await expect(page).toHaveURL(new RegExp(`need=${chosenNeed}.*day=now`));
});

test('the address carries the search, so Back from a service returns to the same results', async ({ page }) => {
  await page.goto('/search/');
  await searchbox(page).fill('walking');
  await searchbox(page).press('Enter');
  await expect(page).toHaveURL(/\?q=walking/);
  const first = await results(page).first().textContent();
  await results(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/services\//);
  await page.goBack();
  await expect(searchbox(page)).toHaveValue('walking');
  await expect(results(page).first()).toHaveText(first!);
});

test('a shared link with filters rebuilds the whole search', async ({ page }) => {
  await page.goto('/search/?q=&need=carers&free=1');
  await expect(page.getByRole('combobox', { name: 'What would you like help with?' })).toHaveValue('carers');
  await expect(page.getByRole('checkbox', { name: /^Free/ })).toBeChecked();
  await expect(page.getByText(/\d+ services? found for “Support if you look after someone”/)).toBeVisible();
  for (const card of await page.locator('.result-card').all()) await expect(card).toContainText('Free');
});

test('filters show how many services each would leave', async ({ page }) => {
  await page.goto('/search/?q=walk');
  await expect(page.getByRole('checkbox', { name: /^Free \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Online \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'When' }).locator('option', { hasText: /^On Mondays \(\d+\)$/ })).toHaveCount(1);
  await page.getByRole('combobox', { name: 'When' }).selectOption('now');
  await expect(page).toHaveURL(/day=now/);
  await expect(page.getByText(/found for “walk”|No services found for “walk”/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('near a postcode, with no network, results say how far away they are', async ({ page }) => {
  await page.goto('/search/');
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
  await searchbox(page).fill('walk');
  await page.getByRole('textbox', { name: 'Near a postcode (optional)' }).fill('pe30 1ab');
  await page.getByRole('combobox', { name: 'Within' }).selectOption('10');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText(/services? found for “walk” within 10 miles of PE30 1AB/)).toBeVisible();
  await expect(page.locator('.result-card').first()).toContainText(/miles away/);
  await expect(page).toHaveURL(/postcode=pe30\+1ab&radius=10/i);
  await expectNoAccessibilityViolations(page);
});

test('a postcode that cannot be real gets a message saying what to do', async ({ page }) => {
  await page.goto('/search/');
  await searchbox(page).fill('walk');
  await page.getByRole('textbox', { name: 'Near a postcode (optional)' }).fill('PE30');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('Enter the whole postcode, for example PE30 1AB, not just the first part')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Near a postcode (optional)' })).toHaveValue('PE30');
  await expectNoAccessibilityViolations(page);
});

test('when nothing matches, the resident is given ways forward', async ({ page }) => {
  await page.goto('/search/?q=zzqxj');
  await expect(page.getByText('No services found for “zzqxj”')).toBeVisible();
  await expect(page.getByText('check the spelling')).toBeVisible();
  await expect(page.getByRole('link', { name: 'every service from A to Z' })).toBeVisible();
  await expect(page.getByText(/ask a social prescribing link worker/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('words that match nothing do not sink the rest of the search', async ({ page }) => {
  await page.goto('/search/?q=zzqxj%20walking');
  await expect(page.getByText(/services found for “zzqxj walking”/)).toBeVisible();
  await expect(page.getByText('Nothing matched “zzqxj”, so we searched without it.')).toBeVisible();
});

test('more results load on request, and the address remembers how many', async ({ page }) => {
  await page.goto('/search/?need=loneliness');
  await expect(page.locator('.result-card')).toHaveCount(20);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(page.locator('.result-card')).toHaveCount(40);
  await expect(page).toHaveURL(/page=2/);
  await page.reload();
  await expect(page.locator('.result-card')).toHaveCount(40);
  await expectNoAccessibilityViolations(page);
});

test('results say plainly when a service has not been checked by a person, or is closed', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent(unchecked.name)}`);
  await expect(page.locator(`.result-card:has(a[href="/services/${unchecked.id}/"])`)).toContainText('Not yet checked by a person');
  if (closed) {
    await page.goto(`/search/?q=${encodeURIComponent(closed.name)}`);
    await expect(page.locator(`.result-card:has(a[href="/services/${closed.id}/"])`)).toContainText('Closed for now');
  }
});

test('each result can be added to the shortlist with a plain link', async ({ page }) => {
  await page.goto('/search/?q=lonely');
  await expect(page.getByRole('link', { name: /^Add .+ to shortlist$/ }).first()).toHaveAttribute('href', /^\/shortlist\/\?add=/);
});

test('results arriving do not shift the page (no layout shift)', async ({ page }) => {
  await page.goto('/search/');
  // Once the island is awake, so the search runs in the page rather than reloading it.
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
  await page.evaluate(() => {
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await searchbox(page).fill('walking');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(results(page).first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.01);
});

test('when search cannot be reached, the resident is told plainly', async ({ page }) => {
  await page.route(/:\d+\/(indexes|multi-search)/, (route) => route.abort('internetdisconnected'));
  await page.goto('/search/?q=walking');
  await expect(page.getByText('Search is not working right now. Try again, or browse by what matters to you below.')).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sending the form still leads to every service, by need and from A to Z', async ({ page }) => {
    await page.goto('/search/?q=lonely');
    await expect(page.getByText(/Search needs JavaScript/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Meet people and feel less alone' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Every service from A to Z' })).toBeVisible();
  });
});
