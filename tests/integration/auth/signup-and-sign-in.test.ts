import { describe, expect, it } from 'vitest';
import { AuthWeakPasswordError } from '@supabase/supabase-js';
import { testStack } from '../../support/stack.ts';
import { anonClient, codeIn, latestMail, linkIn, mailTo, serviceClient, sql, uniqueEmail } from './helpers.ts';

describe('signing up with an email and password', () => {
  it('mails a confirmation and does not sign in until the address is confirmed', async () => {
    const email = uniqueEmail('signup');
    const client = anonClient();
    const { data, error } = await client.auth.signUp({ email, password: 'a-good-password', options: { data: { name: 'Ada' } } });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.user_metadata).toMatchObject({ name: 'Ada' });
    expect(data.user?.identities).toHaveLength(1);

    const mail = await latestMail(email);
    expect(mail.subject).toBe('Confirm Your Signup');
    expect(linkIn(mail)).toContain('/auth/v1/verify?token=');
    expect(linkIn(mail)).toContain('type=signup');

    const early = await client.auth.signInWithPassword({ email, password: 'a-good-password' });
    expect(early.error?.code).toBe('email_not_confirmed');
    expect(early.error?.status).toBe(400);
  });

  it('confirms the address with the mailed code and then signs in', async () => {
    const email = uniqueEmail('confirm-code');
    const client = anonClient();
    await client.auth.signUp({ email, password: 'a-good-password' });
    const verified = await client.auth.verifyOtp({ email, token: codeIn(await latestMail(email)), type: 'signup' });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email_confirmed_at).toBeTruthy();
    expect(verified.data.session?.access_token).toBeTruthy();

    const signedIn = await anonClient().auth.signInWithPassword({ email, password: 'a-good-password' });
    expect(signedIn.error).toBeNull();
    expect(signedIn.data.user?.id).toBe(verified.data.user?.id);
  });

  it('confirms the address by following the mailed link, landing on the site with the session in the fragment', async () => {
    const email = uniqueEmail('confirm-link');
    await anonClient().auth.signUp({ email, password: 'a-good-password', options: { emailRedirectTo: `${testStack.siteUrl}/welcome` } });
    const res = await fetch(linkIn(await latestMail(email)), { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${testStack.siteUrl}/welcome`);
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('type')).toBe('signup');
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('refresh_token')).toBeTruthy();
    const { data } = await anonClient().auth.getUser(fragment.get('access_token')!);
    expect(data.user?.email).toBe(email);
  });

  it('sends a used or unknown link back to the site with otp_expired in the fragment', async () => {
    const email = uniqueEmail('used-link');
    await anonClient().auth.signUp({ email, password: 'a-good-password' });
    const link = linkIn(await latestMail(email));
    await fetch(link, { redirect: 'manual' });
    const again = await fetch(link, { redirect: 'manual' });
    const fragment = new URLSearchParams(new URL(again.headers.get('location')!).hash.slice(1));
    expect(fragment.get('error')).toBe('access_denied');
    expect(fragment.get('error_code')).toBe('otp_expired');
  });

  it('refuses a password shorter than the minimum with weak_password', async () => {
    const { error } = await anonClient().auth.signUp({ email: uniqueEmail('weak'), password: '12345' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error?.code).toBe('weak_password');
    expect(error?.status).toBe(422);
    expect((error as AuthWeakPasswordError).reasons).toEqual(['length']);
  });

  it('refuses an address that is not an email address', async () => {
    const { error } = await anonClient().auth.signUp({ email: 'not-an-address', password: 'a-good-password' });
    expect(error?.code).toBe('validation_failed');
    expect(error?.status).toBe(400);
  });

  it('answers a sign-up for an already confirmed address like a new one, without revealing it or mailing again', async () => {
    const email = uniqueEmail('taken');
    const { data: existing } = await serviceClient().auth.admin.createUser({ email, password: 'a-good-password', email_confirm: true });
    const { data, error } = await anonClient().auth.signUp({ email, password: 'another-password' });
    expect(error).toBeNull();
    expect(data.user?.id).not.toBe(existing.user?.id);
    expect(data.user?.identities).toEqual([]);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('leaves an unconfirmed account’s password and details alone when someone signs up with its address again', async () => {
    const email = uniqueEmail('second-signup');
    const first = await anonClient().auth.signUp({ email, password: 'the-owners-password', options: { data: { name: 'Owner' } } });
    const second = await anonClient().auth.signUp({ email, password: 'an-intruders-password', options: { data: { name: 'Intruder' } } });
    expect(second.error).toBeNull();
    expect(second.data.user?.id).toBe(first.data.user?.id);
    expect(second.data.user?.user_metadata).toMatchObject({ name: 'Owner' });

    // The owner follows the newest confirmation mail: their password works, the intruder's does not.
    await fetch(linkIn(await latestMail(email)), { redirect: 'manual' });
    expect((await anonClient().auth.signInWithPassword({ email, password: 'the-owners-password' })).error).toBeNull();
    const intruder = await anonClient().auth.signInWithPassword({ email, password: 'an-intruders-password' });
    expect(intruder.error?.code).toBe('invalid_credentials');
  });
});

describe('signing in with a password', () => {
  it('gives the same invalid_credentials answer for a wrong password and an unknown address', async () => {
    const email = uniqueEmail('signin');
    await serviceClient().auth.admin.createUser({ email, password: 'a-good-password', email_confirm: true });
    const wrong = await anonClient().auth.signInWithPassword({ email, password: 'not-the-password' });
    const unknown = await anonClient().auth.signInWithPassword({ email: uniqueEmail('nobody'), password: 'not-the-password' });
    for (const { error } of [wrong, unknown]) {
      expect(error?.code).toBe('invalid_credentials');
      expect(error?.message).toBe('Invalid login credentials');
      expect(error?.status).toBe(400);
    }
  });

  it('returns a session with a user, bearer token and expiry', async () => {
    const email = uniqueEmail('session');
    await serviceClient().auth.admin.createUser({ email, password: 'a-good-password', email_confirm: true });
    const { data, error } = await anonClient().auth.signInWithPassword({ email, password: 'a-good-password' });
    expect(error).toBeNull();
    expect(data.session?.token_type).toBe('bearer');
    expect(data.session?.expires_in).toBe(3600);
    expect(data.user?.last_sign_in_at).toBeTruthy();
    expect(data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
  });

  it('signs in a user seeded straight into auth.users with a pgcrypto bcrypt hash', async () => {
    const email = uniqueEmail('seeded');
    const [row] = await sql<{ id: string }>(
      `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values (gen_random_uuid(), 'authenticated', 'authenticated', $1, extensions.crypt('a-seeded-password', extensions.gen_salt('bf')),
               now(), '{"provider":"email","providers":["email"],"role":"link_worker"}', '{}', now(), now())
       returning id`,
      [email],
    );
    const { data, error } = await anonClient().auth.signInWithPassword({ email, password: 'a-seeded-password' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(row!.id);
    expect(data.user?.app_metadata).toMatchObject({ role: 'link_worker' });
  });
});
