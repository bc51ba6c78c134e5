// Rotating the stack's signing key the way hosted Supabase does it: a new key is published as a
// standby first (PostgREST reloads its JWKS and is seen to accept it), then it becomes the key
// that signs; the old key stays published so tokens it signed keep working until they expire, and
// keys retired longer ago than a token can live are dropped.
import pg from 'pg';
import { localJwtSecret } from './secrets.ts';
import {
  addStandby,
  currentKey,
  promoteStandby,
  pruneRetired,
  readSigningKeys,
  signWith,
  signingKeysFile,
  standbyKey,
  writeSigningKeys,
  type SigningKey,
} from './signing-keys.ts';

export interface RotateOptions {
  stateDir: string;
  /** The stack's database, to tell PostgREST to reload its JWKS; unreachable means the stack is stopped. */
  databaseUrl: string;
  /** The gateway and a publishable key, to see PostgREST accept the standby key before it signs. */
  supabaseUrl: string;
  publishableKey: string;
  /** How long a retired key stays published: the access token lifetime (GOTRUE_JWT_EXP). */
  keepSeconds: number;
  log?: (line: string) => void;
}

export interface Rotation {
  retired: string | undefined;
  current: string;
  dropped: string[];
}

async function reloadPostgrest(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return false;
  }
  try {
    await client.query("notify pgrst, 'reload config'");
    return true;
  } finally {
    await client.end();
  }
}

async function waitUntilAccepted(options: RotateOptions, key: SigningKey): Promise<void> {
  const token = await signWith(key, { role: 'anon', exp: Math.floor(Date.now() / 1000) + 120 });
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${options.supabaseUrl}/rest/v1/`, {
      headers: { apikey: options.publishableKey, authorization: `Bearer ${token}` },
    });
    await res.body?.cancel();
    if (res.ok) return;
    if (Date.now() > deadline)
      throw new Error(`PostgREST still refuses the new key ${key.kid} (HTTP ${res.status}); nothing was switched.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function rotateSigningKey(options: RotateOptions): Promise<Rotation> {
  const log = options.log ?? (() => {});
  const file = signingKeysFile(options.stateDir);
  const before = readSigningKeys(file);
  const kept = pruneRetired(before, options.keepSeconds);
  const dropped = before.filter((k) => !kept.includes(k)).map((k) => k.kid);
  const withStandby = await addStandby(kept);
  const standby = standbyKey(withStandby)!;
  writeSigningKeys(options.stateDir, withStandby, localJwtSecret);
  log(`Published standby key ${standby.kid}.`);
  if (await reloadPostgrest(options.databaseUrl)) {
    await waitUntilAccepted(options, standby);
    log('PostgREST accepts it.');
  } else {
    log('The stack is not running; it will read the keys when it starts.');
  }
  const retired = currentKey(withStandby)?.kid;
  writeSigningKeys(options.stateDir, promoteStandby(withStandby), localJwtSecret);
  log(
    `Key ${standby.kid} now signs new tokens.` +
      (retired ? ` Key ${retired} is retired: it still verifies tokens for ${options.keepSeconds} seconds.` : '') +
      (dropped.length ? ` Dropped keys retired earlier: ${dropped.join(', ')}.` : ''),
  );
  return { retired, current: standby.kid, dropped };
}
