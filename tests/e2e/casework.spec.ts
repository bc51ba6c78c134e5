import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe.ts';
import { answerSelfReferral, sql, waitForMinimumFillTime } from './referral-support.ts';
import { account, endSessions, password, totpCode, type TestAccount } from './staff-accounts.ts';

// Two people in two browsers, a dozen saves and axe on every state: far beyond the default 30 s on a loaded machine.
test.describe.configure({ timeout: 180_000 });

async function signInAsStaff(page: Page, who: TestAccount, hash: string) {
  await page.goto(`/staff/${hash}`);
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('#code').fill(totpCode(who.secret!));
  await page.getByRole('button', { name: 'Continue' }).click();
}

const summary = (page: Page, id: string) => page.locator(`.error-summary[aria-labelledby="${id}"]`);

test('a link worker builds a plan with two directory services, records wellbeing and a £45 spend, and the person sees the plan', async ({
  page: person,
  browser,
}) => {
  // The person refers themself and keeps their page open.
  const startedAt = await answerSelfReferral(person);
  await waitForMinimumFillTime(person, startedAt);
  await person.getByRole('button', { name: 'Send referral' }).click();
  await expect(person.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
  const reference = (await person.locator('.referral-reference').innerText()).trim();
  const [referral] = await sql<{ id: string; team: string; team_id: string }>(
    `select r.id, t.name as team, t.id as team_id from public.referrals r join public.teams t on t.id = r.team_id where r.reference = $1`,
    [reference],
  );
  // The team's fund holds £100 (a coordinator's top-up; the fund screen has its own test).
  await sql(`insert into public.team_fund_entries (team_id, kind, amount_pence, purpose) values ($1, 'top_up', 10000, 'E2E top-up')`, [
    referral!.team_id,
  ]);

  const worker = await account('plan-link-worker', { role: 'link_worker', team: referral!.team, enrolled: true });
  const staff = await (await browser.newContext()).newPage();
  await signInAsStaff(staff, worker, `#plan/${referral!.id}`);
  await expect(staff.getByRole('heading', { level: 1, name: 'Plan, wellbeing and spend' })).toBeFocused();
  await expect(staff.getByText('No services yet.')).toBeVisible();
  await expectNoAccessibilityViolations(staff);

  // What matters and goals; the session ends before saving, and nothing typed is lost.
  await staff.getByLabel('What matters to the person').fill('Getting out of the house and meeting people again.');
  await staff.getByLabel('Goals').fill('Join a walking group\nGo to the Tuesday lunch club');
  const token = await staff.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!;
    return (JSON.parse(localStorage.getItem(key)!) as { access_token: string }).access_token;
  });
  await endSessions(token);
  await staff.getByRole('button', { name: 'Save plan' }).click();
  await expect(staff.getByRole('heading', { name: 'You have been signed out' })).toBeFocused();
  await expect(staff.getByLabel('Goals')).toHaveValue('Join a walking group\nGo to the Tuesday lunch club');
  await staff.getByLabel('Password').fill(password);
  await staff.getByRole('button', { name: 'Sign in again' }).click();
  await staff.locator('#code').fill(totpCode(worker.secret!));
  await staff.getByRole('button', { name: 'Continue where I was' }).click();
  await expect(staff.getByRole('heading', { name: 'You have been signed out' })).toHaveCount(0);
  await staff.getByRole('button', { name: 'Save plan' }).click();
  await expect(staff.getByText('Plan saved. The person sees it on their page.')).toBeVisible();

  // Two services from the directory, through the same search as the public site.
  await staff.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(summary(staff, 'plan-error-summary')).toContainText('Enter words to search the directory for');
  await expectNoAccessibilityViolations(staff);
  await staff.getByLabel('Search the directory').fill('walking');
  await staff.getByRole('button', { name: 'Search', exact: true }).click();
  const results = staff.getByRole('button', { name: /^Add to plan/ });
  await expect(results.first()).toBeVisible();
  const nameOf = async (button: typeof results) => (await button.innerText()).replace(/^Add to plan\s*:?\s*/, '').trim();
  const first = await nameOf(results.first());
  await results.first().click();
  await expect(staff.getByText(`${first} added to the plan as suggested.`)).toBeVisible();
  await staff.getByLabel('Search the directory').fill('money advice');
  await staff.getByRole('button', { name: 'Search', exact: true }).click();
  // The new search's results, not the last one's.
  const add = staff.getByRole('button', { name: /^Add to plan\s*:.*(money|advice|debt|benefit)/i }).first();
  await expect(add).toBeVisible();
  const second = await nameOf(add);
  await add.click();
  await expect(staff.getByText(`${second} added to the plan as suggested.`)).toBeVisible();
  await expectNoAccessibilityViolations(staff);

  // A review date that is not a real date is named; a real one is kept.
  const row = staff.locator('.casework-services li').filter({ hasText: first }).first();
  await row.getByLabel(/^Status/).selectOption('attending');
  await row.getByLabel('Day').fill('31');
  await row.getByLabel('Month').fill('2');
  await row.getByLabel('Year').fill('2027');
  await row.getByRole('button', { name: /^Update/ }).click();
  await expect(summary(staff, 'plan-error-summary')).toContainText('Review date must be a real date');
  await expectNoAccessibilityViolations(staff);
  await row.getByLabel('Day').fill('28');
  await row.getByRole('button', { name: /^Update/ }).click();
  await expect(row).toContainText('Attending, review by 28 February 2027');

  // Wellbeing at the start: an answer out of range is refused and the others stay.
  const wellbeing = staff.getByRole('region', { name: 'Wellbeing' });
  const answer = async (scores: string[]) => {
    const questions = [
      'Overall, how satisfied are you with your life nowadays?',
      'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      'Overall, how happy did you feel yesterday?',
      'Overall, how anxious did you feel yesterday?',
    ];
    for (const [i, question] of questions.entries()) await wellbeing.getByLabel(question).fill(scores[i]!);
  };
  await answer(['4', '5', '3', '11']);
  await wellbeing.getByRole('button', { name: 'Record answers at the start' }).click();
  await expect(summary(staff, 'wellbeing-error-summary')).toContainText('Anxiety yesterday: Enter a number from 0 to 10');
  await expect(wellbeing.getByLabel('Overall, how happy did you feel yesterday?')).toHaveValue('3');
  await expectNoAccessibilityViolations(staff);
  await wellbeing.getByLabel('Overall, how anxious did you feel yesterday?').fill('8');
  await wellbeing.getByRole('button', { name: 'Record answers at the start' }).click();
  await expect(staff.getByText('Wellbeing at the start recorded.')).toBeVisible();
  await answer(['6', '7', '6', '4']);
  await wellbeing.getByRole('button', { name: 'Record answers at review' }).click();
  await expect(wellbeing.getByRole('row', { name: /Anxiety yesterday/ })).toContainText('-4, better');
  await expect(wellbeing.getByRole('row', { name: /Happiness yesterday/ })).toContainText('+3, better');
  await expectNoAccessibilityViolations(staff);

  // A £45 spend: bad input keeps what was typed, a spend beyond the balance is refused by the database.
  const spend = staff.getByRole('region', { name: 'Practical-help spend' });
  await spend.getByLabel('Amount').fill('45.123');
  await spend.getByLabel('What the money was for').fill('Grab rails fitted in the bathroom');
  await spend.getByRole('button', { name: 'Record spend' }).click();
  const spendProblems = summary(staff, 'spend-error-summary');
  await expect(spendProblems.getByRole('link')).toHaveText([
    'Enter the amount with no more than 2 digits after the point, for example £45.50',
    'Enter who was paid',
    'Enter who approved the spend',
  ]);
  await expect(spend.getByLabel('Amount')).toHaveValue('45.123');
  await expectNoAccessibilityViolations(staff);
  await spend.getByLabel('Amount').fill('£100000');
  await spend.getByLabel('Who was paid (supplier)').fill('Handy Helpers Ltd');
  await spend.getByLabel('Approved by').fill('Sam Patel, coordinator');
  await spend.getByRole('button', { name: 'Record spend' }).click();
  await expect(spendProblems).toContainText(/The team fund holds £[\d,]+\.\d\d, which does not cover £100,000\.00/);
  await expectNoAccessibilityViolations(staff);
  await spend.getByLabel('Amount').fill('£45');
  await spend.getByRole('button', { name: 'Record spend' }).click();
  await expect(spend.getByText(/^Spend of £45\.00 recorded\./)).toBeVisible();
  await expect(spend.locator('caption')).toHaveText('Spent on this referral: £45.00');
  await expectNoAccessibilityViolations(staff);
  const [stored] = await sql<{ amount_pence: number }>(
    `select amount_pence from public.team_fund_entries where referral_id = $1 and kind = 'spend'`,
    [referral!.id],
  );
  expect(stored?.amount_pence).toBe(4500);

  // The person sees the plan on their page (not the wellbeing scores, not the spend), and it prints on one page.
  await person.goto('/my-referral/');
  const plan = person.getByRole('region', { name: 'Your plan' });
  await expect(plan).toContainText('Getting out of the house and meeting people again.');
  await expect(plan.getByRole('listitem')).toHaveText(['Join a walking group', 'Go to the Tuesday lunch club']);
  await expect(plan.getByRole('link', { name: first })).toBeVisible();
  await expect(plan.getByRole('link', { name: second })).toBeVisible();
  await expect(plan).toContainText('Attending, to look at again by 28 February 2027');
  await expect(person.getByText('Your link worker updated your plan').first()).toBeVisible();
  await expect(person.getByText('£45')).toHaveCount(0);
  await expectNoAccessibilityViolations(person);
  const pdf = (await person.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
});

