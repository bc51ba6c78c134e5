import { describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import { qrCodeSvg } from '../../../scripts/stack/auth/totp.ts';
import { anonClient, claimsOf, confirmedUser, serviceClient } from './helpers.ts';

const codeFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();

async function enrolled(label: string) {
  const user = await confirmedUser(label);
  const { data, error } = await user.client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Phone app' });
  if (error) throw error;
  return { ...user, factorId: data.id, secret: data.totp.secret };
}

describe('TOTP multi-factor authentication', () => {
  it('enrols a TOTP factor with a secret and an otpauth URI', async () => {
    const { client } = await confirmedUser('enrol');
    const { data, error } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Phone app', issuer: 'Signpost' });
    expect(error).toBeNull();
    expect(data?.type).toBe('totp');
    expect(data?.totp.uri).toMatch(/^otpauth:\/\/totp\/Signpost:/);
    expect(data?.totp.secret).toMatch(/^[A-Z2-7]+$/);
    expect(data?.totp.qr_code).toMatch(/^data:image\/svg\+xml;utf-8,<svg/);
  });

  it('gives a QR code of the otpauth URI that an authenticator app can scan, usable as an image source', async () => {
    const { client } = await confirmedUser('qr-code');
    const { data } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Phone app' });
    const svg = data!.totp.qr_code.replace('data:image/svg+xml;utf-8,', '');
    expect(svg).toBe(await qrCodeSvg(data!.totp.uri));
    expect(svg).toMatch(/<path[^>]+d="M/);
    // A '#' would end the data URL that auth-js builds.
    expect(svg).not.toContain('#');
  });

  it('refuses a second factor without a name while the first, also without one, is still there', async () => {
    const { client } = await confirmedUser('unnamed');
    expect((await client.auth.mfa.enroll({ factorType: 'totp' })).error).toBeNull();
    const { error } = await client.auth.mfa.enroll({ factorType: 'totp' });
    expect(error?.code).toBe('mfa_factor_name_conflict');
  });

  it('refuses an empty code with validation_failed', async () => {
    const { client, factorId } = await enrolled('empty-code');
    const { data: challenge } = await client.auth.mfa.challenge({ factorId });
    const { error } = await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: '' });
    expect({ status: error?.status, code: error?.code }).toEqual({ status: 400, code: 'validation_failed' });
  });

  it("ends the person's other sessions still at aal1 once a code is verified, as GoTrue does", async () => {
    const { client, factorId, secret, email, password } = await enrolled('other-sessions');
    const other = anonClient();
    await other.auth.signInWithPassword({ email, password });
    await client.auth.mfa.challengeAndVerify({ factorId, code: codeFor(secret) });
    const { error } = await other.auth.refreshSession();
    expect(error?.code).toMatch(/^(refresh_token_not_found|session_not_found)$/);
    expect((await client.auth.refreshSession()).error).toBeNull();
  });

  it('removes factors left unverified by an abandoned enrolment once another is verified', async () => {
    const { client } = await confirmedUser('abandoned');
    await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Abandoned' });
    const { data } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Kept' });
    await client.auth.mfa.challengeAndVerify({ factorId: data!.id, code: codeFor(data!.totp.secret) });
    const { data: factors } = await client.auth.mfa.listFactors();
    expect(factors?.all.map((f) => [f.friendly_name, f.status])).toEqual([['Kept', 'verified']]);
  });

  it('refuses a second factor with the same friendly name', async () => {
    const { client } = await enrolled('same-name');
    const { error } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Phone app' });
    expect(error?.code).toBe('mfa_factor_name_conflict');
  });

  it('refuses a wrong code with mfa_verification_failed and keeps the session at aal1', async () => {
    const { client, factorId, secret } = await enrolled('wrong-totp');
    const { data: challenge } = await client.auth.mfa.challenge({ factorId });
    const wrong = codeFor(secret) === '000000' ? '111111' : '000000';
    const { error } = await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: wrong });
    expect(error?.code).toBe('mfa_verification_failed');
    expect((await client.auth.mfa.getAuthenticatorAssuranceLevel()).data?.currentLevel).toBe('aal1');
  });

  it('raises the session to aal2 with totp in amr after a correct code', async () => {
    const { client, factorId, secret } = await enrolled('aal2');
    const { data: challenge } = await client.auth.mfa.challenge({ factorId });
    const { data, error } = await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: codeFor(secret) });
    expect(error).toBeNull();
    const claims = claimsOf(data!.access_token);
    expect(claims.aal).toBe('aal2');
    expect((claims.amr as Array<{ method: string }>).map((a) => a.method)).toEqual(expect.arrayContaining(['totp', 'password']));
    const aal = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(aal.data).toMatchObject({ currentLevel: 'aal2', nextLevel: 'aal2' });
    const factors = await client.auth.mfa.listFactors();
    expect(factors.data?.totp.map((f) => f.id)).toEqual([factorId]);
  });

  it('starts a new sign-in at aal1 with aal2 as the next level once a factor is verified', async () => {
    const { client, factorId, secret, email, password } = await enrolled('next-level');
    await client.auth.mfa.challengeAndVerify({ factorId, code: codeFor(secret) });
    const fresh = anonClient();
    await fresh.auth.signInWithPassword({ email, password });
    const aal = await fresh.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(aal.data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal2' });
    const { error } = await fresh.auth.mfa.unenroll({ factorId });
    expect({ status: error?.status, code: error?.code }).toEqual({ status: 422, code: 'insufficient_aal' });
  });

  it('refuses a challenge that has already been used, with the answer GoTrue gives for it', async () => {
    const { client, factorId, secret } = await enrolled('used-challenge');
    const { data: challenge } = await client.auth.mfa.challenge({ factorId });
    await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: codeFor(secret) });
    const { error } = await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: codeFor(secret) });
    expect({ status: error?.status, code: error?.code }).toEqual({ status: 422, code: 'mfa_ip_address_mismatch' });
  });

  it('refuses a challenge id that does not exist with mfa_factor_not_found', async () => {
    const { client, factorId, secret } = await enrolled('no-challenge');
    const { error } = await client.auth.mfa.verify({ factorId, challengeId: crypto.randomUUID(), code: codeFor(secret) });
    expect({ status: error?.status, code: error?.code }).toEqual({ status: 422, code: 'mfa_factor_not_found' });
  });

  it('unenrols a factor from an aal2 session', async () => {
    const { client, factorId, secret } = await enrolled('unenrol');
    await client.auth.mfa.challengeAndVerify({ factorId, code: codeFor(secret) });
    const { data, error } = await client.auth.mfa.unenroll({ factorId });
    expect(error).toBeNull();
    expect(data?.id).toBe(factorId);
    expect((await client.auth.getUser()).data.user?.factors ?? []).toEqual([]);
  });

  it("lets an admin list and remove a user's factor, taking their sessions back to aal1", async () => {
    const { client, factorId, secret, id } = await enrolled('admin-reset');
    await client.auth.mfa.challengeAndVerify({ factorId, code: codeFor(secret) });
    const admin = serviceClient().auth.admin.mfa;
    const listed = await admin.listFactors({ userId: id });
    expect(listed.data?.factors.map((f) => [f.id, f.status])).toEqual([[factorId, 'verified']]);
    expect((await admin.deleteFactor({ userId: id, id: factorId })).error).toBeNull();
    const { data } = await client.auth.refreshSession();
    expect(claimsOf(data.session!.access_token).aal).toBe('aal1');
  });
});
