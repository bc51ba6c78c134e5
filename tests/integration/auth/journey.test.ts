// The acceptance journeys from issue 3, written the way a script using supabase-js would run them.
import { describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import { anonClient, claimsOf, codeIn, latestMail, linkIn, uniqueEmail } from './helpers.ts';

describe('journeys through local Auth', () => {
  it('a link worker signs up, confirms from the mailbox, signs in, refreshes, enrols TOTP and reaches aal2', async () => {
    const email = uniqueEmail('link-worker');
    const password = 'a-long-link-worker-password';
    const supabase = anonClient();

    const signUp = await supabase.auth.signUp({ email, password });
    expect(signUp.error).toBeNull();

    const confirmed = await fetch(linkIn(await latestMail(email)), { redirect: 'manual' });
    expect(new URLSearchParams(new URL(confirmed.headers.get('location')!).hash.slice(1)).get('type')).toBe('signup');

    const signIn = await supabase.auth.signInWithPassword({ email, password });
    expect(signIn.error).toBeNull();

    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(signIn.data.session?.refresh_token);

    const enrol = await supabase.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Work phone' });
    expect(enrol.error).toBeNull();
    const totp = new TOTP({ secret: Secret.fromBase32(enrol.data!.totp.secret), digits: 6, period: 30, algorithm: 'SHA1' });
    const verified = await supabase.auth.mfa.challengeAndVerify({ factorId: enrol.data!.id, code: totp.generate() });
    expect(verified.error).toBeNull();

    const aal = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(aal.data?.currentLevel).toBe('aal2');
    const { data: session } = await supabase.auth.getSession();
    expect(claimsOf(session.session!.access_token).aal).toBe('aal2');
  });

  it('a resident starts anonymously, adds an email, and later signs in by magic link as the same person', async () => {
    const supabase = anonClient();
    const { data: anon } = await supabase.auth.signInAnonymously();
    const residentId = anon.user!.id;

    const email = uniqueEmail('resident');
    expect((await supabase.auth.updateUser({ email })).error).toBeNull();
    const change = await fetch(linkIn(await latestMail(email)), { redirect: 'manual' });
    expect(new URLSearchParams(new URL(change.headers.get('location')!).hash.slice(1)).get('type')).toBe('email_change');
    await supabase.auth.signOut();

    const later = anonClient();
    expect((await later.auth.signInWithOtp({ email, options: { shouldCreateUser: false } })).error).toBeNull();
    const mail = await latestMail(email);
    expect(mail.subject).toBe('Your Magic Link');
    const { data, error } = await later.auth.verifyOtp({ email, token: codeIn(mail), type: 'email' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(residentId);
    expect(data.user?.is_anonymous).toBe(false);
  });
});