test('a coordinator tops up the team fund, and an amount that is not money is refused with what was typed kept', async ({ page }) => {
  const coordinator = await account('fund-coordinator', { role: 'coordinator', team: 'West Norfolk Community Connectors', enrolled: true });
  await signInAsStaff(page, coordinator, '');
  await page.getByRole('link', { name: /Your team’s fund/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Practical-help fund' })).toBeFocused();
  await expectNoAccessibilityViolations(page);
  const before = (await page.locator('.casework-balance').innerText()).trim();

  await page.getByLabel('Amount').fill('five hundred');
  await page.getByRole('button', { name: 'Top up' }).click();
  await expect(summary(page, 'top-up-error-summary').getByRole('link')).toHaveText([
    'Enter the amount in pounds and pence, like £45 or £45.00, using only numbers',
    'Enter where the money comes from',
  ]);
  await expect(page.getByLabel('Amount')).toHaveValue('five hundred');
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('Amount').fill('£500');
  await page.getByLabel('Where the money comes from').fill('Council grant for December');
  await page.getByRole('button', { name: 'Top up' }).click();
  await expect(page.getByText(/^Top-up of £500\.00 recorded\./)).toBeVisible();
  await expect(page.locator('.casework-balance')).not.toHaveText(before);
  // Newest first (an earlier run's top-up may be there too).
  await expect(page.getByRole('row').filter({ hasText: 'Council grant for December' }).first()).toContainText('£500.00');
  await expectNoAccessibilityViolations(page);
});
