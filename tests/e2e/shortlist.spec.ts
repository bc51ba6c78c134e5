import { expect, test } from '@playwright/test';
import { buildListings } from '../../src/lib/directory/listing.ts';
import { sampleData } from '../../src/lib/sample-data/index.ts';
import { expectNoAccessibilityViolations } from './axe.ts';

const listings = buildListings(sampleData.catalogue).filter((l) => l.status === 'active' && l.locations.length > 0 && l.phones.length > 0);
const [first, second] = [listings[0]!, listings[1]!];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an empty shortlist explains how to fill it', async ({ page }) => {
  await page.goto('/shortlist/');
  await expect(page.getByText('Your shortlist is empty.')).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('a service added from its page is on the shortlist, with when, where and contact, after a reload', async ({ page }) => {
  await page.goto(`/services/${first.id}/`);
  await page.getByRole('link', { name: new RegExp(`^Add to shortlist\\s*: ${escape(first.name)}$`) }).click();
  await expect(page.getByRole('status')).toHaveText('1 service added to your shortlist.');
  await expect(page).toHaveURL(/\/shortlist\/$/);
  await page.reload();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: first.name }) });
  await expect(item.getByRole('definition').nth(1)).toContainText(first.locations[0]!.postcode ?? first.locations[0]!.address[0]!);
  await expect(item.getByRole('definition').nth(2)).toContainText(first.phones[0]!.number);
  await expectNoAccessibilityViolations(page);
});

test('removing a service takes it off the list and says so', async ({ page }) => {
  await page.goto(`/shortlist/?ids=${first.id},${second.id}`);
  await page.getByRole('button', { name: `Remove ${first.name} from your shortlist` }).click();
  await expect(page.getByRole('status')).toContainText(`${first.name} removed. 1 service left.`);
  await expect(page.getByRole('heading', { level: 2, name: first.name })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: second.name })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('the shared link rebuilds the same list on another device', async ({ page, browser }) => {
  await page.goto(`/shortlist/?add=${first.id}`);
  await expect(page.getByRole('status')).toHaveText('1 service added to your shortlist.');
  await page.goto(`/shortlist/?add=${second.id}`);
  await expect(page.getByRole('heading', { level: 2, name: second.name })).toBeVisible();
  const link = await page.getByRole('textbox', { name: 'Link to this shortlist' }).inputValue();
  expect(new URL(link).searchParams.get('ids')).toBe(`${first.id},${second.id}`);
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByRole('heading', { level: 2, name: first.name })).toBeVisible();
  await expect(elsewhere.getByRole('heading', { level: 2, name: second.name })).toBeVisible();
  await other.close();
});

test('the printed shortlist has the services and none of the buttons', async ({ page }) => {
  await page.goto(`/shortlist/?ids=${first.id},${second.id}`);
  await expect(page.getByRole('heading', { level: 2, name: second.name })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print this list' })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Remove/ }).first()).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: first.name })).toBeVisible();
});

test('a service that has left the directory is named as gone and can be removed', async ({ page }) => {
  await page.goto('/shortlist/?ids=no-such-service');
  await expect(page.getByRole('heading', { name: 'A service on this list is no longer in the directory' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('without JavaScript the shortlist page explains itself', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/shortlist/');
  await expect(page.getByText(/It needs JavaScript, so if it does not appear/)).toBeVisible();
  // axe cannot run with JavaScript off; this markup is the same the sweep checks before the island loads.
  await expect(page.getByRole('link', { name: 'Browse every service from A to Z' })).toBeVisible();
  await context.close();
});
