import { expect, test } from '@playwright/test';
import { buildListings } from '../../src/lib/directory/listing.ts';
import { sampleData } from '../../src/lib/sample-data/index.ts';
import { expectNoAccessibilityViolations } from './axe.ts';

const listings = buildListings(sampleData.catalogue);
const target = listings.find((l) => l.assuredDate && l.status === 'active' && l.locations.length > 0)!;
const closed = listings.find((l) => l.status === 'temporarily closed');
const unchecked = listings.find((l) => !l.assuredDate)!;
const names = new Map<string, number>();
for (const l of listings) names.set(l.name, (names.get(l.name) ?? 0) + 1);
const sharedName = [...names].find(([, n]) => n > 1)![0];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a service page describes itself to search engines as schema.org data', async ({ page }) => {
  await page.goto(`/services/${target.id}/`);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
  expect(data).toMatchObject({ '@type': 'Service', name: target.name });
});

test('a service page offers the shortlist and a way to report a problem, and no link back to a search it cannot know', async ({ page }) => {
  await page.goto(`/services/${target.id}/`);
  await expect(page.getByRole('link', { name: new RegExp(`^Add to shortlist\\s*: ${escape(target.name)}$`) })).toHaveAttribute(
    'href',
    `/shortlist/?add=${target.id}`,
  );
  const report = page.getByRole('link', { name: 'Report a problem with this listing' });
  await expect(report).toHaveAttribute('href', `/report/?service=${encodeURIComponent(target.id)}`);
  await expect(page.getByRole('link', { name: 'Back to search' })).toHaveCount(0);
});

test('a service page prints without the site’s navigation', async ({ page }) => {
  await page.goto(`/services/${target.id}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: target.name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Contact' })).toBeVisible();
});

test('even the longest service page prints on one sheet of A4', async ({ page }) => {
  const size = (l: (typeof listings)[number]) =>
    l.paragraphs.join(' ').length + 80 * (l.times.length + l.locations.length + l.phones.length);
  const longest = listings.reduce((a, b) => (size(b) > size(a) ? b : a));
  await page.goto(`/services/${longest.id}/`);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
});

test('lists say when a service is closed or not yet checked', async ({ page }) => {
  await page.goto('/services/');
  const unc = page.locator('main .results > li').filter({ has: page.locator(`a[href="/services/${unchecked.id}/"]`) });
  await expect(unc.getByText('Not yet checked')).toBeVisible();
  test.skip(!closed, 'the sample data has no service closed for now');
  const item = page.locator('main .results > li').filter({ has: page.locator(`a[href="/services/${closed!.id}/"]`) });
  await expect(item.getByText('Closed for now')).toBeVisible();
});

test('services with the same name can be told apart by where they are', async ({ page }) => {
  await page.goto('/services/');
  const same = page.getByRole('heading', { level: 3, name: new RegExp(`^${escape(sharedName)}\\s*, `) });
  const accessibleNames = await same.allTextContents();
  expect(accessibleNames.length).toBeGreaterThan(1);
  expect(new Set(accessibleNames).size).toBe(accessibleNames.length);
});

test('the A to Z has a letter index that jumps to each letter', async ({ page }) => {
  await page.goto('/services/');
  const index = page.getByRole('navigation', { name: 'Services by first letter' });
  await index.getByRole('link', { name: 'M', exact: true }).click();
  await expect(page).toHaveURL(/#group-m$/);
  await expect(page.getByRole('heading', { level: 2, name: 'M', exact: true })).toBeFocused();
});

test('a need page can be narrowed to a town without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/needs/loneliness/');
  const index = page.getByRole('navigation', { name: 'Services by town or area' });
  await index.getByRole('link', { name: 'Darlington' }).click();
  await expect(page).toHaveURL(/#group-darlington$/);
  await expect(page.locator('section[aria-labelledby="group-darlington"] .results > li').first()).toBeInViewport();
  await context.close();
});

test('the emotional wellbeing page gives crisis numbers first', async ({ page }) => {
  await page.goto('/needs/wellbeing/');
  const crisis = page.getByRole('complementary', { name: 'If you need help now' });
  for (const number of ['999', 'NHS 111', '116 123', '85258']) await expect(crisis.getByRole('link', { name: number })).toBeVisible();
});

test('every page says the sample data is made up while it is loaded', async ({ page }) => {
  await page.goto('/about/');
  await expect(page.getByRole('region', { name: 'About this data' })).toContainText('made-up sample data');
});

test('the navigation leads to search, the A to Z, areas and the shortlist', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const links: [string, string][] = [
    ['Search', '/search/'],
    ['A to Z', '/services/'],
    ['Areas', '/areas/'],
    ['Shortlist', '/shortlist/'],
  ];
  for (const [name, href] of links) await expect(nav.getByRole('link', { name })).toHaveAttribute('href', href);
});

test('the home page search box sends the words to the search page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('search')).toHaveAttribute('action', '/search/');
});

test('a page that does not exist gets a helpful page made for phones', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.locator('meta[name="viewport"]')).toHaveAttribute('content', /width=device-width/);
  await expectNoAccessibilityViolations(page);
});

test('search engines find the sitemap from robots.txt', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  const sitemap = /Sitemap: (\S+)/.exec(robots)![1]!;
  const index = await request.get(new URL(sitemap).pathname);
  expect(index.status()).toBe(200);
  expect(await index.text()).toContain('<sitemapindex');
});

test('the site has an icon and a web manifest', async ({ request }) => {
  expect((await request.get('/favicon.svg')).status()).toBe(200);
  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as { name: string };
  expect(manifest.name).toContain('Signpost');
});
