import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { buildListings } from '../../src/lib/directory/listing.ts';
import { sampleData } from '../../src/lib/sample-data/index.ts';
import { expectNoAccessibilityViolations } from './axe.ts';
import { account, password, totpCode, type TestAccount } from './staff-accounts.ts';

// Two-factor sign-ins and axe on every state outrun Playwright's default 30 s on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const admin = createClient(process.env.PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SECRET_KEY!, {
  auth: { persistSession: false, autoRefreshToken: false },
});
// The listings shortlist.spec.ts adds, whose counts move while it runs.
const shortlistedElsewhere = buildListings(sampleData.catalogue)
  .filter((l) => l.status === 'active' && l.locations.length > 0 && l.phones.length > 0)
  .slice(0, 2)
  .map((l) => l.id);
const hostile = `<img src=x onerror="alert('xss')"><script>alert(1)</script>`;

/** A published sample listing with opening times, chosen apart from those other tests use. */
async function listingWithTimes(offset: number): Promise<{ id: string; name: string }> {
  const { data, error } = await admin
    .from('services')
    .select('id, name, schedules!inner(id)')
    .eq('published', true)
    .order('id', { ascending: false })
    .range(offset, offset);
  if (error) throw error;
  const [row] = data as { id: string; name: string }[];
  return { id: row!.id, name: row!.name };
}

