import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, claimsOf, confirmedUser, latestMail, sql, startExtraAuthServer } from './helpers.ts';

// Secure password change (GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION): a session
// older than 24 hours needs the nonce that GET /reauthenticate mails before it may change the
// password. A second Auth server on the test database has the setting on.
type Extra = Awaited<ReturnType<typeof startExtraAuthServer>>;
let server: Extra;

beforeAll(async () => {
  server = await startExtraAuthServer({ GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION: 'true' });
});
afterAll(() => server.close());

async function oldSession(label: string) {
  const { email, password, id } = await confirmedUser(label);
  const client = anonClient(server.url);
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  await sql("update auth.sessions set created_at = now() - interval '25 hours' where id = $1", [
    claimsOf(data.session.access_token).session_id,
  ]);
  return { email, password, id, client };
}

const nonceIn = async (email: string) => {
  const mail = await latestMail(email);
  expect(mail.subject).toBe('Confirm reauthentication');
  return mail.text.match(/Enter the code: (\d+)/)![1]!;
};

describe('changing a password with secure password change on', () => {
  it('needs no nonce in a session started within the last day, as on GoTrue', async () => {
    const { email } = await confirmedUser('reauth-recent');
    const client = anonClient(server.url);
    await client.auth.signInWithPassword({ email, password: 'correct-horse-battery' });
    expect((await client.auth.updateUser({ password: 'a-brand-new-password' })).error).toBeNull();
  });

  it('refuses a password change in an older session without a nonce', async () => {
    const { client } = await oldSession('reauth-needed');
    const { error } = await client.auth.updateUser({ password: 'a-brand-new-password' });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('reauthentication_needed');
    expect(error?.message).toBe('Password update requires reauthentication');
  });

  it('changes the password with the mailed nonce, once', async () => {
    const { client, email } = await oldSession('reauth-ok');
    expect((await client.auth.reauthenticate()).error).toBeNull();
    const nonce = await nonceIn(email);
    expect((await client.auth.updateUser({ password: 'a-brand-new-password', nonce })).error).toBeNull();
    const signIn = await anonClient(server.url).auth.signInWithPassword({ email, password: 'a-brand-new-password' });
    expect(signIn.error).toBeNull();
    const reused = await client.auth.updateUser({ password: 'yet-another-password', nonce });
    expect(reused.error?.code).toBe('reauthentication_not_valid');
  });

  it('refuses a wrong nonce with reauthentication_not_valid', async () => {
    const { client } = await oldSession('reauth-wrong');
    await client.auth.reauthenticate();
    const { error } = await client.auth.updateUser({ password: 'a-brand-new-password', nonce: '000000' });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('reauthentication_not_valid');
    expect(error?.message).toBe('Nonce has expired or is invalid');
  });
});

describe('GET /reauthenticate', () => {
  it('refuses someone without an email address', async () => {
    const client = anonClient(server.url);
    await client.auth.signInAnonymously();
    const { error } = await client.auth.reauthenticate();
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('validation_failed');
  });

  it('needs a signed-in user', async () => {
    const res = await fetch(`${server.url}/reauthenticate`);
    expect(res.status).toBe(401);
  });
});

describe('with secure password change off (the default)', () => {
  it('changes the password of an older session without a nonce', async () => {
    const { session, client } = await confirmedUser('reauth-off');
    const sessionId = claimsOf(session.access_token).session_id;
    await sql("update auth.sessions set created_at = now() - interval '25 hours' where id = $1", [sessionId]);
    expect((await client.auth.updateUser({ password: 'a-brand-new-password' })).error).toBeNull();
  });
});
