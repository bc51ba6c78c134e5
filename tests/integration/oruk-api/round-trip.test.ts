import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOruk } from '../../../src/lib/oruk/import.ts';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { ensureSampleData, scratchDatabase } from '../catalogue/support.ts';
import { allPages, orukApiFor, orukUrl } from './support.ts';

let empty: Awaited<ReturnType<typeof scratchDatabase>>;
let api: Awaited<ReturnType<typeof orukApiFor>> | undefined;
beforeAll(async () => {
  await ensureSampleData();
  empty = await scratchDatabase();
}, 60_000);
afterAll(async () => {
  await api?.stop();
  await empty?.drop();
});

describe('the ORUK API round trip', () => {
  it('gives the same documents after reading the API, importing them into an empty database and reading its API', async () => {
    // Other test files add services to the test database at the same time, so take the sample listings.
    const sampleIds = new Set(sampleData.catalogue.services.map((s) => s.id));
    const first = (await allPages(orukUrl, '/services')).filter((s) => sampleIds.has(String(s.id)));
    expect(first.length).toBe(sampleData.catalogue.services.filter((s) => s.published).length);

    const report = await importOruk(empty.url, 'oruk-api round trip', { contents: first });
    expect(report.rejected).toEqual([]);
    expect(report.imported).toBe(first.length);

    api = await orukApiFor(empty.url);
    const second = await allPages(api.url, '/services');
    expect(second).toEqual(first);
  }, 120_000);
});
