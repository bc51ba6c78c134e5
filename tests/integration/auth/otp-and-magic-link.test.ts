import { describe, expect, it } from 'vitest';
import { amrMethods, anonClient, claimsOf, codeIn, confirmedUser, latestMail, linkIn, mailTo, sql, uniqueEmail } from './helpers.ts';

describe('signing in with an emailed code or magic link', () => {
  it('signs up an unknown address, mails a code, and the code signs them in with a confirmed address', async () => {
    const email = uniqueEmail('otp-new');
    const client = anonClient();
    const sent = await client.auth.signInWithOtp({ email });
    expect(sent.error).toBeNull();
    expect(sent.data.session).toBeNull();
    const mail = await latestMail(email);
    expect(mail.subject).toBe('Confirm Your Signup');
    const { data, error } = await client.auth.verifyOtp({ email, token: codeIn(mail), type: 'email' });
    expect(error).toBeNull();
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(amrMethods(claimsOf(data.session!.access_token))).toEqual(['otp']);
  });

  it('mails a confirmed user a magic link whose code and link both sign in as them', async () => {
    const { email, id } = await confirmedUser('magic');
    await anonClient().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const byCode = await anonClient().auth.verifyOtp({ email, token: codeIn(await latestMail(email)), type: 'magiclink' });
    expect(byCode.data.user?.id).toBe(id);

    await anonClient().auth.signInWithOtp({ email });
    const mail = await latestMail(email);
    expect(mail.subject).toBe('Your Magic Link');
    const res = await fetch(linkIn(mail), { redirect: 'manual' });
    const fragment = new URLSearchParams(new URL(res.headers.get('location')!).hash.slice(1));
    expect(fragment.get('type')).toBe('magiclink');
    expect(claimsOf(fragment.get('access_token')!).sub).toBe(id);
  });

  it('accepts the token hash from a link through verifyOtp as well', async () => {
    const { email, id } = await confirmedUser('token-hash');
    await anonClient().auth.signInWithOtp({ email });
    const hash = new URL(linkIn(await latestMail(email))).searchParams.get('token')!;
    const { data, error } = await anonClient().auth.verifyOtp({ token_hash: hash, type: 'magiclink' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
  });

  it('refuses to create a user when asked not to, with otp_disabled', async () => {
    const email = uniqueEmail('no-create');
    const { error } = await anonClient().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(error?.code).toBe('otp_disabled');
    expect(error?.status).toBe(422);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('refuses a wrong code with otp_expired', async () => {
    const { email } = await confirmedUser('wrong-code');
    await anonClient().auth.signInWithOtp({ email });
    const code = codeIn(await latestMail(email));
    const wrong = code === '000000' ? '111111' : '000000';
    const { error } = await anonClient().auth.verifyOtp({ email, token: wrong, type: 'email' });
    expect(error?.code).toBe('otp_expired');
    expect(error?.status).toBe(403);
  });

  it('refuses a code older than the OTP lifetime with otp_expired', async () => {
    const { email } = await confirmedUser('old-code');
    await anonClient().auth.signInWithOtp({ email });
    const code = codeIn(await latestMail(email));
    // Age the code past GOTRUE_MAILER_OTP_EXP (an hour, as on a new hosted project) rather than waiting.
    await sql("update auth.users set recovery_sent_at = now() - interval '61 minutes' where email = $1", [email]);
    const { error } = await anonClient().auth.verifyOtp({ email, token: code, type: 'email' });
    expect(error?.code).toBe('otp_expired');
  });

  it('uses each code once', async () => {
    const { email } = await confirmedUser('once');
    await anonClient().auth.signInWithOtp({ email });
    const code = codeIn(await latestMail(email));
    expect((await anonClient().auth.verifyOtp({ email, token: code, type: 'email' })).error).toBeNull();
    expect((await anonClient().auth.verifyOtp({ email, token: code, type: 'email' })).error?.code).toBe('otp_expired');
  });
});

describe('password recovery', () => {
  it('mails a recovery code for a known address and says the same for an unknown one', async () => {
    const { email, id } = await confirmedUser('recover');
    const unknown = uniqueEmail('recover-unknown');
    expect((await anonClient().auth.resetPasswordForEmail(email)).error).toBeNull();
    expect((await anonClient().auth.resetPasswordForEmail(unknown)).error).toBeNull();
    expect(await mailTo(unknown)).toHaveLength(0);
    const mail = await latestMail(email);
    expect(mail.subject).toBe('Reset Your Password');
    const client = anonClient();
    const { data } = await client.auth.verifyOtp({ email, token: codeIn(mail), type: 'recovery' });
    expect(data.user?.id).toBe(id);
    expect((await client.auth.updateUser({ password: 'a-brand-new-password' })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: 'a-brand-new-password' })).error).toBeNull();
  });
});
