// Asymmetric JWT signing keys, as hosted Supabase has them: an ES256 key signs new tokens (its
// `kid` in every token header), keys that signed earlier tokens stay published for verifying
// until those tokens expire, and a standby key is published before it starts signing. The file
// is a JSON array of private JWKs, the format of GoTrue's GOTRUE_JWT_KEYS and the Supabase CLI's
// `signing_keys_path`; the one whose key_ops include "sign" is the current key.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface SigningKey extends JWK {
  kid: string;
  alg: 'ES256';
  key_ops: string[];
  /** Seconds since the epoch when this key stopped signing; absent on the current and standby keys. */
  retired_at?: number;
}

export const signingKeysFile = (stateDir: string) => join(stateDir, 'signing-keys.json');
/** What PostgREST verifies with: the public keys and the legacy HS256 secret, as one JWKS. */
export const verifierJwksFile = (stateDir: string) => join(stateDir, 'jwks-postgrest.json');

export async function newSigningKey(keyOps: string[] = ['sign', 'verify']): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: randomUUID(), alg: 'ES256', use: 'sig', key_ops: keyOps, ext: true };
}

export const currentKey = (keys: SigningKey[]) => keys.find((k) => k.key_ops.includes('sign'));
export const standbyKey = (keys: SigningKey[]) => keys.find((k) => !k.key_ops.includes('sign') && k.retired_at === undefined);

/** The public half, as GoTrue publishes it at /.well-known/jwks.json. */
export function publicJwk(key: SigningKey): JWK {
  return { kty: key.kty, crv: key.crv, x: key.x, y: key.y, kid: key.kid, alg: key.alg, use: 'sig', key_ops: ['verify'] };
}

export function publicJwks(keys: SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map(publicJwk) };
}

/** The JWKS for PostgREST: every published key plus the legacy secret, so HS256 tokens keep working. */
export function verifierJwks(keys: SigningKey[], legacySecret: string): { keys: JWK[] } {
  const oct: JWK = { kty: 'oct', k: Buffer.from(legacySecret).toString('base64url'), alg: 'HS256' };
  return { keys: [oct, ...keys.map(publicJwk)] };
}

export function readSigningKeys(file: string): SigningKey[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} must hold a JSON array of JWKs`);
  return parsed as SigningKey[];
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

export function writeSigningKeys(stateDir: string, keys: SigningKey[], legacySecret: string): void {
  // PostgREST's list first: a key is verifiable before anything signs with it.
  writeAtomically(verifierJwksFile(stateDir), JSON.stringify(verifierJwks(keys, legacySecret)));
  writeAtomically(signingKeysFile(stateDir), `${JSON.stringify(keys, null, 2)}\n`);
}

/** The stack's keys, created on first start (one current ES256 key). */
export async function ensureSigningKeys(stateDir: string, legacySecret: string): Promise<SigningKey[]> {
  const file = signingKeysFile(stateDir);
  const keys = existsSync(file) ? readSigningKeys(file) : [await newSigningKey()];
  writeSigningKeys(stateDir, keys, legacySecret);
  return keys;
}

/** Re-reads the file when it changes, so a rotation reaches running servers without a restart. */
export function signingKeysReader(file: string): () => SigningKey[] {
  let seen = -1;
  let keys: SigningKey[] = [];
  return () => {
    const mtime = statSync(file).mtimeMs;
    if (mtime !== seen) {
      keys = readSigningKeys(file);
      seen = mtime;
    }
    return keys;
  };
}

const imported = new Map<string, Promise<CryptoKey | Uint8Array>>();

/** The key as a CryptoKey, private or public half, imported once per kid. */
export function importKey(key: SigningKey, half: 'private' | 'public'): Promise<CryptoKey | Uint8Array> {
  const id = `${key.kid}:${half}`;
  let found = imported.get(id);
  if (!found) {
    const jwk = half === 'private' ? { ...key, key_ops: ['sign'] } : { ...publicJwk(key) };
    delete (jwk as { retired_at?: number }).retired_at;
    found = importJWK(jwk, 'ES256');
    imported.set(id, found);
  }
  return found;
}

/** Signs claims with a key, naming it in the header as GoTrue does. */
export async function signWith(key: SigningKey, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' }).sign(await importKey(key, 'private'));
}

/**
 * One rotation step. `standby` publishes a new key without signing with it; `promote` makes the
 * standby key current and retires the old current key (still published for verification);
 * `prune` drops retired keys older than `keepSeconds` (the longest a token they signed can live).
 */
export async function addStandby(keys: SigningKey[]): Promise<SigningKey[]> {
  if (standbyKey(keys)) return keys;
  return [...keys, await newSigningKey(['verify'])];
}

export function promoteStandby(keys: SigningKey[], now = Math.floor(Date.now() / 1000)): SigningKey[] {
  const next = standbyKey(keys);
  if (!next) throw new Error('There is no standby key to promote.');
  return keys.map((k) => {
    if (k === next) return { ...k, key_ops: ['sign', 'verify'] };
    if (k.key_ops.includes('sign')) return { ...k, key_ops: ['verify'], retired_at: now };
    return k;
  });
}

export function pruneRetired(keys: SigningKey[], keepSeconds: number, now = Math.floor(Date.now() / 1000)): SigningKey[] {
  return keys.filter((k) => k.retired_at === undefined || now - k.retired_at < keepSeconds);
}

/**
 * Role tokens for the gateway to pass upstream in place of a publishable or secret key, signed
 * with the current key like the Supabase CLI's asymmetric anon and service_role keys.
 */
export function roleTokenSigner(file: string): (role: string) => Promise<string> {
  const read = signingKeysReader(file);
  const made = new Map<string, Promise<string>>();
  return (role) => {
    const key = currentKey(read());
    if (!key) return Promise.reject(new Error(`no current signing key in ${file}`));
    const id = `${key.kid}:${role}`;
    let token = made.get(id);
    if (!token) {
      token = signWith(key, { iss: 'supabase-demo', role, exp: 1983812996 });
      made.set(id, token);
    }
    return token;
  };
}
