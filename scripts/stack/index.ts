import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { startAuthServer } from './auth/server.ts';
import { edgeFunctions, functionPort, startEdgeFunctions } from './edge-functions.ts';
import { startGateway } from './gateway.ts';
import { startMeilisearch } from './meilisearch.ts';
import { migrate } from './migrations.ts';
import { databaseUrl, startPostgres } from './postgres.ts';
import { startPostgrest } from './postgrest.ts';
import { host, type StackProfile } from './profiles.ts';
import { httpOk, portInUse, StackPartError, waitUntilHealthy, type ManagedProcess } from './processes.ts';
import { startLocalSmtp } from './smtp.ts';
import { apiKeysFor } from './api-keys.ts';
import {
  apiKeys,
  localJwtSecret,
  localMeiliMasterKey,
  localPublishableKey,
  localSecretKey,
  meiliKeyFor,
  meiliSearchKeyUid,
} from './secrets.ts';
import { ensureSigningKeys, roleTokenSigner, signingKeysFile } from './signing-keys.ts';

/**
 * Everything a client of this stack needs, as the environment variables the app reads: the
 * publishable and secret keys, and the legacy JWT keys the gateway still accepts.
 */
export function stackEnv(profile: StackProfile): Record<string, string> {
  const { anonKey, serviceRoleKey } = apiKeys();
  return {
    PUBLIC_SUPABASE_URL: `http://${host}:${profile.ports.gateway}`,
    PUBLIC_SUPABASE_PUBLISHABLE_KEY: localPublishableKey,
    PUBLIC_MEILI_HOST: `http://${host}:${profile.ports.meilisearch}`,
    PUBLIC_MEILI_SEARCH_KEY: meiliKeyFor(meiliSearchKeyUid),
    PUBLIC_SITE_URL: `http://localhost:${profile.ports.site}`,
    SUPABASE_SECRET_KEY: localSecretKey,
    MEILI_ADMIN_KEY: localMeiliMasterKey,
    DATABASE_URL: databaseUrl(profile),
    // The local SMTP listener, which puts every mail in the local mailbox (scripts/stack/smtp.ts).
    SMTP_HOST: host,
    SMTP_PORT: String(profile.ports.smtp),
    PUBLIC_SUPABASE_ANON_KEY: anonKey,
    SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
  };
}

export interface RunningStack {
  profile: StackProfile;
  env: Record<string, string>;
  /** True when this process started the database from an empty folder (first run or after reset). */
  freshDatabase: boolean;
  /** False when another process already runs this stack and we only attached to it. */
  owned: boolean;
  /**
   * Stops and starts single parts of a stack this process owns (absent when only attached), for
   * fault benchmarks: PostgREST going away mid-run as it does during a hosted restart.
   */
  parts?: { postgrest: { stop(): Promise<void>; start(): Promise<void> } };
  stop(): Promise<void>;
}

