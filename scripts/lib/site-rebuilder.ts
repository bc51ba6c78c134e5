import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { rebuildSchedule } from './rebuild-schedule.ts';

export interface SiteRebuilderOptions {
  signal: AbortSignal;
  /** Builds the site into `outDir`; resolves when done, rejects when the build failed. */
  build: (outDir: string) => Promise<void>;
  /** Where the site is served from; a build goes to a folder beside it and is swapped in whole. */
  outDir: string;
  quietMs?: number;
  maxWaitMs?: number;
  log?: (line: string) => void;
}

/**
 * Swaps a finished build in for the served one: the server (`astro preview`, which reads files on
 * every request) never sees a half-built folder.
 */
export function swapIn(next: string, served: string): void {
  const previous = `${served}-previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(served)) renameSync(served, previous);
  renameSync(next, served);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Rebuilds the static site when public data changes, for the local stack (`npm start`). It listens
 * to the notification the search outbox's triggers send for every change to a listing (migration
 * *_search_sync.sql), waits until the changes go quiet, builds into a folder beside the served one
 * and swaps it in. When Postgres goes away it reconnects with backoff.
 */
export async function runSiteRebuilder(databaseUrl: string, options: SiteRebuilderOptions): Promise<void> {
  const { signal, log = console.log } = options;
  const served = resolve(options.outDir);
  const next = `${served}-next`;
  const schedule = rebuildSchedule(
    async () => {
      const started = Date.now();
      log('Public data changed: rebuilding the site…');
      try {
        rmSync(next, { recursive: true, force: true });
        await options.build(next);
        swapIn(next, served);
        log(`The site was rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      } catch (error) {
        log(`The site was not rebuilt: ${(error as Error).message}. It is tried again at the next change.`);
      }
    },
    { quietMs: options.quietMs ?? 2000, maxWaitMs: options.maxWaitMs ?? 10_000 },
  );
  let backoff = 250;
  while (!signal.aborted) {
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      client.on('notification', () => schedule.changed());
      await client.query('listen search_outbox');
      backoff = 250;
      await new Promise<void>((resolveWait) => {
        client.once('error', () => resolveWait());
        client.once('end', () => resolveWait());
        signal.addEventListener('abort', () => resolveWait(), { once: true });
      });
    } catch {
      // Postgres not there (yet): wait and try again.
    } finally {
      await client.end().catch(() => {});
    }
    if (!signal.aborted) {
      await new Promise((r) => setTimeout(r, backoff));
      backoff = Math.min(backoff * 2, 10_000);
    }
  }
  schedule.stop();
  await schedule.idle();
}
