import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe.ts';
import { chooseRadio, press } from './keyboard.ts';
import { answerSelfReferral, referencePattern, sql, waitForMinimumFillTime } from './referral-support.ts';
import { account, endSessions, password, teamNamed, totpCode, type TestAccount } from './staff-accounts.ts';

/**
 * The link-worker workspace's part of issue 11's acceptance: a link worker signs in with two
 * factors, finds a referral made through the self-referral journey, moves it to contacted and
 * messages the person, who reads it on their page; a coordinator routes another referral to a
 * second team, after which the first team's link worker cannot open it through the API. Axe runs
 * on every screen and state.
 */
const lynnTeam = 'Lynn and the Coast PCN Link Workers';
const connectors = 'West Norfolk Community Connectors';

test.describe.configure({ timeout: 120_000 });

async function signIn(page: Page, who: TestAccount) {
  await page.goto('/staff/');
  await page.getByRole('heading', { name: 'Sign in to the staff workspace' }).waitFor();
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('#code').fill(totpCode(who.secret!));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${who.name}` })).toBeVisible();
}

interface StoredText {
  given: string;
  family: string;
  whatMatters: string;
  safeTimes?: string;
  accessNeeds?: string;
  interpreter?: string;
  /** A message from the person on the referral's thread. */
  message?: string;
}

/** A referral stored for the PCN U90001 (as submit_referral stores it), for the routing and hostile-text tests. */
async function storedReferral(
  text: StoredText = { given: 'Rosalind', family: 'Routed', whatMatters: 'My memory is not what it was' },
): Promise<{ id: string; reference: string }> {
  const [practice] = await sql<{ id: string; pcn_id: string }>(
    `select p.id, p.pcn_id from public.gp_practices p join public.pcns n on n.id = p.pcn_id where n.code = 'U90001' order by p.code limit 1`,
  );
  const team = await teamNamed(lynnTeam);
  const owner = randomUUID();
  await sql(
    `insert into auth.users (id, aud, role, is_anonymous, created_at, updated_at) values ($1, 'authenticated', 'authenticated', true, now(), now())`,
    [owner],
  );
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  const reference = `SP-${pick(4)}-${pick(2)}`;
  const [row] = await sql<{ id: string }>(
    `insert into public.referrals (reference, owner_id, idempotency_key, submission_hash, source, gp_practice_id, pcn_id, team_id,
       given_name, family_name, date_of_birth, postcode, needs, what_matters, contact_methods, phone, consent_version,
       safe_times, access_needs, interpreter_language)
     values ($1, $2, gen_random_uuid(), repeat('0', 64), 'self', $3, $4, $5, $6, $7, '1955-05-05', 'PE30 1AB',
       array['dementia'], $8, array['phone'], '01632 960 001', 'e2e', $9, $10, $11) returning id`,
    [
      reference,
      owner,
      practice!.id,
      practice!.pcn_id,
      team,
      text.given,
      text.family,
      text.whatMatters,
      text.safeTimes ?? null,
      text.accessNeeds ?? null,
      text.interpreter ?? null,
    ],
  );
  if (text.message) {
    await sql(`insert into public.referral_messages (referral_id, author_kind, author_id, body) values ($1, 'person', $2, $3)`, [
      row!.id,
      owner,
      text.message,
    ]);
  }
  return { id: row!.id, reference };
}

test('a link worker finds a self-referral, moves it to in contact and messages the person, who reads it on their page', async ({
  browser,
}) => {
  // The person refers themselves through the journey.
  const person = await (await browser.newContext()).newPage();
  const startedAt = await answerSelfReferral(person, 'U90001');
  await waitForMinimumFillTime(person, startedAt);
  await person.getByRole('button', { name: 'Send referral' }).click();
  await expect(person.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
  const reference = (await person.locator('.referral-reference').innerText()).trim();
  expect(reference).toMatch(referencePattern);

  const worker = await account('inbox-worker', { role: 'link_worker', team: lynnTeam, enrolled: true });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, worker);
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('link', { name: 'Open the referrals inbox' }));
  await expect(page.getByRole('heading', { name: 'Referrals inbox' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /Showing \d+ of \d+/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // Filters live in the address.
  await page.getByLabel('Source').selectOption({ label: 'Self-referral' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/#inbox\?source=self$/);
  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('New');
  await expectNoAccessibilityViolations(page);
  await press(page, row.getByRole('link', { name: 'Ada Lovelace' }));

  await expect(page.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeFocused();
  await expect(page.getByText('I have felt lonely since I moved here.')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  const [logged] = await sql<{ n: number }>(
    `select count(*)::int as n from public.staff_access_log l join public.referrals r on r.id::text = l.record_id
     where r.reference = $1 and l.staff_user_id = $2`,
    [reference, worker.id],
  );
  expect(logged!.n).toBe(1);

  // Saving with nothing chosen names the problem.
  await page.getByRole('button', { name: 'Save status' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose what the referral’s status should be');
  await expectNoAccessibilityViolations(page);

  // From the keyboard: the radios, then the button.
  await chooseRadio(page, page.locator('input[name=status-to]'), page.getByRole('radio', { name: 'In contact' }));
  await press(page, page.getByRole('button', { name: 'Save status' }));
  await expect(page.getByText('Status changed to In contact')).toBeVisible();
  await expect(page.locator('.govuk-summary-list').first()).toContainText('In contact');
  await expect(page.locator('.record-timeline')).toContainText('Status changed from New to In contact');

  // The session ends while a message is being written: the words stay, and it is sent after signing in again.
  const words = 'Hello Ada, thank you for getting in touch. I will ring you on Tuesday morning.';
  await page.getByLabel('Write to the person').fill(words);
  const token = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!;
    return (JSON.parse(localStorage.getItem(key)!) as { access_token: string }).access_token;
  });
  await endSessions(token);
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByRole('heading', { name: 'You have been signed out' })).toBeFocused();
  await expect(page.getByLabel('Write to the person')).toHaveValue(words);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await page.locator('#code').fill(totpCode(worker.secret!));
  await page.getByRole('button', { name: 'Continue where I was' }).click();
  await expect(page.getByLabel('Write to the person')).toHaveValue(words);
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.locator('.message-thread')).toContainText(words);
  await expect(page.getByLabel('Write to the person')).toHaveValue('');

  await page.getByLabel('Add a case note').fill('Prefers calls before 11am.');
  await page.getByRole('button', { name: 'Add case note' }).click();
  await expect(page.locator('.record-note')).toContainText('Prefers calls before 11am.');
  await expectNoAccessibilityViolations(page);

  // The person sees the message and the new status, and never the case note.
  await person.goto('/my-referral/');
  await expect(person.locator('.referral-reference')).toHaveText(reference);
  await expect(person.locator('.message-thread')).toContainText(words);
  await expect(person.getByText('In touch', { exact: true })).toBeVisible();
  await expect(person.getByText('Prefers calls before 11am.')).toHaveCount(0);
});

test('a coordinator routes a referral to a second team with a reason, and the first team’s link worker can no longer open it', async ({
  page,
}) => {
  const referral = await storedReferral();
  const coordinator = await account('routing-coordinator', { role: 'coordinator', team: connectors, enrolled: true });
  const firstTeam = await account('first-team-worker', { role: 'link_worker', team: lynnTeam, enrolled: true });

  await signIn(page, coordinator);
  await page.goto(`/staff/#referral/${referral.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rosalind Routed' })).toBeVisible();
  await page.getByLabel('Team to send it to').selectOption({ label: connectors });
  await page.getByRole('button', { name: 'Route referral' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Say why the referral is going to the other team');
  await expectNoAccessibilityViolations(page);
  await page.getByLabel('Why it is going to that team').fill('Early dementia: the Connectors have time for it.');
  await page.getByRole('button', { name: 'Route referral' }).click();
  await expect(page.getByText(`Referral routed to ${connectors}`)).toBeVisible();
  await expect(page.locator('.govuk-summary-list').first()).toContainText(connectors);
  await expect(page.locator('.record-timeline')).toContainText('Early dementia: the Connectors have time for it.');
  await expectNoAccessibilityViolations(page);

  // Through the API, with the first team's link worker's own two-factor session.
  const client = createClient(process.env.PUBLIC_SUPABASE_URL!, process.env.PUBLIC_SUPABASE_PUBLISHABLE_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  expect((await client.auth.signInWithPassword({ email: firstTeam.email, password })).error).toBeNull();
  const factor = (await client.auth.mfa.listFactors()).data!.totp[0]!;
  expect((await client.auth.mfa.challengeAndVerify({ factorId: factor.id, code: totpCode(firstTeam.secret!) })).error).toBeNull();
  const read = await client.from('referrals').select('id').eq('id', referral.id);
  expect(read).toMatchObject({ error: null, data: [] });
  const moved = await client.rpc('move_referral', { referral_id: referral.id, to_status: 'triaged' });
  expect(moved.error).toMatchObject({ code: 'SP404' });
  const logged = await client.rpc('log_staff_access', { record_kind: 'referral', record_id: referral.id });
  expect(logged.error).toBeNull();
  // Signing in to the screen says the same.
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await signIn(page, firstTeam);
  await page.goto(`/staff/#referral/${referral.id}`);
  await expect(page.getByRole('heading', { name: 'The referral did not open' })).toBeVisible();
  await expect(page.getByText('We could not find that referral in your teams')).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('a curator is told referrals are not part of their role', async ({ page }) => {
  const curator = await account('inbox-curator', { role: 'curator', enrolled: true });
  await signIn(page, curator);
  await page.goto('/staff/#inbox');
  await expect(page.getByRole('heading', { name: 'Referrals are for link workers and coordinators' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('markup a resident typed is shown as their words in the inbox and the record, never run or drawn', async ({ page }) => {
  // Each payload would set window.pwned if the page ran it, or draw an image if it became markup.
  const payload = (where: string) => `<img src=x onerror="window.pwned='${where}'"><script>window.pwned='${where}'</script>`;
  const text = {
    given: `Ada ${payload('name')}`.slice(0, 100),
    family: `"><svg onload="window.pwned='family'">`,
    whatMatters: `I feel alone ${payload('what matters')} =HYPERLINK("http://evil.example","x") ${randomUUID()}`,
    safeTimes: `After ${payload('safe times')}`.slice(0, 200),
    accessNeeds: `Large print ${payload('access needs')}`,
    interpreter: `<b>Polish</b>`,
  };
  const referral = await storedReferral({ ...text, message: text.whatMatters });
  const worker = await account('hostile-text-worker', { role: 'link_worker', team: lynnTeam, enrolled: true });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, worker);

  await page.goto('/staff/#inbox');
  const row = page.getByRole('row').filter({ hasText: referral.reference });
  await expect(row).toContainText(text.given);
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(text.given);
  for (const words of [text.whatMatters, text.safeTimes, text.accessNeeds, text.interpreter])
    await expect(page.getByText(words).first()).toBeVisible();
  await expect(page.locator('.message-thread')).toContainText(text.whatMatters);

  // Nothing the resident wrote became an element or ran.
  const madeFromPayload = await page.evaluate(
    () =>
      [...document.querySelectorAll('main *')].filter(
        (el) =>
          [...el.attributes].some((a) => a.value.includes('pwned')) ||
          (el.tagName === 'SCRIPT' && el.textContent.includes('pwned')) ||
          (el.tagName === 'B' && el.textContent === 'Polish'),
      ).length,
  );
  expect(madeFromPayload).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