interface OwnerRecord {
  pid: number;
  childPids: number[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function ownerFile(profile: StackProfile): string {
  return join(profile.stateDir, 'owner.json');
}

function readOwner(profile: StackProfile): OwnerRecord | undefined {
  if (!existsSync(ownerFile(profile))) return undefined;
  try {
    return JSON.parse(readFileSync(ownerFile(profile), 'utf8')) as OwnerRecord;
  } catch {
    return undefined;
  }
}

async function gatewayHealthy(env: Record<string, string>): Promise<boolean> {
  return httpOk(`${env.PUBLIC_SUPABASE_URL}/rest/v1/`, { apikey: env.PUBLIC_SUPABASE_PUBLISHABLE_KEY! }).catch(() => false);
}

export async function startStack(profile: StackProfile, log: (line: string) => void = console.log): Promise<RunningStack> {
  const env = stackEnv(profile);
  mkdirSync(profile.stateDir, { recursive: true });

  const owner = readOwner(profile);
  if (owner && alive(owner.pid) && (await gatewayHealthy(env))) {
    log(`The ${profile.name} stack is already running (process ${owner.pid}); using it.`);
    return { profile, env, freshDatabase: false, owned: false, stop: async () => {} };
  }
  // A stack killed outright leaves its children behind; they would hold the ports.
  for (const pid of owner?.childPids ?? []) if (alive(pid)) process.kill(pid, 'SIGTERM');

  for (const [part, port] of Object.entries(profile.ports)) {
    if (part === 'site' || part === 'postgres') continue;
    if (await portInUse(port))
      throw new StackPartError(
        part,
        `port ${port} on ${host} is already in use by another program. Stop it, or stop the other stack with Ctrl-C.`,
      );
  }

  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
    if (readOwner(profile)?.pid === process.pid) rmSync(ownerFile(profile), { force: true });
  };

  try {
    // Started side by side; whichever came up is stopped again if another did not. Edge Functions
    // need nothing else to start (they reach the database only when asked), so Deno starts here too.
    const [pgResult, meiliResult, ...functionResults] = await Promise.allSettled([
      startPostgres(profile),
      startMeilisearch(profile),
      ...edgeFunctions.map((name) =>
        startEdgeFunctions({
          host,
          name,
          port: functionPort(profile.ports.functions, name),
          supabaseUrl: env.PUBLIC_SUPABASE_URL!,
          anonKey: env.PUBLIC_SUPABASE_ANON_KEY!,
          serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY!,
          logFile: join(profile.stateDir, `edge-functions-${name}.log`),
        }),
      ),
    ]);
    for (const result of functionResults) if (result.status === 'fulfilled') stops.push(() => result.value.stop());
    if (meiliResult.status === 'fulfilled') stops.push(() => meiliResult.value.stop());
    if (pgResult.status === 'fulfilled') stops.push(() => pgResult.value.stop());
    if (pgResult.status === 'rejected') throw pgResult.reason;
    if (meiliResult.status === 'rejected') throw meiliResult.reason;
    for (const result of functionResults) if (result.status === 'rejected') throw result.reason;
    const [postgres, meili] = [pgResult.value, meiliResult.value];
    const functions = functionResults.map(
      (result) => (result as PromiseFulfilledResult<Awaited<ReturnType<typeof startEdgeFunctions>>>).value,
    );
    log(`Postgres ready on ${host}:${profile.ports.postgres}${postgres.freshlyCreated ? ' (new database)' : ''}`);
    log(`Meilisearch ready on ${meili.url}`);

    const applied = await migrate(postgres.url);
    log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');

    await ensureSigningKeys(profile.stateDir, localJwtSecret);
    let postgrest: ManagedProcess | undefined = await startPostgrest(profile);
    stops.push(() => postgrest?.stop() ?? Promise.resolve());

    const smtp = await startLocalSmtp({ host, port: profile.ports.smtp, databaseUrl: databaseUrl(profile, 'supabase_auth_admin') });
    stops.push(() => smtp.stop());

    const auth = await startAuthServer({
      host,
      port: profile.ports.auth,
      databaseUrl: databaseUrl(profile, 'supabase_auth_admin'),
      signingKeysFile: signingKeysFile(profile.stateDir),
      env: {
        ...process.env,
        GOTRUE_JWT_SECRET: localJwtSecret,
        GOTRUE_SITE_URL: process.env.GOTRUE_SITE_URL ?? env.PUBLIC_SITE_URL,
        API_EXTERNAL_URL: `${env.PUBLIC_SUPABASE_URL}/auth/v1`,
      },
    });
    stops.push(() => auth.close());

    const gateway: Server = await startGateway({
      host,
      port: profile.ports.gateway,
      postgrestUrl: `http://${host}:${profile.ports.postgrest}`,
      authUrl: auth.url,
      functionsUrl: `http://${host}:${profile.ports.functions}`,
      functionUrls: Object.fromEntries(
        edgeFunctions.map((name) => [name, `http://${host}:${functionPort(profile.ports.functions, name)}`]),
      ),
      apiKeys: apiKeysFor({
        publishableKey: localPublishableKey,
        secretKey: localSecretKey,
        legacyAnonKey: env.PUBLIC_SUPABASE_ANON_KEY!,
        legacyServiceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY!,
        roleToken: roleTokenSigner(signingKeysFile(profile.stateDir)),
      }),
      allowedOrigins: [
        `http://localhost:${profile.ports.site}`,
        `http://${host}:${profile.ports.site}`,
        ...(process.env.SIGNPOST_CORS_ORIGINS?.split(',') ?? []),
      ],
    });
    stops.push(
      () =>
        new Promise((resolve) => {
          gateway.close(resolve);
          // Browsers and fetch keep connections alive; without this, close() waits for them.
          gateway.closeAllConnections();
        }),
    );

    await waitUntilHealthy('API gateway', () => gatewayHealthy(env));
    await waitUntilHealthy('Auth', () => httpOk(`${env.PUBLIC_SUPABASE_URL}/auth/v1/health`));
    for (const name of edgeFunctions)
      await waitUntilHealthy('Edge Functions', () => httpOk(`${env.PUBLIC_SUPABASE_URL}/functions/v1/${name}`));

    const writeOwner = () => {
      const record: OwnerRecord = {
        pid: process.pid,
        childPids: [postgrest?.child.pid, meili.child.pid, ...functions.map((f) => f.child.pid), postgres.process.child.pid].filter(
          (p): p is number => typeof p === 'number',
        ),
      };
      writeFileSync(ownerFile(profile), JSON.stringify(record));
    };
    writeOwner();
    const parts: RunningStack['parts'] = {
      postgrest: {
        async stop() {
          await postgrest?.stop();
          postgrest = undefined;
        },
        async start() {
          postgrest ??= await startPostgrest(profile);
          writeOwner();
        },
      },
    };
    return { profile, env, freshDatabase: postgres.freshlyCreated, owned: true, parts, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
