import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Path of a package's command-line entry, run with this same Node so Node 24 is used throughout. */
export function binOf(pkg: string, bin: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin: bins } = require(manifest) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bins === 'string' ? bins : bins[bin]!);
}

export function spawnNode(script: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [script, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
}

/** Runs a Node CLI to completion; resolves with its exit code. */
export function runNode(script: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawnNode(script, args, env);
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
