import type { Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe.ts';
import { expect, test } from './offline.ts';
import { sampleData } from '../../src/lib/sample-data/index.ts';

const { pcns, practices } = sampleData.places;
const lynn = pcns.find((p) => p.code === 'U90001')!; // self-referral open
const marshland = pcns.find((p) => p.code === 'U90002')!; // self-referral not open
const lynnPractice = practices.find((p) => p.pcn_id === lynn.id)!;

async function openMap(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('.leaflet-container[data-ready="true"]')).toBeVisible();
}

const postcodeBox = (page: Page) => page.getByRole('textbox', { name: 'Your postcode' });

async function findPostcode(page: Page, postcode: string) {
  await postcodeBox(page).fill(postcode);
  await page.getByRole('button', { name: 'Find area by postcode' }).click();
}

/** Presses Tab until an area's pin has focus, and gives its name and address. */
async function tabToAreaPin(page: Page): Promise<{ name: string; href: string }> {
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const pin = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLAnchorElement && el.classList.contains('area-pin')
        ? { name: el.textContent, href: el.getAttribute('href')! }
        : null;
    });
    if (pin) return pin;
  }
  throw new Error('Tab never reached an area pin');
}

const areaMap = (page: Page) => page.getByRole('region', { name: 'Map of the areas' });

