import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { rotateSigningKey } from '../../../scripts/stack/rotate-signing-key.ts';
import { testStack } from '../../support/stack.ts';
import { confirmedUser, publishableClient } from './helpers.ts';

// Rotates the shared test stack's key: tokens the old key signed must keep working (other test
// files hold some), which is exactly what this checks.
describe('rotating the signing key', () => {
  it('signs new tokens with the new key and keeps accepting tokens the old key signed', async () => {
    const before = await confirmedUser('before-rotation');
    const oldKid = decodeProtectedHeader(before.session.access_token).kid;

    const rotation = await rotateSigningKey({
      stateDir: testStack.stateDir,
      databaseUrl: testStack.databaseUrl,
      supabaseUrl: testStack.supabaseUrl,
      publishableKey: testStack.publishableKey,
      keepSeconds: 3600,
    });
    expect(rotation.retired).toBe(oldKid);
    expect(rotation.current).not.toBe(oldKid);

    const jwks = (await (await fetch(`${testStack.supabaseUrl}/auth/v1/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, rotation.current]));

    const after = await confirmedUser('after-rotation');
    expect(decodeProtectedHeader(after.session.access_token).kid).toBe(rotation.current);

    // The old token still works everywhere: Auth, PostgREST and local verification.
    expect((await before.client.auth.getUser()).error).toBeNull();
    const rest = await fetch(`${testStack.supabaseUrl}/rest/v1/change_history?select=id&limit=1`, {
      headers: { apikey: testStack.publishableKey, authorization: `Bearer ${before.session.access_token}` },
    });
    expect(rest.status).toBe(200);
    const verifier = publishableClient();
    expect((await verifier.auth.getClaims(before.session.access_token)).error).toBeNull();
    expect((await verifier.auth.getClaims(after.session.access_token)).error).toBeNull();

    // The publishable key's role token now comes from the new key, and PostgREST takes it.
    const { error } = await verifier.from('services').select('id').limit(1);
    expect(error).toBeNull();
  });
});
