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
  await writeFile(join(dir, 'services.json'), JSON.stringify(exported.dataset));
  for (const service of exported.services) {
    await writeFile(join(dir, 'services', `${encodeURIComponent(service.id)}.json`), JSON.stringify(service));
  }
  return exported.services.length + 1;
}
