import { createHash } from 'node:crypto';
import { TOTP, Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, codeIn, confirmedUser, latestMail, linkIn, startExtraAuthServer } from './helpers.ts';

// Each block starts its own Auth server with low limits, so its counts start from nothing.
type Extra = Awaited<ReturnType<typeof startExtraAuthServer>>;

const otherCode = (code: string, n: number) => String((Number(code) + n) % 1_000_000).padStart(6, '0');
const hashOf = (email: string, code: string) =>
  createHash('sha224')
    .update(email.toLowerCase() + code)
    .digest('hex');

describe('guessing a mailed code through token hashes', () => {
  let server: Extra;
  beforeAll(async () => {
    server = await startExtraAuthServer({ GOTRUE_RATE_LIMIT_VERIFY: '3' });
  });
  afterAll(() => server.close());

  it('stops once a client has had GOTRUE_RATE_LIMIT_VERIFY hashes refused, though each hash is new', async () => {
    const { email } = await confirmedUser('hash-guess');
    await anonClient(server.url).auth.signInWithOtp({ email });
    const mail = await latestMail(email);
    const code = codeIn(mail);
    // Anyone who knows the address can turn a guessed code into its hash.
    for (let n = 1; n <= 3; n++) {
      const { error } = await anonClient(server.url).auth.verifyOtp({ token_hash: hashOf(email, otherCode(code, n)), type: 'email' });
      expect(error?.code).toBe('otp_expired');
    }
    expect(new URL(linkIn(mail)).searchParams.get('token')).toBe(hashOf(email, code));
    const right = await anonClient(server.url).auth.verifyOtp({ token_hash: hashOf(email, code), type: 'email' });
    expect(right.error?.status).toBe(429);
    expect(right.error?.code).toBe('over_request_rate_limit');
  });
});

describe('guessing a mailed code from many addresses', () => {
  let server: Extra;
  beforeAll(async () => {
    server = await startExtraAuthServer({ GOTRUE_RATE_LIMIT_VERIFY: '3' });
  });
  afterAll(() => server.close());

  it('stops once GOTRUE_RATE_LIMIT_VERIFY codes for one address have been refused, whichever client sent them', async () => {
    const { email } = await confirmedUser('spread-guess');
    await anonClient(server.url).auth.signInWithOtp({ email });
    const code = codeIn(await latestMail(email));
    const verify = (token: string, client: string) =>
      fetch(`${server.url}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client, 'x-supabase-api-version': '2024-01-01' },
        body: JSON.stringify({ email, token, type: 'email' }),
      });
    for (let n = 1; n <= 3; n++) expect((await verify(otherCode(code, n), `198.51.100.${n}`)).status).toBe(403);
    const right = await verify(code, '198.51.100.99');
    expect(right.status).toBe(429);
    expect(await right.json()).toMatchObject({ code: 'over_request_rate_limit' });
  });
});

describe('with a low limit on anonymous sign-ins', () => {
  let server: Extra;
  beforeAll(async () => {
    server = await startExtraAuthServer({ GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED: 'true', GOTRUE_RATE_LIMIT_ANONYMOUS_USERS: '2' });
  });
  afterAll(() => server.close());

  it('refuses a client’s anonymous sign-ins past GOTRUE_RATE_LIMIT_ANONYMOUS_USERS in an hour', async () => {
    expect((await anonClient(server.url).auth.signInAnonymously()).error).toBeNull();
    expect((await anonClient(server.url).auth.signInAnonymously()).error).toBeNull();
    const third = await anonClient(server.url).auth.signInAnonymously();
    expect(third.error?.status).toBe(429);
    expect(third.error?.code).toBe('over_request_rate_limit');
  });
});

describe('with a low limit on MFA challenges and verifications', () => {
  let server: Extra;
  beforeAll(async () => {
    server = await startExtraAuthServer({ GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY: '2' });
  });
  afterAll(() => server.close());

  it('refuses TOTP codes for a factor past GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY in a minute', async () => {
    const { session } = await confirmedUser('totp-guess');
    const client = anonClient(server.url);
    await client.auth.setSession({ access_token: session.access_token, refresh_token: session.refresh_token });
    const { data: factor, error: enrolError } = await client.auth.mfa.enroll({ factorType: 'totp' });
    expect(enrolError).toBeNull();
    const { data: challenge } = await client.auth.mfa.challenge({ factorId: factor!.id });
    const right = new TOTP({ secret: Secret.fromBase32(factor!.totp.secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();
    for (let n = 1; n <= 2; n++) {
      const { error } = await client.auth.mfa.verify({ factorId: factor!.id, challengeId: challenge!.id, code: otherCode(right, n * 7) });
      expect(error?.code).toBe('mfa_verification_failed');
    }
    const blocked = await client.auth.mfa.verify({ factorId: factor!.id, challengeId: challenge!.id, code: right });
    expect(blocked.error?.status).toBe(429);
    expect(blocked.error?.code).toBe('over_request_rate_limit');
  });
});
