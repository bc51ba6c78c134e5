import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCatalogue } from '../../../src/lib/oruk/export.ts';
import { importOruk } from '../../../src/lib/oruk/import.ts';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { testStack } from '../../support/stack.ts';
import { ensureSampleData, scratchDatabase } from './support.ts';

let empty: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  await ensureSampleData();
  empty = await scratchDatabase();
});
afterAll(async () => {
  await empty?.drop();
});

describe('exporting the directory as Open Referral UK 3.0', () => {
  it('loses nothing on a round trip: export, import into an empty database, export again', async () => {
    const first = await exportCatalogue(testStack.databaseUrl);
    const report = await importOruk(empty.url, 'round trip', first.dataset);
    expect(report.rejected).toEqual([]);
    const second = await exportCatalogue(empty.url);
    expect(second.services.length).toBe(first.services.length);
    expect(second).toEqual(first);
  });

  it('publishes only published listings, with their needs, places and opening times', async () => {
    const { services, dataset } = await exportCatalogue(testStack.databaseUrl);
    const sample = sampleData.catalogue.services.find((s) => s.published && s.access_routes.includes('drop in'))!;
    const draft = sampleData.catalogue.services.find((s) => !s.published)!;
    expect(services.some((s) => s.id === draft.id)).toBe(false);
    const doc = services.find((s) => s.id === sample.id)!;
    expect(doc.service_at_locations?.[0]?.location?.addresses?.[0]?.postal_code).toMatch(/^[A-Z]{1,2}\d/);
    expect(doc.service_at_locations?.[0]?.schedules?.[0]?.freq).toMatch(/WEEKLY|MONTHLY/);
    expect(doc.attributes?.some((a) => a.taxonomy_term?.taxonomy_id === 'signpost-needs')).toBe(true);
    expect(dataset).toMatchObject({ total_items: services.length, contents: services });
  });

  it('gives the same documents read through the public API as the anon key as read from the database', async () => {
    const anon = createClient(testStack.supabaseUrl, testStack.anonKey, { auth: { persistSession: false } });
    // Other test files add services concurrently, so compare the sample listings only.
    const sampleIds = new Set(sampleData.catalogue.services.map((s) => s.id));
    const viaApi = (await exportCatalogue(anon)).services.filter((s) => sampleIds.has(s.id));
    const viaDatabase = (await exportCatalogue(testStack.databaseUrl)).services.filter((s) => sampleIds.has(s.id));
    expect(viaApi.length).toBe(sampleData.catalogue.services.filter((s) => s.published).length);
    expect(viaApi).toEqual(viaDatabase);
  });
});
