import { expect, test } from '@playwright/test';
import { buildListings } from '../../src/lib/directory/listing.ts';
import { hsdsPageSchema, hsdsServiceSchema } from '../../src/lib/oruk/hsds3.ts';
import { sampleData } from '../../src/lib/sample-data/index.ts';
import { expectNoAccessibilityViolations } from './axe.ts';

const { services } = sampleData.catalogue;
const published = services.filter((s) => s.published);
const draft = services.find((s) => !s.published)!;
const target = published.find((s) => s.assured_date && s.status === 'active' && s.attending_types.includes('phone'))!;
const unchecked = published.find((s) => !s.assured_date)!;
const closed = published.find((s) => s.status !== 'active');

test('the home page offers search and every need to browse', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Find local support' })).toBeVisible();
  await expect(page.getByRole('search').getByRole('searchbox', { name: 'What are you looking for?' })).toHaveAttribute('name', 'q');
  await expect(page.getByRole('link', { name: 'Meet people and feel less alone' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Help with money, bills and benefits' })).toBeVisible();
});

test('a service page shows what it is, when, where, cost, how to get help and when it was checked', async ({ page }) => {
  await page.goto(`/services/${target.id}/`);
  await expect(page.getByRole('heading', { level: 1, name: target.name })).toBeVisible();
  await expect(page.getByText(/^Last checked by a person on \d+ \w+ \d{4}/)).toBeVisible();
  for (const term of ['When', 'Where', 'Who it is for', 'Cost', 'Helps with', 'Languages', 'Accessibility'])
    await expect(page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to get help' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Contact' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^01632|^07700|^0/ }).first()).toHaveAttribute('href', /^tel:/);
});

test('a listing nobody has checked tells the resident to contact the service first', async ({ page }) => {
  await page.goto(`/services/${unchecked.id}/`);
  await expect(page.getByText(/Not yet checked by a person/)).toBeVisible();
});

test('a service that is not running says so', async ({ page }) => {
  test.skip(!closed, 'the sample data has no published service that is closed');
  await page.goto(`/services/${closed!.id}/`);
  await expect(page.getByText(/^(Closed for now|Not running at the moment)\. Contact them before you go\.$/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('a draft listing has no page and is not in the A to Z', async ({ page }) => {
  const response = await page.goto(`/services/${draft.id}/`);
  expect(response?.status()).toBe(404);
  await page.goto('/services/');
  await expect(page.locator(`a[href="/services/${draft.id}/"]`)).toHaveCount(0);
  await expect(page.locator('main .results > li')).toHaveCount(published.length);
});

test('a need page lists exactly the published services for that need', async ({ page }) => {
  const moneyServices = new Set(
    sampleData.catalogue.service_taxonomies.filter((t) => t.taxonomy_term_id === 'need-money').map((t) => t.service_id),
  );
  const listings = buildListings(sampleData.catalogue).filter((l) => moneyServices.has(l.id));
  expect(listings.length).toBeGreaterThan(0);
  await page.goto('/needs/money/');
  await expect(page.getByRole('heading', { level: 1, name: 'Help with money, bills and benefits' })).toBeVisible();
  // Filed under each place a service is in, so one service may appear under two towns.
  const linked = await page.locator('main .results > li h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(new Set(linked)).toEqual(new Set(listings.map((l) => `/services/${l.id}/`)));
});

test('the directory is published as Open Referral UK open data', async ({ request }) => {
  const dataset = hsdsPageSchema.parse(await (await request.get('/oruk/services.json')).json());
  expect(dataset.total_items).toBe(published.length);
  const one = hsdsServiceSchema.parse(await (await request.get(`/oruk/services/${target.id}.json`)).json());
  expect(one).toMatchObject({ id: target.id, name: target.name });
});

test('keyboard users can skip straight to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
