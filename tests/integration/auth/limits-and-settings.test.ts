import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, codeIn, confirmedUser, latestMail, mailTo, serviceClient, uniqueEmail, startExtraAuthServer } from './helpers.ts';

// Each block starts its own Auth server on the test database with GoTrue settings the shared
// stack does not use, and talks to it with supabase-js directly.
type Extra = Awaited<ReturnType<typeof startExtraAuthServer>>;

describe('with low rate limits', () => {
  let server: Extra;
  beforeAll(async () => {
    server = await startExtraAuthServer({
      GOTRUE_RATE_LIMIT_EMAIL_SENT: '2',
      GOTRUE_RATE_LIMIT_TOKEN_REFRESH: '3',
      GOTRUE_RATE_LIMIT_VERIFY: '3',
      GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL: '0',
    });
  });
  afterAll(() => server.close());

  it('refuses a third mail to one address within the hour with over_email_send_rate_limit', async () => {
    const email = uniqueEmail('mail-limit');
    const client = anonClient(server.url);
    expect((await client.auth.signInWithOtp({ email })).error).toBeNull();
    expect((await client.auth.signInWithOtp({ email })).error).toBeNull();
    const third = await client.auth.signInWithOtp({ email });
    expect(third.error?.status).toBe(429);
    expect(third.error?.code).toBe('over_email_send_rate_limit');
    expect(await mailTo(email)).toHaveLength(2);
  });

  it('refuses further password attempts on one address with over_request_rate_limit', async () => {
    const { email } = await confirmedUser('password-limit');
    const client = anonClient(server.url);
    for (let i = 0; i < 3; i++) {
      expect((await client.auth.signInWithPassword({ email, password: `guess-${i}` })).error?.code).toBe('invalid_credentials');
    }
    const blocked = await client.auth.signInWithPassword({ email, password: 'correct-horse-battery' });
    expect(blocked.error?.status).toBe(429);
    expect(blocked.error?.code).toBe('over_request_rate_limit');
  });

  it('refuses further code guesses on one address with over_request_rate_limit', async () => {
    const { email } = await confirmedUser('verify-limit');
    const client = anonClient(server.url);
    for (let i = 0; i < 3; i++) {
      expect((await client.auth.verifyOtp({ email, token: `00000${i}`, type: 'email' })).error?.code).toBe('otp_expired');
    }
    expect((await client.auth.verifyOtp({ email, token: '000009', type: 'email' })).error?.code).toBe('over_request_rate_limit');
  });

  it('refuses a reused refresh token with refresh_token_already_used and ends that session', async () => {
    const { email, password } = await confirmedUser('reuse');
    const client = anonClient(server.url);
    const { data: first } = await client.auth.signInWithPassword({ email, password });
    const { data: second } = await anonClient(server.url).auth.refreshSession({ refresh_token: first.session!.refresh_token });
    const reused = await anonClient(server.url).auth.refreshSession({ refresh_token: first.session!.refresh_token });
    expect(reused.error?.code).toBe('refresh_token_already_used');
    expect(reused.error?.message).toBe('Invalid Refresh Token: Already Used');
    // The whole family is revoked: the legitimate newer token no longer works either.
    const newer = await anonClient(server.url).auth.refreshSession({ refresh_token: second.session!.refresh_token });
    expect(newer.error?.code).toBe('refresh_token_already_used');
  });
});

describe('with a short OTP lifetime and a longer minimum password', () => {
  let server: Extra;
  beforeAll(async () => {
    server = await startExtraAuthServer({ GOTRUE_MAILER_OTP_EXP: '1', GOTRUE_PASSWORD_MIN_LENGTH: '12' });
  });
  afterAll(() => server.close());

  it('refuses a code once GOTRUE_MAILER_OTP_EXP has passed', async () => {
    const { email } = await confirmedUser('otp-exp');
    await anonClient(server.url).auth.signInWithOtp({ email });
    const code = codeIn(await latestMail(email));
    await new Promise((r) => setTimeout(r, 1500));
    const { error } = await anonClient(server.url).auth.verifyOtp({ email, token: code, type: 'email' });
    expect(error?.code).toBe('otp_expired');
  });

  it('applies GOTRUE_PASSWORD_MIN_LENGTH', async () => {
    const { error } = await anonClient(server.url).auth.signUp({ email: uniqueEmail('min-length'), password: 'elevenchars' });
    expect(error?.code).toBe('weak_password');
    expect(error?.message).toBe('Password should be at least 12 characters.');
  });
});

describe('with sign-ups disabled', () => {
  let server: Extra;
  beforeAll(async () => {
    server = await startExtraAuthServer({ GOTRUE_DISABLE_SIGNUP: 'true' });
  });
  afterAll(() => server.close());

  it('refuses a password sign-up with signup_disabled', async () => {
    const { error } = await anonClient(server.url).auth.signUp({ email: uniqueEmail('closed'), password: 'a-good-password' });
    expect(error?.code).toBe('signup_disabled');
  });

  it('refuses a magic link to an unknown address with otp_disabled and mails nothing', async () => {
    const email = uniqueEmail('closed-otp');
    const { error } = await anonClient(server.url).auth.signInWithOtp({ email });
    expect(error?.code).toBe('otp_disabled');
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('still lets existing users sign in and admins create users', async () => {
    const { email, password } = await confirmedUser('closed-existing');
    expect((await anonClient(server.url).auth.signInWithPassword({ email, password })).error).toBeNull();
    expect((await serviceClient(server.url).auth.admin.createUser({ email: uniqueEmail('closed-admin') })).error).toBeNull();
  });
});

describe('with anonymous sign-ins turned off', () => {
  let server: Extra;
  beforeAll(async () => {
    server = await startExtraAuthServer({ GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED: 'false' });
  });
  afterAll(() => server.close());

  it('refuses anonymous sign-in with anonymous_provider_disabled', async () => {
    const { error } = await anonClient(server.url).auth.signInAnonymously();
    expect(error?.code).toBe('anonymous_provider_disabled');
    expect(error?.status).toBe(422);
  });
});
