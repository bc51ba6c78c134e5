// startAuthServer: the entry point the local stack (and scripts/auth-server.ts) calls.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authConfigFrom, readAuthEnv } from './config.ts';
import type { AuthContext } from './context.ts';
import { openDb } from './db.ts';
import { withProjectSettings } from './project-settings.ts';
import { readRequest, send, sendError } from './http.ts';
import { createRateLimits } from './rate-limits.ts';
import { route } from './router.ts';

export const DEV_ONLY_BANNER =
  'Signpost local Auth server: a DEVELOPMENT/TEST-ONLY stand-in for Supabase Auth (GoTrue). ' +
  'Production uses hosted Supabase Auth; never point real users at this server.';

export interface StartAuthServerOptions {
  host: string;
  port: number;
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  /** The stack's signing-keys file; re-read when a rotation changes it. Else GOTRUE_JWT_KEYS. */
  signingKeysFile?: string;
  /** Set false to keep test output quiet; the banner is printed by default. */
  banner?: boolean;
}

export async function startAuthServer(opts: StartAuthServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const env = readAuthEnv(withProjectSettings(opts.env));
  const url = `http://${opts.host}:${opts.port}`;
  const config = authConfigFrom(env, url, opts.signingKeysFile);
  const db = openDb(opts.databaseUrl);
  await db.query('select 1 from auth.users limit 1').catch((err: Error) => {
    throw new Error(
      `Local Auth server cannot use the auth schema at ${redact(opts.databaseUrl)}: ${err.message}. Were supabase/platform/*.sql applied?`,
    );
  });
  const ctx: AuthContext = { db, config, limits: createRateLimits(config) };

  const server = createServer((req, res) => {
    readRequest(req)
      .then((authReq) => route(ctx, authReq))
      .then((out) => send(res, req, out))
      .catch((err: unknown) => sendError(res, req, err));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const actualUrl = `http://${opts.host}:${address.port}`;
  if (opts.banner !== false) {
    console.log(`${DEV_ONLY_BANNER}\n  listening on ${actualUrl} (API_EXTERNAL_URL ${config.externalUrl})`);
  }
  return {
    url: actualUrl,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.end();
    },
  };
}

const redact = (u: string) => u.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
