import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  addStandby,
  currentKey,
  ensureSigningKeys,
  promoteStandby,
  pruneRetired,
  publicJwks,
  signWith,
  standbyKey,
  verifierJwks,
  verifierJwksFile,
} from './signing-keys.ts';

const secret = 'a-legacy-secret-with-at-least-32-characters';

describe('signing keys', () => {
  it('creates one current ES256 key with a kid on first start, and keeps it on the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const [first] = await ensureSigningKeys(dir, secret);
    expect(first).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', key_ops: ['sign', 'verify'] });
    expect(first!.kid).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ensureSigningKeys(dir, secret)).toEqual([first]);
  });

  it('publishes only public halves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const keys = await ensureSigningKeys(dir, secret);
    const [published] = publicJwks(keys).keys;
    expect(published).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: keys[0]!.x,
      y: keys[0]!.y,
      kid: keys[0]!.kid,
      alg: 'ES256',
      use: 'sig',
      key_ops: ['verify'],
    });
    expect(JSON.stringify(publicJwks(keys))).not.toContain('"d"');
  });

  it('gives PostgREST the public keys and the legacy secret, so ES256 and HS256 tokens both verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const keys = await ensureSigningKeys(dir, secret);
    const jwks = JSON.parse(readFileSync(verifierJwksFile(dir), 'utf8')) as ReturnType<typeof verifierJwks>;
    expect(jwks.keys.map((k) => k.kty)).toEqual(['oct', 'EC']);
    expect(Buffer.from(jwks.keys[0]!.k!, 'base64url').toString()).toBe(secret);
    const token = await signWith(keys[0]!, { role: 'anon' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: keys[0]!.kid, typ: 'JWT' });
    const verified = await compactVerify(token, createLocalJWKSet({ keys: jwks.keys.slice(1) }));
    expect(verified.protectedHeader.kid).toBe(keys[0]!.kid);
  });
});

describe('rotating signing keys', () => {
  it('publishes a standby key before it signs anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const keys = await addStandby(await ensureSigningKeys(dir, secret));
    expect(keys).toHaveLength(2);
    expect(currentKey(keys)!.kid).toBe(keys[0]!.kid);
    expect(standbyKey(keys)!.key_ops).toEqual(['verify']);
    expect(publicJwks(keys).keys.map((k) => k.kid)).toEqual(keys.map((k) => k.kid));
  });

  it('makes the standby key current and keeps the old one for verifying', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const [old] = await ensureSigningKeys(dir, secret);
    const oldToken = await signWith(old!, { role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 60 });
    const rotated = promoteStandby(await addStandby([old!]), 1000);
    expect(currentKey(rotated)!.kid).not.toBe(old!.kid);
    expect(rotated.find((k) => k.kid === old!.kid)).toMatchObject({ key_ops: ['verify'], retired_at: 1000 });
    const { protectedHeader } = await jwtVerify(oldToken, createLocalJWKSet(publicJwks(rotated)));
    expect(protectedHeader.kid).toBe(old!.kid);
  });

  it('drops a retired key only once tokens it signed have expired', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const rotated = promoteStandby(await addStandby(await ensureSigningKeys(dir, secret)), 1000);
    expect(pruneRetired(rotated, 3600, 1000 + 3599)).toHaveLength(2);
    const pruned = pruneRetired(rotated, 3600, 1000 + 3600);
    expect(pruned).toEqual([currentKey(rotated)]);
  });

  it('refuses to promote when there is no standby key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const keys = await ensureSigningKeys(dir, secret);
    expect(() => promoteStandby(keys)).toThrow('There is no standby key to promote.');
  });
});
