import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { addEmailToComeBack, ensureSession, loadMyReferrals, submitReferral } from '../../../src/lib/referrals/client.ts';
import { testStack } from '../../support/stack.ts';
import { browserClient, db, samplePractice, selfAnswers } from './support.ts';

/**
 * "Add your email to come back later", as the browser does it with supabase-js against the
 * Auth stand-in (which behaves as Supabase Auth does): the anonymous session that made the
 * referral adds an email, the emailed link confirms it, and the same user id is now permanent;
 * from another device a magic link signs in as that user, who still owns the referral.
 */
afterAll(() => db.end());

interface Mail {
  subject: string;
  links: string[];
}
async function mailTo(email: string): Promise<Mail[]> {
  const res = await fetch(`${testStack.supabaseUrl}/mailbox/api/messages?to=${encodeURIComponent(email)}`, {
    headers: { apikey: testStack.serviceRoleKey, authorization: `Bearer ${testStack.serviceRoleKey}` },
  });
  return ((await res.json()) as { messages: Mail[] }).messages;
}

/** Follows an emailed link as a browser would, and returns the session it hands to the page. */
async function followLink(mail: Mail) {
  const res = await fetch(mail.links[0]!, { redirect: 'manual' });
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get('location')!);
  const fragment = new URLSearchParams(location.hash.slice(1));
  return { page: `${location.origin}${location.pathname}`, fragment };
}

/** A browser on another device: a fresh client that takes the session from the link. */
async function clientWithSession(fragment: URLSearchParams) {
  const client = createClient(testStack.supabaseUrl, testStack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  const { data, error } = await client.auth.setSession({
    access_token: fragment.get('access_token')!,
    refresh_token: fragment.get('refresh_token')!,
  });
  expect(error).toBeNull();
  return { client, user: data.user! };
}

describe('adding an email to come back later', () => {
  it('keeps the same user id, makes it permanent, and lets the person return from another device by magic link', async () => {
    const practice = await samplePractice('U90001');
    const browser = browserClient();
    const anonymousId = await ensureSession(browser);
    const { data: before } = await browser.auth.getUser();
    expect(before.user?.is_anonymous).toBe(true);
    const { reference } = await submitReferral(browser, selfAnswers(practice));

    const email = `come-back-${randomUUID().slice(0, 8)}@example.com`;
    const myPage = `${testStack.siteUrl}/my-referral/`;
    await addEmailToComeBack(browser, email, myPage);
    const [confirm] = await mailTo(email);
    expect(confirm?.subject).toBe('Confirm Email Change');

    const confirmed = await followLink(confirm!);
    expect(confirmed.page).toBe(myPage);
    expect(confirmed.fragment.get('type')).toBe('email_change');
    const { user } = await clientWithSession(confirmed.fragment);
    expect(user).toMatchObject({ id: anonymousId, is_anonymous: false, email });
    expect(user.email_confirmed_at).toBeTruthy();
    expect(user.identities?.map((i) => i.provider)).toEqual(['email']);
    const claims = JSON.parse(Buffer.from(confirmed.fragment.get('access_token')!.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ sub: anonymousId, is_anonymous: false, email });

    // Another device: a magic link to the same address signs in as the same user.
    const elsewhere = browserClient();
    const sent = await elsewhere.auth.signInWithOtp({ email, options: { shouldCreateUser: false, emailRedirectTo: myPage } });
    expect(sent.error).toBeNull();
    const [magic] = await mailTo(email);
    expect(magic?.subject).toBe('Your Magic Link');
    const returned = await followLink(magic!);
    expect(returned.page).toBe(myPage);
    const { client, user: back } = await clientWithSession(returned.fragment);
    expect(back.id).toBe(anonymousId);
    expect((await loadMyReferrals(client)).map((r) => r.reference)).toEqual([reference]);
  });

  it('refuses an email address someone else already uses, naming the field', async () => {
    const taken = `taken-${randomUUID().slice(0, 8)}@example.com`;
    const admin = createClient(testStack.supabaseUrl, testStack.secretKey, { auth: { persistSession: false, autoRefreshToken: false } });
    await admin.auth.admin.createUser({ email: taken, email_confirm: true });
    const browser = browserClient();
    await ensureSession(browser);
    await expect(addEmailToComeBack(browser, taken, `${testStack.siteUrl}/my-referral/`)).rejects.toMatchObject({
      code: 'SP422',
      field: 'email',
      message: 'That email address is already used. Sign in with it instead.',
    });
  });
});
