import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { anonClient, confirmedUser, publishableClient, secretClient, startExtraAuthServer, uniqueEmail } from './helpers.ts';

// What hosted Auth refuses, refused the same way: GoTrue's status, error code and message.
const client = publishableClient();
const admin = secretClient().auth.admin;
const bad = 'not an address@example';
const invalidFormat = { status: 400, code: 'validation_failed', message: 'Unable to validate email address: invalid format' };
const errorOf = (result: { error: unknown }) => {
  const error = result.error as { status?: number; code?: string; message?: string } | null;
  return { status: error?.status, code: error?.code, message: error?.message };
};

describe('GoTrue’s email address check, wherever an address is accepted', () => {
  it('refuses a malformed address on sign-up, codes, recovery and resend', async () => {
    expect(errorOf(await client.auth.signUp({ email: bad, password: 'correct-horse-battery' }))).toEqual(invalidFormat);
    expect(errorOf(await client.auth.signInWithOtp({ email: bad }))).toEqual(invalidFormat);
    expect(errorOf(await client.auth.resetPasswordForEmail(bad))).toEqual(invalidFormat);
    expect(errorOf(await client.auth.resend({ type: 'signup', email: bad }))).toEqual(invalidFormat);
  });

  it('refuses a malformed address when verifying a code, with GoTrue’s own status and wording there', async () => {
    expect(errorOf(await client.auth.verifyOtp({ email: bad, token: '123456', type: 'email' }))).toEqual({
      status: 422,
      code: 'validation_failed',
      message: 'Invalid email format',
    });
  });

  it('refuses a malformed address when a person changes theirs', async () => {
    const { client: own } = await confirmedUser('bad-change');
    expect(errorOf(await own.auth.updateUser({ email: bad }))).toEqual(invalidFormat);
  });

  it('refuses a malformed address in the admin API', async () => {
    const { id } = await confirmedUser('bad-admin');
    expect(errorOf(await admin.createUser({ email: bad }))).toEqual(invalidFormat);
    expect(errorOf(await admin.inviteUserByEmail(bad))).toEqual(invalidFormat);
    expect(errorOf(await admin.updateUserById(id, { email: bad }))).toEqual(invalidFormat);
    expect(errorOf(await admin.generateLink({ type: 'invite', email: bad }))).toEqual(invalidFormat);
  });

  it('says when the address is missing or too long', async () => {
    expect(errorOf(await admin.createUser({}))).toEqual({
      status: 400,
      code: 'validation_failed',
      message: 'An email address is required',
    });
    const long = `${'a'.repeat(250)}@example.com`;
    expect(errorOf(await admin.createUser({ email: long }))).toEqual({
      status: 400,
      code: 'validation_failed',
      message: 'An email address is too long',
    });
  });
});

describe('admin user list pagination', () => {
  const list = (query: string) =>
    fetch(`${testStack.supabaseUrl}/auth/v1/admin/users?${query}`, { headers: { apikey: testStack.secretKey } });

  it('refuses a page that is not a whole number with 400', async () => {
    const res = await list('page=two');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error_code: 'validation_failed',
      msg: 'Bad Pagination Parameters: strconv.ParseUint: parsing "two": invalid syntax',
    });
  });

  it('refuses a negative or overlong per_page with 400', async () => {
    expect((await list('per_page=-5')).status).toBe(400);
    const huge = await list('per_page=99999999999999999999999');
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { msg: string }).msg).toMatch(/value out of range$/);
  });

  it('still pages with good numbers', async () => {
    const res = await list('page=1&per_page=2');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { users: unknown[] }).users.length).toBeLessThanOrEqual(2);
  });
});

