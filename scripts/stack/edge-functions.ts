import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { httpOk, startProcess, StackPartError, waitUntilHealthy, type ManagedProcess } from './processes.ts';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..', '..');

/** Functions the local stack serves, as `supabase/functions/<name>/index.ts` with its own deno.json. */
export const edgeFunctions = ['oruk', 'staff-invite'] as const;
export type EdgeFunctionName = (typeof edgeFunctions)[number];

/** Each function is its own Deno process, on the profile's functions port plus its place in the list. */
export const functionPort = (firstPort: number, name: EdgeFunctionName) => firstPort + edgeFunctions.indexOf(name);

/**
 * Deno from the npm registry (the `deno` package). Its install script puts the native binary in
 * the package; without it, the binary is still in the platform package it depends on.
 */
export function denoBinary(): string {
  const exe = process.platform === 'win32' ? 'deno.exe' : 'deno';
  const platformPackage = `@deno/${process.platform}-${process.arch}${process.platform === 'linux' ? '-glibc' : ''}`;
  const candidates: string[] = [];
  for (const pkg of ['deno', platformPackage]) {
    try {
      candidates.push(join(dirname(require.resolve(`${pkg}/package.json`)), exe));
    } catch {
      // not installed for this platform
    }
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new StackPartError(
      'Edge Functions',
      `no Deno build for ${process.platform}-${process.arch}: run npm install (the deno package).`,
    );
  return found;
}

export interface EdgeFunctionsOptions {
  host: string;
  port: number;
  /** What the functions see as SUPABASE_URL: the gateway, as on Supabase. */
  supabaseUrl: string;
  anonKey: string;
  /** Hosted Supabase gives every function the service role key; only staff-invite uses it. */
  serviceRoleKey?: string;
  logFile: string;
  name?: EdgeFunctionName;
}

/**
 * Runs an Edge Function the way the Supabase CLI serves it: Deno with the function's deno.json,
 * listening where the gateway sends `/functions/v1/<name>`. Deno.serve takes its address from
 * DENO_SERVE_ADDRESS, so the function's own code stays as it is deployed.
 */
export async function startEdgeFunctions(options: EdgeFunctionsOptions): Promise<ManagedProcess> {
  const name = options.name ?? 'oruk';
  const dir = join(root, 'supabase', 'functions', name);
  const proc = startProcess(
    'Edge Functions',
    denoBinary(),
    [
      'run',
      '--quiet',
      '--no-prompt',
      '--frozen',
      `--config=${join(dir, 'deno.json')}`,
      `--allow-net=${options.host}`,
      '--allow-env',
      `--allow-read=${root}`,
      join(dir, 'index.ts'),
    ],
    {
      logFile: options.logFile,
      env: {
        DENO_SERVE_ADDRESS: `tcp:${options.host}:${options.port}`,
        DENO_NO_UPDATE_CHECK: '1',
        NO_COLOR: '1',
        SUPABASE_URL: options.supabaseUrl,
        SUPABASE_ANON_KEY: options.anonKey,
        ...(options.serviceRoleKey ? { SUPABASE_SERVICE_ROLE_KEY: options.serviceRoleKey } : {}),
      },
    },
  );
  await waitUntilHealthy('Edge Functions', () => httpOk(`http://${options.host}:${options.port}/${name}`), {
    process: proc,
    // The first start on a machine fetches the function's npm packages into its node_modules.
    timeoutMs: 120_000,
  });
  return proc;
}
