import { expect, type Page } from '@playwright/test';
import pg from 'pg';
import { testStack } from '../support/stack.ts';

/** Looks at what the test database stored (as postgres), to prove a referral arrived where it should. */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testStack.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  links: string[];
}

/** The local mailbox's messages to an address, newest first (development and tests only; needs the service-role key). */
export async function mailTo(email: string): Promise<Mail[]> {
  const res = await fetch(`${testStack.supabaseUrl}/mailbox/api/messages?to=${encodeURIComponent(email)}`, {
    headers: { apikey: testStack.serviceRoleKey, authorization: `Bearer ${testStack.serviceRoleKey}` },
  });
  if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
  return ((await res.json()) as { messages: Mail[] }).messages;
}

/** Waits for the newest mail to an address and returns its link. */
export async function linkInMail(email: string, subject: RegExp): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      link = (await mailTo(email)).find((m) => subject.test(m.subject))?.links[0];
      return link;
    })
    .toBeTruthy();
  return link!;
}

/**
 * The database turns away a referral sent sooner than a person could fill the form in (5 s) after the
 * journey's page began to load: wait that out.
 */
export async function waitForMinimumFillTime(page: Page, startedAt: number): Promise<void> {
  const pageStarted = await page.evaluate(() => performance.timeOrigin);
  const left = Math.max(startedAt, pageStarted) + 5_500 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}

/** Fills the self-referral journey in with the mouse, from about-you to the check page. */
export async function answerSelfReferral(page: Page, pcn = 'U90001'): Promise<number> {
  const startedAt = Date.now();
  await page.goto(`/refer/about-you/?pcn=${pcn}`);
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByLabel('Day').fill('10');
  await page.getByLabel('Month').fill('12');
  await page.getByLabel('Year').fill('1950');
  await page.getByLabel('Your postcode').fill('PE30 1AB');
  await continueTo(page, 'Which GP practice are you registered with?');
  await page.locator('input[name=gp_practice_code]').first().check();
  await continueTo(page, 'What you would like help with');
  await page.locator('input[name=needs]').first().check();
  await page.getByLabel('What matters to you?').fill('I have felt lonely since I moved here.');
  await continueTo(page, 'How to contact you');
  await page.getByRole('checkbox', { name: 'Phone call' }).check();
  await page.getByLabel('Phone number').fill('07700 900982');
  await page.getByRole('radio', { name: 'Yes' }).check();
  await continueTo(page, 'Support you need to talk with us');
  await page.getByRole('radio', { name: 'No' }).check();
  await continueTo(page, 'Sharing your details');
  await page.getByRole('checkbox', { name: /I agree/ }).check();
  await continueTo(page, 'Check your answers before sending');
  return startedAt;
}

export async function continueTo(page: Page, heading: string): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

export const referencePattern = /^SP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/;