describe('features this project leaves switched off', () => {
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${testStack.supabaseUrl}/auth/v1${path}`, {
      method,
      headers: { apikey: testStack.publishableKey, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('phone: sign-up, codes and password sign-in say the phone provider is disabled', async () => {
    expect(errorOf(await client.auth.signUp({ phone: '+447700900123', password: 'correct-horse-battery' }))).toEqual({
      status: 400,
      code: 'phone_provider_disabled',
      message: 'Phone signups are disabled',
    });
    expect(errorOf(await client.auth.signInWithOtp({ phone: '+447700900123' }))).toEqual({
      status: 400,
      code: 'phone_provider_disabled',
      message: 'Unsupported phone provider',
    });
    expect(errorOf(await client.auth.signInWithPassword({ phone: '+447700900123', password: 'x' }))).toEqual({
      status: 422,
      code: 'phone_provider_disabled',
      message: 'Phone logins are disabled',
    });
  });

  it('OAuth: the authorize redirect says the provider is not enabled', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/auth/v1/authorize?provider=github`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error_code: 'validation_failed', msg: 'Unsupported provider: provider is not enabled' });
  });

  it('ID tokens: signing in with a Google ID token says the provider is disabled', async () => {
    expect(errorOf(await client.auth.signInWithIdToken({ provider: 'google', token: 'a.b.c' }))).toEqual({
      status: 400,
      code: 'provider_disabled',
      message: 'Provider (issuer "https://accounts.google.com") is not enabled',
    });
  });

  it('SSO: signing in with SSO says SAML is disabled', async () => {
    expect(errorOf(await client.auth.signInWithSSO({ domain: 'example.org' }))).toEqual({
      status: 404,
      code: 'saml_provider_disabled',
      message: 'SAML 2.0 is disabled',
    });
    const providers = await fetch(`${testStack.supabaseUrl}/auth/v1/admin/sso/providers`, { headers: { apikey: testStack.secretKey } });
    expect(providers.status).toBe(404);
  });

  it('Web3: a wallet sign-in says the Web3 provider is disabled', async () => {
    const res = await call('POST', '/token?grant_type=web3', { chain: 'ethereum', message: 'x', signature: 'y' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error_code: 'web3_provider_disabled', msg: 'Web3 provider is disabled' });
  });

  it('passkeys: every passkey route says passkeys are disabled', async () => {
    for (const [method, path] of [
      ['POST', '/passkeys/authentication/options'],
      ['POST', '/passkeys/registration/options'],
      ['GET', '/passkeys'],
    ] as const) {
      const res = await call(method, path, method === 'POST' ? {} : undefined);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error_code: 'passkey_disabled', msg: 'Passkeys are disabled' });
    }
  });

  it('WebAuthn and phone MFA: enrolling says the factor type is not enabled', async () => {
    const { client: own } = await confirmedUser('mfa-off');
    expect(errorOf(await own.auth.mfa.enroll({ factorType: 'webauthn' } as never))).toMatchObject({
      status: 422,
      code: 'mfa_webauthn_enroll_not_enabled',
    });
    expect(errorOf(await own.auth.mfa.enroll({ factorType: 'phone', phone: '+447700900123' }))).toMatchObject({
      status: 422,
      code: 'mfa_phone_enroll_not_enabled',
    });
  });

  it('identity linking: manual linking is disabled', async () => {
    const { client: own } = await confirmedUser('link-off');
    expect(errorOf(await own.auth.linkIdentity({ provider: 'github' }))).toMatchObject({ status: 404, code: 'manual_linking_disabled' });
  });

  it('an unknown grant type is refused as GoTrue does', async () => {
    const res = await call('POST', '/token?grant_type=magic', {});
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error_code: 'invalid_credentials', msg: 'unsupported_grant_type' });
  });
});

describe('email sign-up switched off (GOTRUE_EXTERNAL_EMAIL_ENABLED=false)', () => {
  let server: Awaited<ReturnType<typeof startExtraAuthServer>>;
  beforeAll(async () => {
    server = await startExtraAuthServer({ GOTRUE_EXTERNAL_EMAIL_ENABLED: 'false' });
  });
  afterAll(() => server.close());

  it('refuses an email sign-up with 400 email_provider_disabled', async () => {
    const result = await anonClient(server.url).auth.signUp({ email: uniqueEmail('no-email'), password: 'correct-horse-battery' });
    expect(errorOf(result)).toEqual({ status: 400, code: 'email_provider_disabled', message: 'Email signups are disabled' });
  });
});
