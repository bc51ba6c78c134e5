import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogueExport } from './export.ts';
import { hsdsPageSchema, type HsdsService } from './hsds3.ts';

/**
 * Lays the export out like the ORUK read API, so static hosting serves it as-is:
 * `<dir>/services.json` (the whole dataset) and `<dir>/services/<id>.json` (one service).
 * Ids are URL-encoded because publishers' ids may contain characters unsafe in file names.
 */
export async function writeExportFiles(exported: CatalogueExport, dir: string): Promise<number> {
  return writeExportFilesFrom([exported.services], dir);
}

/**
 * The same, from services that arrive a batch at a time (the site build reads the directory in
 * ranges): nothing holds the whole directory, and `services.json` is streamed service by service,
 * because at 100,000 services the page is larger than one JS string may be.
 */
export async function writeExportFilesFrom(batches: Iterable<HsdsService[]> | AsyncIterable<HsdsService[]>, dir: string): Promise<number> {
  await mkdir(join(dir, 'services'), { recursive: true });
  const out = createWriteStream(join(dir, 'services.json'));
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await Promise.race([new Promise<void>((resolve) => out.once('drain', () => resolve())), failed]);
  };
  let count = 0;
  // One file per service, a few dozen written at once: one at a time, the build mostly waits on the disk.
  const files: Promise<void>[] = [];
  await write('{"contents":[');
  for await (const services of batches) {
    for (const service of services) {
      const json = JSON.stringify(service);
      await write(`${count ? ',' : ''}${json}`);
      files.push(writeFile(join(dir, 'services', `${encodeURIComponent(service.id)}.json`), json));
      if (files.length >= 32) await Promise.all(files.splice(0));
      count++;
    }
  }
  await Promise.all(files);
  // The page's counts come last: they are known only once every service has been written.
  const { contents: _, ...page } = hsdsPageSchema.parse({
    total_items: count,
    total_pages: 1,
    page_number: 1,
    size: count,
    first_page: true,
    last_page: true,
    empty: count === 0,
    contents: [],
  });
  await write(`],${JSON.stringify(page).slice(1)}`);
  await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
  return count + 1;
}
