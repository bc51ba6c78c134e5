import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEdgeFunctions } from '../../../scripts/stack/edge-functions.ts';
import { startGateway } from '../../../scripts/stack/gateway.ts';
import { binaryPath } from '../../../scripts/stack/postgrest.ts';
import { httpOk, type ManagedProcess, startProcess, waitUntilHealthy } from '../../../scripts/stack/processes.ts';
import { host } from '../../../scripts/stack/profiles.ts';
import { localJwtSecret } from '../../../scripts/stack/secrets.ts';
import { legacyApiKeys } from '../../support/legacy-api-keys.ts';
import { testStack } from '../../support/stack.ts';

/** The ORUK API of the test stack, through its gateway, as a consumer calls it (no key). */
export const orukUrl = `${testStack.supabaseUrl}/functions/v1/oruk`;

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers };
}

export type OrukPage<T = Record<string, unknown> & { id: string }> = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
};

/** Every item of a paged endpoint, page by page. */
export async function allPages(base: string, path: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const { status, body } = await getJson(`${base}${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`);
    if (status !== 200) throw new Error(`${path} page ${page} answered ${status}: ${JSON.stringify(body)}`);
    const p = body as OrukPage;
    items.push(...p.contents);
    if (p.last_page) return items;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The same API over another database on the test stack's server (an empty one, or one with the
 * North Lincolnshire feed): its own PostgREST, gateway and Deno, on free ports, as the stack runs them.
 */
export async function orukApiFor(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-oruk-'));
  const [restPort, gatewayPort, functionsPort] = [await freePort(), await freePort(), await freePort()];
  const processes: ManagedProcess[] = [];
  let gateway: Server | undefined;
  const stop = async () => {
    gateway?.closeAllConnections();
    await new Promise((resolve) => (gateway ? gateway.close(resolve) : resolve(undefined)));
    for (const p of processes.reverse()) await p.stop();
  };
  try {
    const postgrest = startProcess('PostgREST', binaryPath(), [], {
      logFile: join(dir, 'postgrest.log'),
      env: {
        PGRST_DB_URI: databaseUrl.replace(/^postgres:\/\/postgres:/, 'postgres://authenticator:'),
        PGRST_DB_SCHEMAS: 'public',
        PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
        PGRST_DB_ANON_ROLE: 'anon',
        PGRST_JWT_SECRET: localJwtSecret,
        PGRST_SERVER_HOST: host,
        PGRST_SERVER_PORT: String(restPort),
        PGRST_LOG_LEVEL: 'warn',
      },
    });
    processes.push(postgrest);
    await waitUntilHealthy('PostgREST', () => httpOk(`http://${host}:${restPort}/`), { process: postgrest });
    gateway = await startGateway({
      host,
      port: gatewayPort,
      postgrestUrl: `http://${host}:${restPort}`,
      authUrl: `http://${host}:9`,
      functionsUrl: `http://${host}:${functionsPort}`,
      apiKeys: legacyApiKeys(),
      allowedOrigins: [],
    });
    processes.push(
      await startEdgeFunctions({
        host,
        port: functionsPort,
        supabaseUrl: `http://${host}:${gatewayPort}`,
        anonKey: testStack.anonKey,
        logFile: join(dir, 'edge-functions.log'),
      }),
    );
    return { url: `http://${host}:${gatewayPort}/functions/v1/oruk`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
