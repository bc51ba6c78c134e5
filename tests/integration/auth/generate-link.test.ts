import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { anonClient, confirmedUser, mailTo, publishableClient, secretClient, uniqueEmail } from './helpers.ts';

// auth.admin.generateLink: GoTrue's POST /admin/generate_link, for apps that send their own mail.
const admin = secretClient();
const verifyUrl = `${testStack.supabaseUrl}/auth/v1/verify?`;

describe('generating links as an admin', () => {
  it('signs a new address up and returns the link, the code, its hash and where it lands', async () => {
    const email = uniqueEmail('gen-signup');
    const { data, error } = await admin.auth.admin.generateLink({
      type: 'signup',
      email,
      password: 'correct-horse-battery',
      options: { redirectTo: `${testStack.siteUrl}/welcome` },
    });
    expect(error).toBeNull();
    const { properties, user } = data;
    expect(user?.email).toBe(email);
    expect(user?.email_confirmed_at).toBeUndefined();
    expect(properties).toMatchObject({ verification_type: 'signup', redirect_to: `${testStack.siteUrl}/welcome` });
    expect(properties!.email_otp).toMatch(/^\d{6}$/);
    expect(properties!.hashed_token).toMatch(/^[0-9a-f]{56}$/);
    const link = new URL(properties!.action_link);
    expect(properties!.action_link.startsWith(verifyUrl)).toBe(true);
    expect(Object.fromEntries(link.searchParams)).toEqual({
      token: properties!.hashed_token,
      type: 'signup',
      redirect_to: `${testStack.siteUrl}/welcome`,
    });
    expect(await mailTo(email)).toEqual([]);
    const verified = await anonClient().auth.verifyOtp({ email, token: properties!.email_otp, type: 'signup' });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email_confirmed_at).toBeTruthy();
  });

  it('invites a new address, and the hashed token redeems the invite', async () => {
    const email = uniqueEmail('gen-invite');
    const { data, error } = await admin.auth.admin.generateLink({ type: 'invite', email });
    expect(error).toBeNull();
    expect(data.properties?.verification_type).toBe('invite');
    expect(data.user?.invited_at).toBeTruthy();
    const verified = await anonClient().auth.verifyOtp({ token_hash: data.properties!.hashed_token, type: 'invite' });
    expect(verified.error).toBeNull();
    expect(verified.data.session?.user.email).toBe(email);
  });

  it('makes a magic link that signs a known person in', async () => {
    const { email, id } = await confirmedUser('gen-magic');
    const { data, error } = await admin.auth.admin.generateLink({ type: 'magiclink', email });
    expect(error).toBeNull();
    expect(data.properties?.verification_type).toBe('magiclink');
    const verified = await anonClient().auth.verifyOtp({ token_hash: data.properties!.hashed_token, type: 'magiclink' });
    expect(verified.data.session?.user.id).toBe(id);
  });

  it('turns a magic link for an unknown address into a sign-up, as GoTrue does', async () => {
    const email = uniqueEmail('gen-magic-new');
    const { data, error } = await admin.auth.admin.generateLink({ type: 'magiclink', email });
    expect(error).toBeNull();
    expect(data.properties?.verification_type).toBe('signup');
    expect(new URL(data.properties!.action_link).searchParams.get('type')).toBe('signup');
    expect(data.user?.email).toBe(email);
  });

  it('makes a recovery link, and the code signs the person in to set a new password', async () => {
    const { email, id } = await confirmedUser('gen-recovery');
    const { data, error } = await admin.auth.admin.generateLink({ type: 'recovery', email });
    expect(error).toBeNull();
    expect(data.properties?.verification_type).toBe('recovery');
    const client = anonClient();
    const verified = await client.auth.verifyOtp({ email, token: data.properties!.email_otp, type: 'recovery' });
    expect(verified.data.session?.user.id).toBe(id);
  });

  it('refuses a recovery link for an unknown address with user_not_found', async () => {
    const { error } = await admin.auth.admin.generateLink({ type: 'recovery', email: uniqueEmail('nobody') });
    expect(error?.status).toBe(404);
    expect(error?.code).toBe('user_not_found');
    expect(error?.message).toBe('User with this email not found');
  });

  it('makes an email change link for the new address that changes the email once followed', async () => {
    const { email, id } = await confirmedUser('gen-change');
    const newEmail = uniqueEmail('gen-changed');
    const { data, error } = await admin.auth.admin.generateLink({ type: 'email_change_new', email, newEmail });
    expect(error).toBeNull();
    expect(data.properties?.verification_type).toBe('email_change_new');
    expect(data.user?.new_email).toBe(newEmail);
    const link = new URL(data.properties!.action_link);
    expect(link.searchParams.get('type')).toBe('email_change');
    const verified = await anonClient().auth.verifyOtp({ token_hash: link.searchParams.get('token')!, type: 'email_change' });
    expect(verified.error).toBeNull();
    expect((await admin.auth.admin.getUserById(id)).data.user?.email).toBe(newEmail);
  });

  it('makes an email change link for the current address', async () => {
    const { email } = await confirmedUser('gen-change-current');
    const newEmail = uniqueEmail('gen-changed-current');
    const { data, error } = await admin.auth.admin.generateLink({ type: 'email_change_current', email, newEmail });
    expect(error).toBeNull();
    expect(data.properties?.verification_type).toBe('email_change_current');
    expect(new URL(data.properties!.action_link).searchParams.get('token')).toBe(data.properties!.hashed_token);
  });

  it('refuses an email change to an address another account uses', async () => {
    const { email } = await confirmedUser('gen-change-taken');
    const other = await confirmedUser('gen-change-owner');
    const { error } = await admin.auth.admin.generateLink({ type: 'email_change_new', email, newEmail: other.email });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('email_exists');
  });

  it('refuses a sign-up link for an address that is already confirmed', async () => {
    const { email } = await confirmedUser('gen-signup-taken');
    const { error } = await admin.auth.admin.generateLink({ type: 'signup', email, password: 'another-password' });
    expect(error?.code).toBe('email_exists');
  });

  it('refuses an unknown link type', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/auth/v1/admin/generate_link`, {
      method: 'POST',
      headers: { apikey: testStack.secretKey, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'bogus', email: uniqueEmail('bogus') }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error_code: 'validation_failed', msg: 'Invalid email action link type requested: bogus' });
  });

  it('is for admins only', async () => {
    const { error } = await publishableClient().auth.admin.generateLink({ type: 'invite', email: uniqueEmail('not-admin') });
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('not_admin');
  });
});
