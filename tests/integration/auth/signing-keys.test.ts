import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from '@supabase/supabase-js';
import { SignJWT, decodeProtectedHeader, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { localJwtSecret } from '../../../scripts/stack/secrets.ts';
import { currentKey, signingKeysFile, type SigningKey } from '../../../scripts/stack/signing-keys.ts';
import { testStack } from '../../support/stack.ts';
import { confirmedUser } from './helpers.ts';

interface Jwks {
  keys: Array<Record<string, unknown>>;
}

async function publishedKeys(): Promise<Jwks> {
  // Public, as on hosted Supabase: no API key needed.
  const res = await fetch(`${testStack.supabaseUrl}/auth/v1/.well-known/jwks.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as Jwks;
}

const restAs = (token: string) =>
  fetch(`${testStack.supabaseUrl}/rest/v1/services?select=id&limit=1`, {
    headers: { apikey: testStack.publishableKey, authorization: `Bearer ${token}` },
  });

async function tokenFromStrangeKey(kid: string, claims: Record<string, unknown>): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey);
}

describe('the JWKS', () => {
  it('publishes the ES256 public key that signs user tokens, and no private or symmetric key', async () => {
    const jwks = await publishedKeys();
    const signing = currentKey(JSON.parse(readFileSync(signingKeysFile(testStack.stateDir), 'utf8')) as SigningKey[])!;
    expect(jwks.keys).toContainEqual({
      kty: 'EC',
      crv: 'P-256',
      x: signing.x,
      y: signing.y,
      kid: signing.kid,
      alg: 'ES256',
      use: 'sig',
      key_ops: ['verify'],
    });
    expect(jwks.keys.every((k) => k.kty === 'EC' && !('d' in k))).toBe(true);
  });
});

describe('user tokens', () => {
  it('are ES256 and name their signing key in the header', async () => {
    const { session } = await confirmedUser('es256');
    const header = decodeProtectedHeader(session.access_token);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect((await publishedKeys()).keys.map((k) => k.kid)).toContain(header.kid);
  });

  it('are verified by supabase-js getClaims against the JWKS, without asking Auth', async () => {
    const { email, password } = await confirmedUser('claims');
    const calls: string[] = [];
    const client = createClient(testStack.supabaseUrl, testStack.publishableKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: {
        fetch: (input, init) => {
          calls.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
          return fetch(input, init);
        },
      },
    });
    const signIn = await client.auth.signInWithPassword({ email, password });
    expect(signIn.error).toBeNull();
    const { data, error } = await client.auth.getClaims();
    expect(error).toBeNull();
    expect(data?.claims).toMatchObject({ sub: signIn.data.user!.id, email, role: 'authenticated' });
    expect(data?.header).toMatchObject({ alg: 'ES256' });
    expect(calls).toContain('/auth/v1/.well-known/jwks.json');
    expect(calls).not.toContain('/auth/v1/user');
  });

  it('are refused by getClaims when the signature does not match', async () => {
    const { session, client } = await confirmedUser('tampered');
    const [header, payload] = session.access_token.split('.');
    const other = (await confirmedUser('other')).session.access_token.split('.')[2];
    const { data, error } = await client.auth.getClaims(`${header}.${payload}.${other}`);
    expect(data).toBeNull();
    expect(error?.message).toBe('Invalid JWT signature');
  });

  it('are accepted by PostgREST, which verifies them with the same keys', async () => {
    const { session } = await confirmedUser('postgrest');
    const res = await restAs(session.access_token);
    expect(res.status).toBe(200);
  });
});

describe('tokens from a key the project does not have', () => {
  it('are refused by PostgREST, even when they borrow a published kid', async () => {
    const { kid } = decodeProtectedHeader((await confirmedUser('borrowed')).session.access_token);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: randomUUID(), role: 'service_role', aud: 'authenticated', iat: now, exp: now + 600 };
    for (const token of [await tokenFromStrangeKey(randomUUID(), claims), await tokenFromStrangeKey(kid!, claims)]) {
      const res = await restAs(token);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('PGRST301');
    }
  });

  it('are refused by Auth with bad_jwt', async () => {
    const { id, session } = await confirmedUser('strange-auth');
    const { kid } = decodeProtectedHeader(session.access_token);
    const now = Math.floor(Date.now() / 1000);
    const token = await tokenFromStrangeKey(kid!, { sub: id, role: 'authenticated', iat: now, exp: now + 600 });
    const res = await fetch(`${testStack.supabaseUrl}/auth/v1/user`, {
      headers: { apikey: testStack.publishableKey, authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error_code: 'bad_jwt' });
  });
});

describe('the legacy JWT secret, during the transition', () => {
  it('still signs tokens that Auth and PostgREST accept', async () => {
    const { id, session } = await confirmedUser('legacy-hs256');
    const claims = JSON.parse(Buffer.from(session.access_token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const legacy = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(localJwtSecret));
    const user = await fetch(`${testStack.supabaseUrl}/auth/v1/user`, {
      headers: { apikey: testStack.publishableKey, authorization: `Bearer ${legacy}` },
    });
    expect(user.status).toBe(200);
    expect(((await user.json()) as { id: string }).id).toBe(id);
    expect((await restAs(legacy)).status).toBe(200);
  });
});
