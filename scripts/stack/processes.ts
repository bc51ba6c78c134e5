import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createConnection } from 'node:net';

/** A part of the stack did not come up; the message names it and shows the end of its log. */
export class StackPartError extends Error {
  constructor(part: string, reason: string, logTail?: string) {
    super(`${part} did not start: ${reason}${logTail ? `\n--- last lines of its log ---\n${logTail}` : ''}`);
    this.name = 'StackPartError';
  }
}

export interface ManagedProcess {
  part: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

// If whoever started the stack is killed outright (a test runner on a time-out, say), the kernel
// ends its services too, so none is left holding a port. setpriv is part of util-linux.
const setpriv = '/usr/bin/setpriv';
const dieWithParent = process.platform === 'linux' && existsSync(setpriv);

/** Starts a long-running binary with its output going to a log file under the state folder. */
export function startProcess(
  part: string,
  command: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; logFile: string; cwd?: string; user?: { uid: number; gid: number }; stopSignal?: NodeJS.Signals },
): ManagedProcess {
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const stopSignal = opts.stopSignal ?? 'SIGTERM';
  // setpriv runs after the switch to `user`, so the death signal survives the change of uid.
  const [bin, argv] = dieWithParent ? [setpriv, ['--pdeathsig', stopSignal, '--', command, ...args]] : [command, args];
  const child = spawn(bin, argv, {
    env: { ...process.env, ...opts.env },
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.user ?? {}),
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return {
    part,
    child,
    logFile: opts.logFile,
    stop: () => stopChild(child, 10_000, stopSignal),
  };
}

export function stopChild(child: ChildProcess, graceMs = 5000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export async function logTail(file: string, lines = 20): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

/** True when something accepts TCP connections on the port. */
export function portInUse(port: number, hostname = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: hostname });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls a health check until it passes, the process dies, or time runs out. */
export async function waitUntilHealthy(
  part: string,
  check: () => Promise<boolean>,
  opts: { timeoutMs?: number; process?: ManagedProcess } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (opts.process && opts.process.child.exitCode !== null) {
      throw new StackPartError(part, `the process exited with code ${opts.process.child.exitCode}`, await logTail(opts.process.logFile));
    }
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new StackPartError(
    part,
    'it did not answer its health check in time',
    opts.process ? await logTail(opts.process.logFile) : undefined,
  );
}

export async function httpOk(url: string, headers: Record<string, string> = {}): Promise<boolean> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
  await res.body?.cancel();
  return res.ok;
}