async function signIn(page: Page, who: TestAccount, hash = '') {
  await page.goto(`/staff/${hash}`);
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('#code').fill(totpCode(who.secret!));
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Fails the test if anything the public typed ever runs as script. */
function failOnDialogs(page: Page) {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
}

test('a resident reports wrong times on a listing, and a curator corrects them from the report and accepts it', async ({ page }) => {
  failOnDialogs(page);
  const listing = await listingWithTimes(0);
  const note = `Now Wednesdays 1:30 to 3. ${hostile} ${randomUUID()}`;

  await page.goto(`/services/${listing.id}/`);
  await page.getByRole('link', { name: 'Report a problem with this listing' }).click();
  await expect(page.getByRole('heading', { name: 'Report a problem with this listing' })).toBeVisible();
  await expect(page.getByText(listing.name, { exact: true })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByRole('button', { name: 'Send report' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary.getByRole('link')).toHaveText(['Select what is wrong with the listing']);
  await expect(summary).toBeFocused();
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('The days or times are wrong').check();
  await page.locator('#note').fill(note);
  await page.locator('#email').fill('not an email');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(summary.getByRole('link')).toHaveText(['Enter an email address in the correct format, like name@example.com']);
  await expect(page.locator('#note')).toHaveValue(note);
  await page.locator('#email').fill('resident@example.org');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('heading', { name: 'Report sent' })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const { data: reports } = await admin.from('listing_reports').select('id, note').eq('note', note);
  expect(reports).toHaveLength(1);
  const reportId = (reports as { id: string }[])[0]!.id;

  const curator = await account('accepting-curator', { role: 'curator', enrolled: true });
  await signIn(page, curator, '#curation/reports');
  await expect(page.getByRole('heading', { name: 'Reports and suggestions' })).toBeFocused();
  await expectNoAccessibilityViolations(page);
  await page.locator(`a[href="#curation/report/${reportId}"]`).click();
  await expect(page.getByRole('heading', { name: `A problem with ${listing.name}` })).toBeFocused();
  // The resident's words are shown as they typed them: as text, never as markup.
  await expect(page.getByTestId('report-note')).toHaveText(note);
  await expect(page.locator('[data-testid=report-note] img, [data-testid=report-note] script')).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  const remove = page.getByRole('button', { name: /^Remove opening time/ });
  while ((await remove.count()) > 0) await remove.first().click();
  await page.getByRole('button', { name: 'Add an opening time' }).click();
  await page.getByRole('group', { name: 'Days' }).getByLabel('Wednesday').check();
  await page.locator('#schedule-0-opens_at').fill('13:30');
  await page.locator('#schedule-0-closes_at').fill('15:00');
  await expect(page.getByText('Residents will read: Every Wednesday, 1:30pm to 3pm')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Save these opening times and accept' }).click();
  await expect(page.getByRole('heading', { name: 'Report accepted' })).toBeFocused();
  await expect(page.getByText('will be emailed the outcome')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const { data: times } = await admin.from('schedules').select('freq, byday, opens_at, closes_at').eq('service_id', listing.id);
  expect(times).toEqual([{ freq: 'WEEKLY', byday: 'WE', opens_at: '13:30:00', closes_at: '15:00:00' }]);
  const { data: mail } = await admin.from('notification_outbox').select('kind, recipient').eq('listing_report_id', reportId);
  expect(mail).toEqual([{ kind: 'listing_report_accepted', recipient: 'reporter' }]);
});

test('anyone suggests a group with the keyboard alone, and each missing answer is named', async ({ page }) => {
  failOnDialogs(page);
  await page.goto('/suggest/');
  await expect(page.getByRole('heading', { name: 'Suggest a group' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.locator('#group_name').focus();
  await page.keyboard.type(hostile);
  await page.locator('button[type=submit]').focus();
  await page.keyboard.press('Enter');
  const summary = page.locator('.govuk-error-summary');
  await expect(summary.getByRole('link')).toHaveText(['Tell us what the group does']);
  await expectNoAccessibilityViolations(page);
  await summary.getByRole('link').press('Enter');
  await expect(page.locator('#group_description')).toBeFocused();
  await page.keyboard.type('Knitting and a chat, every Tuesday morning');
  await page.locator('button[type=submit]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Suggestion sent' })).toBeVisible();
  await expect(page.getByText(`Thank you for telling us about ${hostile}`)).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('a link worker flags a listing from the workspace, and cannot open the curators’ screens', async ({ page }) => {
  const worker = await account('flagging-worker', { role: 'link_worker', team: 'Lynn and the Coast PCN Link Workers', enrolled: true });
  const listing = await listingWithTimes(1);
  await signIn(page, worker);
  await page.getByRole('link', { name: 'Flag a problem with a listing' }).click();
  await expect(page.getByRole('heading', { name: 'Flag a problem with a listing' })).toBeFocused();
  await expectNoAccessibilityViolations(page);
  await page.locator('#flag-words').fill(listing.name);
  await page.getByRole('button', { name: 'Find listings' }).click();
  await page
    .getByRole('button', { name: `Flag ${listing.name}` })
    .first()
    .click();
  await page.getByRole('button', { name: 'Send to the curators' }).click();
  await expect(page.locator('.error-summary').getByRole('link')).toHaveText(['Select what is wrong with the listing']);
  await expectNoAccessibilityViolations(page);
  await page.getByLabel('The phone number, email or website is wrong').check();
  await page.locator('#flag-note').fill('The number rings out');
  await page.getByRole('button', { name: 'Send to the curators' }).click();
  await expect(page.getByRole('heading', { name: 'Listing flagged' })).toBeFocused();
  await expectNoAccessibilityViolations(page);

  await page.goto('/staff/#curation/reports');
  await expect(page.getByRole('heading', { name: 'Only curators can change the directory' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('a curator sees the listings never checked in the review queue, marks one as checked and restores an earlier value', async ({
  page,
}) => {
  const curator = await account('reviewing-curator', { role: 'curator', enrolled: true });
  const { data: never } = await admin
    .from('services')
    .select('id, name')
    .is('assured_date', null)
    .neq('status', 'defunct')
    .order('id')
    .limit(1);
  const listing = (never as { id: string; name: string }[])[0]!;
  await signIn(page, curator);
  await page.getByRole('link', { name: /^Directory curation/ }).click();
  await expect(page.getByRole('heading', { name: 'Directory curation' })).toBeFocused();
  await page.getByRole('link', { name: 'Listings due a check' }).click();
  await expect(page.getByRole('heading', { name: 'Listings due a check' })).toBeFocused();
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="#curation/service/${listing.id}"]`) });
  await expect(row).toContainText('Never checked');
  await expectNoAccessibilityViolations(page);

  await row.getByRole('link', { name: listing.name }).click();
  await expect(page.getByRole('heading', { name: `Edit ${listing.name}` })).toBeFocused();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Mark as checked' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked as checked today' })).toBeVisible();
  await expect(page.getByText(`by ${curator.email}`)).toBeVisible();

  await page.locator('#service-name').fill('');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.locator('.error-summary').getByRole('link')).toHaveText(['Give the service a name']);
  await expectNoAccessibilityViolations(page);
  await page.locator('#service-name').fill(`${listing.name} (renamed)`);
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Listing saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore the earlier name' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored the earlier name' })).toBeVisible();
  await expect(page.locator('#service-name')).toHaveValue(listing.name);
  await expectNoAccessibilityViolations(page);
});

test('opening a listing from search and shortlisting it are counted for the review queue, with nothing about the person', async ({
  page,
}) => {
  const today = new Date().toISOString().slice(0, 10);
  const counted = async (id: string) => {
    const { data } = await admin.from('listing_interest_daily').select('views, shortlists').eq('service_id', id).eq('day', today);
    return (data as { views: number; shortlists: number }[])[0] ?? { views: 0, shortlists: 0 };
  };
  // Counts are per listing and day, and the tests run side by side: another test opening or
  // shortlisting the same listing now would add to these counts. Search opens the first "walking"
  // result and the shortlist tests add the first listings of the sample, so this one counts a
  // listing further down a search no other test makes.
  await page.goto('/search/?q=money');
  const chosen = page.locator('.result-card .result-name a').nth(2);
  const id = decodeURIComponent((await chosen.getAttribute('href'))!.split('/')[2]!);
  expect(shortlistedElsewhere).not.toContain(id);
  const before = await counted(id);
  await chosen.click();
  await expect(page).toHaveURL(new RegExp(`/services/${id}/$`));
  await expect.poll(async () => (await counted(id)).views, { timeout: 10_000 }).toBe(before.views + 1);

  await page.evaluate(() => localStorage.clear());
  await page.goto(`/shortlist/?add=${encodeURIComponent(id)}`);
  await expect(page.getByRole('status').filter({ hasText: '1 service added to your shortlist.' })).toBeAttached();
  await expect.poll(async () => (await counted(id)).shortlists, { timeout: 10_000 }).toBe(before.shortlists + 1);
});

test('a curator adds a hall already in the directory to a second listing, so one place serves both', async ({ page }) => {
  const curator = await account('place-curator', { role: 'curator', enrolled: true });
  // A place some listing uses, and a published listing not held there: from the sample, apart from other tests.
  type Link = { service_id: string; location: { id: string; name: string; postal_code: string } };
  const { data: links } = await admin
    .from('service_at_locations')
    .select('service_id, location:locations(id, name, postal_code)')
    .order('id')
    .limit(40);
  const held = (links as unknown as Link[])[30]!;
  const { data: others } = await admin
    .from('services')
    .select('id, name, service_at_locations(location_id)')
    .eq('published', true)
    .neq('id', held.service_id)
    .order('name')
    .range(200, 219);
  const second = (others as { id: string; name: string; service_at_locations: { location_id: string }[] }[]).find(
    (s) => !s.service_at_locations.some((l) => l.location_id === held.location.id),
  )!;
  try {
    await signIn(page, curator, `#curation/service/${second.id}`);
    await expect(page.getByRole('heading', { name: `Edit ${second.name}` })).toBeFocused();
    await page.getByRole('link', { name: 'Add a place' }).click();
    await expect(page.getByRole('heading', { name: 'Add a place' })).toBeFocused();
    await page.getByRole('button', { name: 'Find places' }).click();
    await expect(page.getByText('Enter part of the place’s name, street, town or postcode')).toBeVisible();
    // Found by its postcode; halls of the same name in other towns are told apart by their address.
    await page.locator('#existing-place-words').fill(held.location.postal_code);
    await page.getByRole('button', { name: 'Find places' }).click();
    const add = page
      .getByRole('button', { name: /^Add to this listing/ })
      .filter({ hasText: held.location.name })
      .filter({ hasText: held.location.postal_code });
    await expect(add.first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await add.first().click();
    await expect(page.getByRole('heading', { name: `Edit ${second.name}` })).toBeFocused();
    await expect(
      page
        .getByRole('region', { name: 'Places' })
        .getByRole('link', { name: new RegExp(held.location.name) })
        .first(),
    ).toBeVisible();
    const { data: now } = await admin.from('service_at_locations').select('location_id').eq('service_id', second.id);
    expect((now as { location_id: string }[]).map((r) => r.location_id)).toContain(held.location.id);
  } finally {
    await admin.from('service_at_locations').delete().eq('service_id', second.id).eq('location_id', held.location.id);
  }
});
