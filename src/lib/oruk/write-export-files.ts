import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogueExport } from './export.ts';

/**
 * Lays the export out like the ORUK read API, so static hosting serves it as-is:
 * `<dir>/services.json` (the whole dataset) and `<dir>/services/<id>.json` (one service).
 * Ids are URL-encoded because publishers' ids may contain characters unsafe in file names.
 */
export async function writeExportFiles(exported: CatalogueExport, dir: string): Promise<number> {
  await mkdir(join(dir, 'services'), { recursive: true });
  await writeDataset(exported, join(dir, 'services.json'));
  for (const service of exported.services) {
    await writeFile(join(dir, 'services', `${encodeURIComponent(service.id)}.json`), JSON.stringify(service));
  }
  return exported.services.length + 1;
}

/** Streamed service by service: at 100,000 services the page is larger than one JS string may be. */
async function writeDataset({ dataset }: CatalogueExport, path: string): Promise<void> {
  const { contents, ...page } = dataset;
  const out = createWriteStream(path);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write(`${JSON.stringify(page).slice(0, -1)},"contents":[`);
  for (const [index, service] of contents.entries()) await write(`${index ? ',' : ''}${JSON.stringify(service)}`);
  await write(']}');
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(() => resolve());
  });
}
