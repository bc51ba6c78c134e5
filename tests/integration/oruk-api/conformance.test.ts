import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOruk } from '../../../src/lib/oruk/import.ts';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { ensureSampleData, scratchDatabase } from '../catalogue/support.ts';
import { type SchemaName, pagingProblems, schemaProblems } from './schemas.ts';
import { allPages, getJson, orukApiFor, orukUrl } from './support.ts';

const fixture = new URL('../../../../shared/fixtures/oruk/north-lincolnshire-services.json', import.meta.url).pathname;

/**
 * Calls every endpoint of the API at `base` and checks each answer against the ORUK 3.0 UK
 * profile's schemas and the paging rules: every item of every list, and a few records by id.
 */
async function everyEndpointProblems(
  base: string,
  keep: (item: Record<string, unknown>) => boolean = () => true,
): Promise<{ problems: string[]; counts: Record<string, number> }> {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const root = await getJson(`${base}/`);
  problems.push(...schemaProblems('root', root.body));
  if ((root.body as { version?: string }).version !== '3.0') problems.push('/ does not say version 3.0');

  const lists: [string, SchemaName[], SchemaName][] = [
    // /services items are whole services, so they must satisfy the list and the full schema.
    ['/services', ['service_list', 'service'], 'service'],
    ['/organizations', ['organization_list'], 'organization'],
    ['/service_at_locations', ['service_at_location_list'], 'service_at_location'],
    ['/taxonomies', ['taxonomy'], 'taxonomy'],
    ['/taxonomy_terms', ['taxonomy_term'], 'taxonomy_term'],
  ];
  for (const [path, itemSchemas, recordSchema] of lists) {
    const first = await getJson(`${base}${path}?per_page=7&page=2`);
    problems.push(...pagingProblems(first.body as Record<string, unknown>, { page: 2, per_page: 7 }).map((p) => `${path}: ${p}`));
    const items = (await allPages(base, path)).filter(keep);
    counts[path] = items.length;
    for (const item of items)
      for (const schema of itemSchemas) problems.push(...schemaProblems(schema, item).map((p) => `${path} ${String(item.id)}: ${p}`));
    for (const item of items.slice(0, 3)) {
      const one = await getJson(`${base}${path}/${encodeURIComponent(String(item.id))}`);
      if (one.status !== 200) problems.push(`${path}/${String(item.id)} answered ${one.status}`);
      problems.push(...schemaProblems(recordSchema, one.body).map((p) => `${path}/${String(item.id)}: ${p}`));
    }
  }
  return { problems, counts };
}

describe('conformance of the ORUK API to the Open Referral UK 3.0 schemas', () => {
  beforeAll(async () => {
    await ensureSampleData();
  });

  it('answers every endpoint as the schemas require, for the sample data', async () => {
    // Other test files add their own records to the test database meanwhile; check the sample's.
    const sampleIds = new Set(Object.values(sampleData.catalogue).flatMap((rows: { id: string }[]) => rows.map((r) => r.id)));
    const { problems, counts } = await everyEndpointProblems(
      orukUrl,
      (item) => sampleIds.has(String(item.id)) || /^(need-|signpost-)/.test(String(item.id)),
    );
    expect(problems.slice(0, 20)).toEqual([]);
    expect(counts['/services']).toBeGreaterThan(250);
  }, 120_000);

  describe('for the imported North Lincolnshire feed', () => {
    let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
    let api: Awaited<ReturnType<typeof orukApiFor>>;
    beforeAll(async () => {
      scratch = await scratchDatabase();
      const report = await importOruk(scratch.url, fixture);
      expect(report.imported).toBe(738);
      api = await orukApiFor(scratch.url);
    }, 120_000);
    afterAll(async () => {
      await api?.stop();
      await scratch?.drop();
    });

    it('answers every endpoint as the schemas require', async () => {
      const { problems, counts } = await everyEndpointProblems(api.url);
      expect(problems.slice(0, 20)).toEqual([]);
      expect(counts['/services']).toBe(738);
    }, 180_000);
  });
});
