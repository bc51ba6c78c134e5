import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Catalogue } from '../schemas/catalogue.ts';
import { readServiceRange, type ServiceRange } from './read-pages.ts';

/**
 * A build reads the directory once. The pages' index, the service pages and the open data each
 * go through every range of services; without this each read the whole directory from the API
 * again (three times the waiting). While a build runs, each range read is kept on disk (not in
 * memory: at 100,000 services the directory does not fit) and read back from there; the folder
 * is removed when the build ends. Outside a build (`astro dev`) nothing is kept, so an edit to
 * the directory shows on the next page load.
 */
const variable = 'SIGNPOST_DIRECTORY_CACHE';

export function startRangeCache(): void {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-directory-'));
  process.env[variable] = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}

export function endRangeCache(): void {
  const dir = process.env[variable];
  if (dir) rmSync(dir, { recursive: true, force: true });
  delete process.env[variable];
}

const inFlight = new Map<string, Promise<Catalogue>>();

/** One range of the directory: from the database the first time in a build, from disk after that. */
export function readRangeOnce(client: SupabaseClient, range: ServiceRange): Promise<Catalogue> {
  const dir = process.env[variable];
  if (!dir) return readServiceRange(client, range);
  const file = join(
    dir,
    `${createHash('sha1')
      .update(`${range.after ?? ''}\u0000${range.last}`)
      .digest('hex')}.json`,
  );
  let read = inFlight.get(file);
  if (!read) {
    read = readFile(file, 'utf8').then(
      // Written by this build from data the schema has already checked.
      (text) => JSON.parse(text) as Catalogue,
      async () => {
        const catalogue = await readServiceRange(client, range);
        // Written whole and then renamed, so another reader never sees half a file.
        await writeFile(`${file}.part`, JSON.stringify(catalogue));
        await rename(`${file}.part`, file);
        return catalogue;
      },
    );
    inFlight.set(file, read);
    // Only reads under way are shared here; finished ones are on disk.
    void read.finally(() => inFlight.delete(file)).catch(() => {});
  }
  return read;
}
