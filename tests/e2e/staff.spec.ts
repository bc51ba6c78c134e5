import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe.ts';
import { account, endSessions, mailTo, password, totpCode } from './staff-accounts.ts';

const teamName = 'Lynn and the Coast PCN Link Workers';

// Each test signs in through Auth with two factors, some twice, and runs axe on every screen: a
// dozen round trips that take far longer than Playwright's default 30 s on a loaded machine.
test.describe.configure({ timeout: 90_000 });

/** Presses Tab until the control is focused, as a keyboard user moves through the page. */
async function tabTo(page: Page, selector: string) {
  const target = page.locator(selector);
  for (let i = 0; i < 30; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function signInWithPassword(page: Page, email: string) {
  await page.goto('/staff/');
  await page.getByRole('heading', { name: 'Sign in to the staff workspace' }).waitFor();
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('the staff sign-in shows at once, waiting, and says what is wrong when JavaScript is off', async ({ browser, page }) => {
  // With the page's code held back, the sign-in screen is already there, its form disabled.
  await page.route('**/_astro/*.js', () => {});
  await page.goto('/staff/', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { name: 'Sign in to the staff workspace' })).toBeVisible();
  await expect(page.locator('#email')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeDisabled();
  await expectNoAccessibilityViolations(page);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto('/staff/');
  await expect(noScript.getByRole('heading', { level: 1 })).toHaveText('Staff workspace');
  // Playwright's text matching skips <noscript>, so its words are read from the page itself.
  expect(await noScript.locator('main').evaluate((main: HTMLElement) => main.innerText)).toContain('The workspace needs JavaScript');
  await expect(noScript.locator('#email')).toBeHidden();
  await context.close();
});

async function enterCode(page: Page, secret: string, button: string) {
  await page.locator('#code').fill(totpCode(secret));
  await page.getByRole('button', { name: button }).click();
}

test('a new link worker signs in with the keyboard alone, sets up their authenticator app and reaches their home', async ({ page }) => {
  const worker = await account('new-link-worker', { role: 'link_worker', team: teamName });
  await page.goto('/staff/');
  await expect(page.getByRole('heading', { name: 'Sign in to the staff workspace' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  // The sign-in screen is painted from the server; its form waits for Supabase's code.
  await expect(page.locator('#email')).toBeEnabled();

  await tabTo(page, '#email');
  await page.keyboard.type(worker.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');

  const heading = page.getByRole('heading', { name: 'Set up your authenticator app' });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('img', { name: /QR code to add Signpost/ })).toBeVisible();
  const secret = (await page.locator('#totp-secret').textContent())!;
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAccessibilityViolations(page);

  await tabTo(page, '#code');
  await page.keyboard.type(totpCode(secret));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: `Hello, ${worker.name}` })).toBeFocused();
  await expect(page.getByText(worker.email)).toBeVisible();
  await expect(page.getByText('Link worker: works with the people referred to their team')).toBeVisible();
  await expect(page.getByText(teamName)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the referrals inbox' })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the staff workspace' })).toBeVisible();
});

test('a returning member of staff is asked for the code from their app, and a wrong code is refused plainly', async ({ page }) => {
  const curator = await account('returning-curator', { role: 'curator', enrolled: true });
  await signInWithPassword(page, curator.email);
  await expect(page.getByRole('heading', { name: 'Enter the code from your authenticator app' })).toBeFocused();
  await expectNoAccessibilityViolations(page);

  const right = totpCode(curator.secret!);
  await page.locator('#code').fill(right === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('That code is not right.');
  await expect(summary).toBeFocused();
  await expectNoAccessibilityViolations(page);

  await enterCode(page, curator.secret!, 'Continue');
  await expect(page.getByRole('heading', { name: `Hello, ${curator.name}` })).toBeVisible();
  await expect(page.getByText('Not in a team (your role works across every team)')).toBeVisible();
});

test('the sign-in form names each missing answer, and a wrong password is refused without saying which part was wrong', async ({
  page,
}) => {
  await page.goto('/staff/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link')).toHaveText(['Enter your work email address', 'Enter your password']);
  await expectNoAccessibilityViolations(page);
  await page.locator('#email').fill('nobody@e2e-staff.example.org');
  await page.locator('#password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(summary).toContainText('The email address or password is not right.');
});

test('a signed-in person who is not staff is told so plainly, is never asked to set up an app, and can sign out', async ({ page }) => {
  const resident = await account('not-staff');
  await signInWithPassword(page, resident.email);
  await expect(page.getByRole('heading', { name: 'This account is not a staff account' })).toBeFocused();
  await expect(page.getByText(resident.email)).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the staff workspace' })).toBeVisible();
});

test('a sign-in link by email brings a member of staff back to the workspace to set up their app', async ({ page }) => {
  const coordinator = await account('link-coordinator', { role: 'coordinator', team: teamName });
  await page.goto('/staff/');
  await page.locator('#link-email').fill(coordinator.email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await expectNoAccessibilityViolations(page);
  const [mail] = await mailTo(coordinator.email);
  const link = mail!.links.find((l) => l.includes('/verify'))!;
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();
  await expect(page).toHaveURL(/\/staff\/#?$/);
});

test('an admin whose session ends while inviting signs in again in place, keeps what they typed, and sends the invitation', async ({
  page,
}) => {
  const admin = await account('inviting-admin', { role: 'admin', enrolled: true });
  await signInWithPassword(page, admin.email);
  await enterCode(page, admin.secret!, 'Continue');
  await page.getByRole('link', { name: 'Invite a member of staff' }).click();
  await expect(page.getByRole('heading', { name: 'Invite a member of staff' })).toBeFocused();
  await expectNoAccessibilityViolations(page);

  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link')).toHaveText([
    'Enter their name, as colleagues will see it',
    'Enter their work email address',
    'Select their role',
  ]);
  await expectNoAccessibilityViolations(page);

  const invited = `invited-${Date.now()}@e2e-staff.example.org`;
  await page.getByLabel('Their name').fill('Morgan Newcomer');
  await page.getByLabel('Their work email address').fill(invited);
  await page.getByLabel('Link worker').check();
  await page.getByLabel('Their team').selectOption({ label: teamName });

  // The session ends elsewhere (signed out on another device, or timed out).
  const token = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!;
    return (JSON.parse(localStorage.getItem(key)!) as { access_token: string }).access_token;
  });
  await endSessions(token);
  await page.getByRole('button', { name: 'Send invitation' }).click();

  await expect(page.getByRole('heading', { name: 'You have been signed out' })).toBeFocused();
  await expect(page.getByLabel('Their name')).toHaveValue('Morgan Newcomer');
  await expect(page.getByLabel('Their work email address')).toHaveValue(invited);
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await enterCode(page, admin.secret!, 'Continue where I was');
  await expect(page.getByRole('heading', { name: 'You have been signed out' })).toHaveCount(0);
  await expect(page.getByLabel('Their name')).toHaveValue('Morgan Newcomer');
  await expect(page.getByLabel('Link worker')).toBeChecked();

  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('heading', { name: 'Invitation sent' })).toBeFocused();
  await expect(page.getByText(invited)).toBeVisible();
  await expectNoAccessibilityViolations(page);
  expect((await mailTo(invited))[0]?.kind).toBe('invite');
});

test('a link worker who opens the invite screen is told only administrators invite staff', async ({ page }) => {
  const worker = await account('curious-link-worker', { role: 'link_worker', team: teamName, enrolled: true });
  await signInWithPassword(page, worker.email);
  await enterCode(page, worker.secret!, 'Continue');
  await expect(page.getByRole('link', { name: 'Invite a member of staff' })).toHaveCount(0);
  await page.goto('/staff/#invite');
  await expect(page.getByRole('heading', { name: 'Only administrators can invite staff' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});
