import { createClient } from '@supabase/supabase-js';
import { sendLinkWorkerMessage } from '../../scripts/lib/referral-message.ts';
import { testStack } from '../support/stack.ts';
import { expectNoAccessibilityViolations } from './axe.ts';
import { chooseRadio, press, tick, typeInto } from './keyboard.ts';
import { expect, test } from './offline.ts';
import { answerSelfReferral, continueTo, linkInMail, referencePattern, sql, waitForMinimumFillTime } from './referral-support.ts';

const crisisBox = (page: import('@playwright/test').Page) => page.getByRole('complementary', { name: 'If you need help now' });

test.describe('referring yourself', () => {
  test('from an area page, using only the keyboard, a resident gets a reference and sees it on their own page', async ({ page }) => {
    test.setTimeout(120_000);
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.goto('/areas/u90001/');
    await press(page, page.getByRole('link', { name: 'Refer yourself' }));
    await expect(page).toHaveURL(/\/refer\/\?pcn=U90001$/);
    await expect(crisisBox(page)).toContainText('116 123');
    const startedAt = Date.now();
    await press(page, page.getByRole('button', { name: 'Start now' }));

    await expect(page).toHaveURL(/\/refer\/about-you\/\?pcn=U90001$/);
    await expect(page).toHaveTitle('About you – Signpost');
    await typeInto(page, page.getByLabel('First name'), 'Grace');
    await typeInto(page, page.getByLabel('Last name'), 'Hopper');
    await typeInto(page, page.getByLabel('Day'), '9');
    await typeInto(page, page.getByLabel('Month'), '12');
    await typeInto(page, page.getByLabel('Year'), '1946');
    await typeInto(page, page.getByLabel('Your postcode'), 'pe30 1ab');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'Which GP practice are you registered with?' })).toBeFocused();
    await expect(page).toHaveTitle('Your GP practice – Signpost');
    await expect(crisisBox(page)).toBeVisible();
    const practices = page.locator('input[name=gp_practice_code]');
    await chooseRadio(page, practices, practices.nth(1));
    await press(page, page.getByRole('button', { name: 'Continue' }));

    await expect(page.getByRole('heading', { level: 1, name: 'What you would like help with' })).toBeFocused();
    await tick(page, page.locator('input[name=needs]').first());
    await typeInto(page, page.getByLabel('What matters to you?'), 'Getting out of the house more.');
    await press(page, page.getByRole('button', { name: 'Continue' }));

    await expect(page.getByRole('heading', { level: 1, name: 'How to contact you' })).toBeFocused();
    await tick(page, page.getByRole('checkbox', { name: 'Phone call' }));
    await typeInto(page, page.getByLabel('Phone number'), '07700 900982');
    await typeInto(page, page.getByLabel(/safe and convenient/), 'Mornings');
    const leaveMessage = page.locator('input[name=may_leave_message]');
    await chooseRadio(page, leaveMessage, page.getByRole('radio', { name: 'No' }));
    await press(page, page.getByRole('button', { name: 'Continue' }));

    await expect(page.getByRole('heading', { level: 1, name: 'Support you need to talk with us' })).toBeFocused();
    const interpreter = page.locator('input[name=interpreter]');
    await chooseRadio(page, interpreter, interpreter.first());
    await typeInto(page, page.getByLabel('Which language?'), 'Polish');
    await press(page, page.getByRole('button', { name: 'Continue' }));

    await expect(page.getByRole('heading', { level: 1, name: 'Sharing your details' })).toBeFocused();
    await tick(page, page.getByRole('checkbox', { name: /I agree/ }));
    await press(page, page.getByRole('button', { name: 'Continue' }));

    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending' })).toBeFocused();
    await expect(page.locator('.govuk-summary-list')).toContainText(['Grace Hopper']);
    await expect(page.locator('.govuk-summary-list').filter({ hasText: 'Interpreter' })).toContainText('Polish');
    await waitForMinimumFillTime(page, startedAt);
    await press(page, page.getByRole('button', { name: 'Send referral' }));

    await expect(page.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
    const reference = (await page.locator('.referral-reference').innerText()).trim();
    expect(reference).toMatch(referencePattern);
    await expect(crisisBox(page)).toBeVisible();

    await press(page, page.getByRole('link', { name: 'your referral page' }));
    await expect(page).toHaveURL(/\/my-referral\/$/);
    await expect(page.locator('.referral-reference')).toHaveText(reference);
    await expect(page.getByText('You sent your referral')).toBeVisible();
    const [stored] = await sql<{ interpreter_language: string; may_leave_message: boolean }>(
      'select interpreter_language, may_leave_message from public.referrals where reference = $1',
      [reference],
    );
    expect(stored).toEqual({ interpreter_language: 'Polish', may_leave_message: false });
  });

  test('each question page shows an error summary linking to every field, and passes axe in both states', async ({ page }) => {
    // Two axe runs a page on two shared cores.
    test.setTimeout(300_000);
    const steps: { heading: string; errors: string[]; answer: () => Promise<void> }[] = [
      {
        heading: 'About you',
        errors: ['Enter your first name', 'Enter your last name', 'Enter your date of birth', 'Enter a postcode'],
        answer: async () => {
          await page.getByLabel('First name').fill('Ada');
          await page.getByLabel('Last name').fill('Lovelace');
          await page.getByLabel('Day').fill('10');
          await page.getByLabel('Month').fill('12');
          await page.getByLabel('Year').fill('1950');
          await page.getByLabel('Your postcode').fill('PE30 1AB');
        },
      },
      {
        heading: 'Which GP practice are you registered with?',
        errors: ['Select your GP practice'],
        answer: () => page.locator('input[name=gp_practice_code]').first().check(),
      },
      {
        heading: 'What you would like help with',
        errors: ['Select what you would like help with', 'Tell us what matters to you'],
        answer: async () => {
          await page.locator('input[name=needs]').first().check();
          await page.getByLabel('What matters to you?').fill('Company.');
        },
      },
      {
        heading: 'How to contact you',
        errors: ['Select how we should contact you', 'Select whether we may leave a message'],
        answer: async () => {
          await page.getByRole('checkbox', { name: 'Email' }).check();
          await page.getByLabel('Email address').fill('ada@example.com');
          await page.getByRole('radio', { name: 'Yes' }).check();
        },
      },
      {
        heading: 'Support you need to talk with us',
        errors: ['Select yes if you need an interpreter'],
        answer: () => page.getByRole('radio', { name: 'No' }).check(),
      },
      {
        heading: 'Sharing your details',
        errors: ['Select that you agree to us storing and sharing your answers to help you'],
        answer: () => page.getByRole('checkbox', { name: /I agree/ }).check(),
      },
    ];
    await page.goto('/refer/about-you/');
    for (const step of steps) {
      await expect(page.getByRole('heading', { level: 1, name: step.heading })).toBeVisible();
      await expectNoAccessibilityViolations(page);
      await page.getByRole('button', { name: 'Continue' }).click();
      const summary = page.locator('.govuk-error-summary');
      await expect(summary).toBeFocused();
      await expect(page).toHaveTitle(/^Error: /);
      await expect(summary.getByRole('link')).toHaveText(step.errors);
      for (const link of await summary.getByRole('link').all()) {
        const target = (await link.getAttribute('href'))!;
        await expect(page.locator(target)).toHaveCount(1);
      }
      await expect(page.locator('.govuk-error-message')).toHaveCount(step.errors.length);
      await expectNoAccessibilityViolations(page);
      // The summary's first link takes the person to the field.
      await summary.getByRole('link').first().click();
      await expect(page.locator(`${(await summary.getByRole('link').first().getAttribute('href'))!}`)).toBeFocused();
      await step.answer();
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('dates and contact details get specific messages', async ({ page }) => {
    await page.goto('/refer/about-you/');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Day').fill('10');
    await page.getByLabel('Year').fill('1950');
    await page.getByLabel('Your postcode').fill('PE30 1AB');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Date of birth must include a month');
    await expect(page.locator('#date_of_birth')).toHaveAttribute('name', 'date_of_birth-month');
    await page.getByLabel('Month').fill('12');
    await page.getByLabel('Year').fill(String(new Date().getFullYear() + 1));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Date of birth must be in the past');
    // What was typed stays.
    await expect(page.getByLabel('First name')).toHaveValue('Ada');
  });

  test('change links on check your answers lead to the question and straight back', async ({ page }) => {
    test.setTimeout(90_000);
    await answerSelfReferral(page);
    await page.getByRole('link', { name: 'Change your name' }).click();
    await expect(page).toHaveURL(/\/refer\/about-you\//);
    await expect(page.getByLabel('First name')).toHaveValue('Ada');
    await page.getByLabel('First name').fill('Augusta Ada');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending' })).toBeVisible();
    await expect(page.locator('.govuk-summary-list').first()).toContainText('Augusta Ada Lovelace');
    await page.getByRole('link', { name: 'Change how to contact you' }).click();
    await page.getByRole('link', { name: 'Back' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending' })).toBeVisible();
    // The browser's own Back button goes back through the pages too.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'How to contact you' })).toBeVisible();
    await expect(page.getByLabel('Phone number')).toHaveValue('07700 900982');
  });

  test('when sending fails the answers stay on screen, and trying again sends one referral', async ({ page }) => {
    test.setTimeout(90_000);
    const startedAt = await answerSelfReferral(page);
    await waitForMinimumFillTime(page, startedAt);
    let attempts = 0;
    await page.route('**/rest/v1/rpc/submit_referral', (route) => {
      attempts++;
      return route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Send referral' }).click();
    const problem = page.locator('.govuk-error-summary');
    await expect(problem).toContainText('Your referral has not been sent yet');
    await expect(problem).toContainText('Check your connection and try again');
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending' })).toBeVisible();
    await expect(page.locator('.govuk-summary-list').first()).toContainText('Ada Lovelace');
    await expectNoAccessibilityViolations(page);
    expect(attempts).toBe(1);

    await page.unroute('**/rest/v1/rpc/submit_referral');
    let sends = 0;
    page.on('request', (request) => {
      if (request.url().includes('/rest/v1/rpc/submit_referral')) sends++;
    });
    await page.getByRole('button', { name: 'Try sending again' }).dblclick();
    await expect(page.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
    expect(sends).toBe(1);
    const reference = (await page.locator('.referral-reference').innerText()).trim();
    const rows = await sql('select 1 from public.referrals where given_name = $1 and reference = $2', ['Ada', reference]);
    expect(rows).toHaveLength(1);
  });

  test('leaving part-way asks first', async ({ page }) => {
    await page.goto('/refer/about-you/');
    await page.getByLabel('First name').fill('Ada');
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.getByRole('link', { name: 'A to Z' }).click();
    expect(await asked).toContain('what you have entered will be lost');
    await expect(page).toHaveURL(/\/refer\/about-you\//);
    await expect(page.getByLabel('First name')).toHaveValue('Ada');
  });

  test('without JavaScript the page says so and gives the other ways to ask', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/refer/about-you/');
    await expect(page.getByRole('heading', { name: 'This form needs JavaScript' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'find your area and its phone number' })).toBeVisible();
    // The question is rendered on the server, but a form that cannot work is not shown.
    await expect(page.getByLabel('First name')).toBeHidden();
    await context.close();
  });
});

test.describe('a professional referral', () => {
  test('from a hospital ward reaches the team that serves the practice, with the ward and discharge needs', async ({ page }) => {
    test.setTimeout(90_000);
    const startedAt = Date.now();
    await page.goto('/refer/professional/');
    await expect(crisisBox(page)).toBeVisible();
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your details' })).toBeVisible();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Select where you are referring from');
    await expectNoAccessibilityViolations(page);
    await page.getByLabel('Your full name').fill('Priya Shah');
    await page.getByLabel('Your role').fill('Discharge coordinator');
    await page.getByLabel('Your organisation').fill("Queen Elizabeth Hospital King's Lynn");
    await page.getByRole('radio', { name: 'Hospital ward or discharge team' }).check();
    await page.getByLabel('Your work phone number').fill('01553 613613');
    await continueTo(page, 'The person’s consent');
    await page.getByRole('checkbox', { name: /has agreed/ }).check();
    await continueTo(page, 'About the person');
    await page.getByLabel('Their first name').fill('Joan');
    await page.getByLabel('Their last name').fill('Clarke');
    await page.getByLabel('Day').fill('24');
    await page.getByLabel('Month').fill('6');
    await page.getByLabel('Year').fill('1937');
    await page.getByLabel('Their home postcode').fill('PE36 5AA');
    await continueTo(page, 'How to contact them');
    await page.getByRole('checkbox', { name: 'Phone call' }).check();
    await page.getByLabel('Phone number').fill('01485 532000');
    await page.getByRole('radio', { name: 'No' }).check();
    await continueTo(page, 'Which GP practice are they registered with?');
    await page.locator('input[name=gp_practice_code]').first().check();
    await continueTo(page, 'Why you are referring them');
    await page.getByLabel('What would help them?').fill('Lives alone; the home needs a grab rail before she can go home.');
    await page.getByRole('checkbox', { name: /grab rails/ }).check();
    await page.getByRole('checkbox', { name: /no one at home/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the ward the person is on');
    await expectNoAccessibilityViolations(page);
    await page.getByLabel('Ward').fill('Windsor Ward');
    await page.getByLabel('Day').fill('20');
    await page.getByLabel('Month').fill('12');
    await page.getByLabel('Year').fill('2026');
    await continueTo(page, 'Check the referral before sending');
    await expectNoAccessibilityViolations(page);
    await waitForMinimumFillTime(page, startedAt);
    await page.getByRole('button', { name: 'Send referral' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
    const reference = (await page.locator('.referral-reference').innerText()).trim();

    // The practice's PCN has a hospital discharge team in the sample data: a ward's referral goes to it.
    const [stored] = await sql(
      `select r.source, r.ward, r.discharge_needs, r.expected_discharge_date::text, t.kind as team_kind, t.name as team,
              exists (select 1 from public.team_pcns tp where tp.team_id = r.team_id and tp.pcn_id = p.pcn_id) as serves
         from public.referrals r join public.gp_practices p on p.id = r.gp_practice_id join public.teams t on t.id = r.team_id
        where r.reference = $1`,
      [reference],
    );
    expect(stored).toEqual({
      source: 'hospital_ward',
      ward: 'Windsor Ward',
      discharge_needs: ['minor_repairs_or_adaptations', 'no_one_at_home'],
      expected_discharge_date: '2026-12-20',
      team_kind: 'hospital_discharge',
      team: "King's Lynn Hospital Housing Team",
      serves: true,
    });
  });
});

test.describe("the person's own page", () => {
  test('a link worker’s message appears without reloading, and the reply is stored', async ({ page }) => {
    test.setTimeout(90_000);
    const startedAt = await answerSelfReferral(page);
    await waitForMinimumFillTime(page, startedAt);
    await page.getByRole('button', { name: 'Send referral' }).click();
    const reference = (await page.locator('.referral-reference').innerText()).trim();
    await page.getByRole('link', { name: 'your referral page' }).click();
    await expect(page.getByText('No messages yet')).toBeVisible();
    await expectNoAccessibilityViolations(page);

    const service = createClient(testStack.supabaseUrl, testStack.secretKey, { auth: { persistSession: false } });
    await sendLinkWorkerMessage(service, { reference, text: 'Hello <b>Ada</b>, can I call you on Tuesday?', from: 'Sam, link worker' });

    await expect(page.getByText('Hello <b>Ada</b>, can I call you on Tuesday?')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('.unread-count')).toHaveText('1 new message');
    await expect(page.locator('.govuk-summary-list')).toContainText('A link worker has been in touch with you.');
    await page.getByLabel('Write a message to your link worker').fill('Yes, Tuesday morning is good.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await expect(page.locator('.message--mine')).toContainText('Yes, Tuesday morning is good.');
    await expectNoAccessibilityViolations(page);
    const replies = await sql(
      `select m.body from public.referral_messages m join public.referrals r on r.id = m.referral_id
        where r.reference = $1 and m.author_kind = 'person'`,
      [reference],
    );
    expect(replies).toEqual([{ body: 'Yes, Tuesday morning is good.' }]);

    await page.getByRole('button', { name: 'Withdraw your referral' }).click();
    await expect(page.getByRole('heading', { name: `Are you sure you want to withdraw referral ${reference}?` })).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Yes, withdraw my referral' }).click();
    await expect(page.locator('.govuk-tag').first()).toHaveText('Withdrawn');
    await expect(page.getByText('You withdrew the referral')).toBeVisible();
  });

  test('adding an email makes the page reachable from another device by a magic link from the mailbox', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const startedAt = await answerSelfReferral(page);
    await waitForMinimumFillTime(page, startedAt);
    await page.getByRole('button', { name: 'Send referral' }).click();
    const reference = (await page.locator('.referral-reference').innerText()).trim();
    await page.getByRole('link', { name: 'your referral page' }).click();

    const email = `ada-${Date.now()}@example.com`;
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Add email address' }).click();
    await expect(page.getByText(`We have sent a link to ${email}`)).toBeVisible();
    await page.goto(await linkInMail(email, /Confirm Email Change/i));
    await expect(page).toHaveURL(/\/my-referral\//);
    await expect(page.getByText(`signing in with ${email}`)).toBeVisible();
    await expect(page.locator('.referral-reference')).toHaveText(reference);

    const other = await browser.newContext();
    const phone = await other.newPage();
    await phone.goto('/my-referral/');
    await expect(phone.getByRole('button', { name: 'Email me a sign-in link' })).toBeVisible();
    await expectNoAccessibilityViolations(phone);
    await phone.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(phone.locator('.govuk-error-summary')).toContainText('Enter your email address');
    await phone.getByLabel('Your email address').fill(email);
    await phone.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(phone.getByText(`If ${email} is on a referral, we have sent it a link`)).toBeVisible();
    await phone.goto(await linkInMail(email, /Magic Link|sign in|log in/i));
    await expect(phone.locator('.referral-reference')).toHaveText(reference);
    await other.close();
  });
});
