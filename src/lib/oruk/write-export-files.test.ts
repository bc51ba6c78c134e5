import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../sample-data/index.ts';
import { toHsdsPage, toHsdsServices } from './export-mapping.ts';
import { writeExportFiles } from './write-export-files.ts';

describe('writing the export as static files', () => {
  it('writes the whole dataset and one file per service, each readable JSON equal to the documents', async () => {
    const services = toHsdsServices(sampleData.catalogue).slice(0, 25);
    const dir = await mkdtemp(join(tmpdir(), 'oruk-export-'));
    try {
      const written = await writeExportFiles({ services, dataset: toHsdsPage(services) }, dir);
      expect(written).toBe(26);
      expect(JSON.parse(await readFile(join(dir, 'services.json'), 'utf8'))).toEqual(toHsdsPage(services));
      expect((await readdir(join(dir, 'services'))).length).toBe(25);
      const first = services[0]!;
      expect(JSON.parse(await readFile(join(dir, 'services', `${first.id}.json`), 'utf8'))).toEqual(first);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