test.describe('the areas map', () => {
  test('shows every PCN on the map and in the list beside it', async ({ page }) => {
    await openMap(page, '/areas/');
    const pins = await areaMap(page).locator('a.area-pin').count();
    const clustered = (await areaMap(page).locator('.cluster-button').allTextContents()).reduce((sum, n) => sum + Number(n), 0);
    expect(pins + clustered).toBe(pcns.length);
    for (const pcn of pcns)
      await expect(page.getByRole('navigation', { name: 'Areas by place' }).getByRole('link', { name: pcn.name })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Norfolk and Waveney' })).toBeVisible();
  });

  test('pointing at an area highlights it and names it, and clicking opens its page', async ({ page }) => {
    await openMap(page, '/areas/');
    const pin = areaMap(page).locator('a.area-pin').first();
    const name = (await pin.textContent())!;
    await pin.hover();
    await expect(page.locator('.leaflet-tooltip', { hasText: name })).toBeVisible();
    await expect(page.locator('.map-status')).toContainText(name);
    await pin.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('Tab reaches an area, focus names it, and Enter opens its page', async ({ page }) => {
    await openMap(page, '/areas/');
    await page.getByRole('button', { name: 'Show all areas' }).focus();
    await page.keyboard.press('Tab'); // the map itself: arrow keys pan it
    await expect(areaMap(page)).toBeFocused();
    const pin = await tabToAreaPin(page);
    await expect(page.locator('.leaflet-tooltip', { hasText: pin.name })).toBeVisible();
    await expect(page.locator('.map-status')).toContainText(pin.name);
    await expectNoAccessibilityViolations(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${pin.href}$`));
    await expect(page.getByRole('heading', { level: 1, name: pin.name })).toBeVisible();
  });

  test('pins too close together are one button that zooms in from the keyboard, then Tab reaches each', async ({ page }) => {
    await openMap(page, '/areas/');
    const cluster = areaMap(page)
      .getByRole('button', { name: /areas here: zoom in to see them/ })
      .first();
    test.skip((await cluster.count()) === 0, 'no area pins overlap at this size');
    const pinsBefore = await areaMap(page).locator('a.area-pin').count();
    await cluster.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => areaMap(page).locator('a.area-pin').count()).toBeGreaterThan(pinsBefore);
    await expect(areaMap(page)).toBeFocused();
    const first = await tabToAreaPin(page);
    await expect(page.locator('.leaflet-tooltip', { hasText: first.name })).toBeVisible();
    const second = await tabToAreaPin(page);
    expect(second.name).not.toBe(first.name);
    await expect(page.locator('.leaflet-tooltip', { hasText: second.name })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('the map never traps focus: Tab goes on past it to the list', async ({ page }) => {
    await openMap(page, '/areas/');
    await page.getByRole('button', { name: 'Show all areas' }).focus();
    const firstListed = page.getByRole('navigation', { name: 'Areas by place' }).getByRole('link').first();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      if (await firstListed.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error('Tab did not leave the map for the list');
  });

  test('the zoom buttons are buttons that change the map', async ({ page, refusedRequests }) => {
    await openMap(page, '/areas/');
    // Tiles are refused, but the map still asks for them: their addresses say the zoom level.
    const deepestZoom = () => Math.max(0, ...refusedRequests.map((url) => Number(/\/(\d+)\/\d+\/\d+\.png/.exec(url)?.[1] ?? 0)));
    await expect.poll(deepestZoom).toBeGreaterThan(0);
    const before = deepestZoom();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).press('Enter');
    await expect.poll(deepestZoom).toBe(before + 1);
  });

  test('shows the areas on a plain background when no map tiles load', async ({ page, refusedRequests }) => {
    await openMap(page, '/areas/');
    await expect(page.locator('.leaflet-overlay-pane canvas')).toBeVisible();
    await expect.poll(() => refusedRequests.some((url) => url.includes('tile'))).toBe(true);
  });
});

test.describe('find your area', () => {
  test('a postcode in a sample area finds its PCN with the network unplugged', async ({ page }) => {
    await page.goto('/areas/');
    await findPostcode(page, 'pe30 1ab');
    await expect(page.getByText(`PE30 1AB is in ${lynn.name}.`)).toBeVisible();
    await expect(
      page.getByText('We could not look up PE30 1AB exactly, so we used the middle of the PE30 postcode district.'),
    ).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: lynn.name }).first().click();
    await expect(page).toHaveURL(/\/areas\/u90001\/$/);
  });

  test('a postcode outside the covered areas says what to do instead', async ({ page }) => {
    await page.goto('/areas/');
    await findPostcode(page, 'SW1A 2AA');
    await expect(page.getByText('SW1A 2AA is outside the areas Signpost covers.')).toBeVisible();
    await expect(page.getByText(/Ask your GP practice about social prescribing/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'find services near you on the NHS website' })).toHaveAttribute(
      'href',
      'https://www.nhs.uk/service-search',
    );
    await expectNoAccessibilityViolations(page);
  });

  for (const [typed, message] of [
    ['PE30', 'Enter the whole postcode, for example PE30 1AB, not just the first part'],
    ['not a postcode', 'Enter a real postcode, for example PE30 1AB'],
    ['PE30-1AB', 'A postcode only has letters and numbers, for example PE30 1AB'],
    ['', 'Enter a postcode'],
  ]) {
    test(`a malformed postcode (“${typed}”) gets a specific error and keeps what was typed`, async ({ page }) => {
      await page.goto('/areas/');
      await findPostcode(page, typed!);
      await expect(page.getByText(message!)).toBeVisible();
      await expect(postcodeBox(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(postcodeBox(page)).toHaveValue(typed!);
      await expect(postcodeBox(page)).toBeFocused();
      await expectNoAccessibilityViolations(page);
    });
  }

  test('choosing a GP practice as you type opens its area', async ({ page }) => {
    await page.goto('/areas/');
    const box = page.getByRole('combobox', { name: 'Or your GP practice' });
    const label = `${lynnPractice.name}, ${lynnPractice.address!.split(',').at(-1)!.trim()}`;
    await expect(page.locator(`datalist option[value="${label}"]`)).toHaveCount(1);
    await box.fill(label);
    await box.press('Enter');
    await expect(page).toHaveURL(/\/areas\/u90001\/$/);
  });

  test('a practice that is not in the list gets a clear error', async ({ page }) => {
    await page.goto('/areas/');
    await page.getByRole('combobox', { name: 'Or your GP practice' }).fill('Nowhere Surgery');
    await page.getByRole('button', { name: 'Find area by practice' }).click();
    await expect(page.getByText(/Choose your practice from the list as you type/)).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list of areas and the practice select still work', async ({ page }) => {
    await page.goto('/areas/');
    for (const pcn of pcns)
      await expect(page.getByRole('navigation', { name: 'Areas by place' }).getByRole('link', { name: pcn.name })).toBeVisible();
    await expect(page.getByText('The map needs JavaScript. Every area is in the list.')).toBeVisible();
    const select = page.getByRole('combobox', { name: 'Your GP practice' });
    await expect(select.locator('optgroup', { hasText: lynnPractice.name })).toHaveAttribute('label', lynn.name);
    await select.selectOption(lynnPractice.code);
    await page.getByRole('button', { name: 'Show practices and their areas' }).click();
    await expect(page).toHaveURL(/\/areas\/practices\/\?practice=/);
    const row = page.getByRole('row', { name: new RegExp(lynnPractice.name) }).first();
    await expect(row.getByRole('link', { name: lynn.name })).toBeVisible();
    await row.getByRole('link', { name: lynn.name }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'GP practices' })).toBeVisible();
  });
});

test.describe('an area page', () => {
  test('shows the team, practices and local services on a map and as a list, and Refer yourself carries the PCN', async ({ page }) => {
    await openMap(page, '/areas/u90001/');
    await expect(page.getByRole('heading', { level: 1, name: lynn.name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Refer yourself' })).toHaveAttribute('href', '/refer/?pcn=U90001');
    await expect(page.getByRole('heading', { level: 2, name: 'The team' })).toBeVisible();
    await expect(page.getByRole('link', { name: /community page/ })).toBeVisible();
    for (const practice of practices.filter((p) => p.pcn_id === lynn.id))
      await expect(page.getByText(practice.name, { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'By what they help with' })).toBeVisible();
    const listed = page.locator('.need-group a.result-title');
    expect(await listed.count()).toBeGreaterThan(5);
    await expect(page.getByRole('region', { name: `Map of ${lynn.name} and its services` })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('where self-referral is not open, it says so and gives the alternative', async ({ page }) => {
    await page.goto('/areas/u90002/');
    await expect(page.getByRole('heading', { level: 1, name: marshland.name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Refer yourself' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'You cannot refer yourself online in this area yet' })).toBeVisible();
    await expect(
      page.getByText(/Ask your GP practice to refer you to a social prescribing link worker, or contact the team/),
    ).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('service pins are clustered, a cluster opens from the keyboard, and each pin is a link to its service', async ({ page }) => {
    await openMap(page, '/areas/u90001/');
    const map = page.getByRole('region', { name: `Map of ${lynn.name} and its services` });
    const cluster = map.getByRole('button', { name: /services here: zoom in to see them/ }).first();
    await cluster.focus();
    await expectNoAccessibilityViolations(page);
    await page.keyboard.press('Enter');
    const pins = map.locator('a.service-pin');
    await expect.poll(() => pins.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const pin = pins.first();
    const name = (await pin.textContent())!;
    await pin.focus();
    await expect(page.locator('.leaflet-tooltip', { hasText: name })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/services\/[^/]+\/$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('every area page meets WCAG 2.2 AA with its map loaded', async ({ page }) => {
    test.setTimeout(120_000);
    for (const pcn of pcns) {
      await page.goto(`/areas/${pcn.code.toLowerCase()}/`);
      const map = page.locator('.leaflet-container[data-ready="true"]');
      if ((await page.locator('#services-map-description').count()) > 0) await expect(map).toBeVisible();
      await expectNoAccessibilityViolations(page);
    }
  });
});
