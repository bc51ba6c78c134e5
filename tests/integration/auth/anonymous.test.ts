import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amrMethods,
  anonClient,
  claimsOf,
  codeIn,
  confirmedUser,
  latestMail,
  mailTo,
  startExtraAuthServer,
  uniqueEmail,
} from './helpers.ts';

describe('anonymous sessions', () => {
  it('signs in without an email as an authenticated, anonymous user', async () => {
    const { data, error } = await anonClient().auth.signInAnonymously({ options: { data: { referral: 'self' } } });
    expect(error).toBeNull();
    expect(data.user?.is_anonymous).toBe(true);
    expect(data.user?.email).toBe('');
    expect(data.user?.identities).toEqual([]);
    const claims = claimsOf(data.session!.access_token);
    expect(claims).toMatchObject({ role: 'authenticated', is_anonymous: true, sub: data.user?.id, user_metadata: { referral: 'self' } });
    expect(amrMethods(claims)).toEqual(['anonymous']);
  });

  it('cannot set a password before it has an email', async () => {
    const client = anonClient();
    await client.auth.signInAnonymously();
    const { error } = await client.auth.updateUser({ password: 'a-good-password' });
    expect(error?.status).toBe(422);
  });

  it('becomes a permanent account with the same id once an added email is confirmed', async () => {
    const client = anonClient();
    const { data: anon } = await client.auth.signInAnonymously();
    const email = uniqueEmail('anon-upgrade');
    const added = await client.auth.updateUser({ email });
    expect(added.error).toBeNull();
    expect(added.data.user?.new_email).toBe(email);
    expect(added.data.user?.is_anonymous).toBe(true);

    const mail = await latestMail(email);
    expect(mail.subject).toBe('Confirm Email Change');
    const { data, error } = await client.auth.verifyOtp({ email, token: codeIn(mail), type: 'email_change' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(anon.user?.id);
    expect(data.user?.is_anonymous).toBe(false);
    expect(data.user?.email).toBe(email);
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(claimsOf(data.session!.access_token).is_anonymous).toBe(false);

    await anonClient().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const later = await anonClient().auth.verifyOtp({ email, token: codeIn(await latestMail(email)), type: 'email' });
    expect(later.data.user?.id).toBe(anon.user?.id);
    expect(await mailTo(email)).toHaveLength(2);
  });
});

describe('adding an email under GOTRUE_MAILER_AUTOCONFIRM', () => {
  let server: Awaited<ReturnType<typeof startExtraAuthServer>>;
  beforeAll(async () => {
    server = await startExtraAuthServer({ GOTRUE_MAILER_AUTOCONFIRM: 'true' });
  });
  afterAll(() => server.close());

  it('makes an anonymous user permanent at once, same id, as signing up would', async () => {
    const client = anonClient(server.url);
    const { data: anon } = await client.auth.signInAnonymously();
    const email = uniqueEmail('anon-autoconfirm');
    const { data, error } = await client.auth.updateUser({ email });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: anon.user?.id, is_anonymous: false, email, app_metadata: { provider: 'email' } });
    expect(data.user?.identities?.map((i) => i.provider)).toEqual(['email']);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('still makes a permanent user confirm a new address by mail, as GoTrue does', async () => {
    const { email: old, password } = await confirmedUser('autoconfirm-change');
    const client = anonClient(server.url);
    await client.auth.signInWithPassword({ email: old, password });
    const email = uniqueEmail('autoconfirm-new');
    const { data, error } = await client.auth.updateUser({ email });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email: old, new_email: email });
    expect((await latestMail(email)).subject).toBe('Confirm Email Change');
  });
});
