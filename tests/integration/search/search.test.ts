import { randomUUID } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSearchKey, publicIndexes } from '../../../scripts/stack/meilisearch.ts';
import { meiliKeyFor } from '../../../scripts/stack/secrets.ts';
import { indexNames, searchServices } from '../../../src/lib/search/client.ts';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { testStack } from '../../support/stack.ts';

const connection = { host: testStack.meiliHost, searchKey: testStack.meiliSearchKey };
const { services, service_taxonomies: links } = sampleData.catalogue;
const published = services.filter((s) => s.published);
const draft = services.find((s) => !s.published)!;

describe('search over the published directory', () => {
  it('holds every published sample service and no draft', async () => {
    const { hits } = await searchServices(connection, { words: '', limit: 1000 });
    const ids = new Set(hits.map((h) => h.id));
    expect(published.filter((s) => !ids.has(s.id))).toEqual([]);
    expect(services.filter((s) => !s.published && ids.has(s.id))).toEqual([]);
  });

  it('finds a service by its own name', async () => {
    const target = published[0]!;
    const { hits } = await searchServices(connection, { words: target.name });
    expect(hits[0]?.id).toBe(target.id);
  });

  it('finds services for a need from the words residents use ("lonely")', async () => {
    const { hits } = await searchServices(connection, { words: 'lonely', limit: 50 });
    const lonelinessServices = new Set(links.filter((l) => l.taxonomy_term_id === 'need-loneliness').map((l) => l.service_id));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((h) => lonelinessServices.has(h.id)).length).toBeGreaterThan(hits.length / 2);
  });

  it('narrows results to one need', async () => {
    const { hits, total } = await searchServices(connection, { words: '', need: 'carers', limit: 100 });
    const carers = new Set(links.filter((l) => l.taxonomy_term_id === 'need-carers').map((l) => l.service_id));
    expect(total).toBe(published.filter((s) => carers.has(s.id)).length);
    expect(hits.every((h) => carers.has(h.id))).toBe(true);
  });

  it('refuses a need that is not a plain code, instead of building a filter from it', async () => {
    await expect(searchServices(connection, { words: '', need: 'x" OR free = true' })).rejects.toThrow('Unknown need');
  });

  it('finds services for the rest of the words when one word matches nothing', async () => {
    const plain = await searchServices(connection, { words: 'walking', limit: 5 });
    const noisy = await searchServices(connection, { words: 'zzqxj walking', limit: 5 });
    expect(noisy.ignoredWords).toEqual(['zzqxj']);
    expect(noisy.hits.map((h) => h.id)).toEqual(plain.hits.map((h) => h.id));
  });

  it('lets words such as “someone”, “somewhere” and “my” neither sink nor reorder the results', async () => {
    const plain = await searchServices(connection, { words: 'walking group', limit: 10 });
    const padded = await searchServices(connection, { words: 'someone somewhere my walking group', limit: 10 });
    expect(padded.hits.map((h) => h.id)).toEqual(plain.hits.map((h) => h.id));
  });

  it('counts each need for the words, even while one need is chosen', async () => {
    const { facets, total } = await searchServices(connection, { words: '', need: 'carers', facets: true });
    expect(facets.needs?.carers).toBe(total);
    expect(Object.keys(facets.needs ?? {}).length).toBeGreaterThan(5);
  });

  it('never returns a draft', async () => {
    const { hits } = await searchServices(connection, { words: draft.name });
    expect(hits.map((h) => h.id)).not.toContain(draft.id);
  });
});

describe.each([
  { key: 'search-only', apiKey: testStack.meiliSearchKey, canWrite: false },
  { key: 'admin', apiKey: testStack.meiliAdminKey, canWrite: true },
])('the $key Meilisearch key', ({ apiKey, canWrite }) => {
  const client = new Meilisearch({ host: testStack.meiliHost, apiKey });
  const scratch = `permission_check_${canWrite ? 'admin' : 'search'}`;

  it('can search', async () => {
    const result = await client.index(indexNames.services).search('walk');
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it(canWrite ? 'can add documents' : 'cannot add documents', async () => {
    const attempt = client
      .index(scratch)
      .addDocuments([{ id: 'x', name: 'x' }])
      .waitTask({ timeout: 30_000 });
    if (canWrite) await expect(attempt).resolves.toMatchObject({ status: 'succeeded' });
    else await expect(attempt).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } });
  });

  it(canWrite ? 'can read the API keys' : 'cannot read the API keys', async () => {
    const attempt = client.getKeys();
    if (canWrite) await expect(attempt).resolves.toHaveProperty('results');
    else await expect(attempt).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } });
  });
});

describe('the search-only key’s reach', () => {
  const admin = new Meilisearch({ host: testStack.meiliHost, apiKey: testStack.meiliAdminKey });
  const other = `not_public_${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    await admin
      .index(other)
      .addDocuments([{ id: 'secret', name: 'Not for browsers' }])
      .waitTask({ timeout: 30_000 });
  });
  afterAll(async () => {
    await admin.deleteIndex(other).waitTask({ timeout: 30_000 });
  });

  it('is limited to the public indexes by name, not every index', async () => {
    const key = await admin.getKey(testStack.meiliSearchKey);
    expect({ actions: key.actions, indexes: key.indexes }).toEqual({ actions: ['search'], indexes: publicIndexes });
  });

  it('cannot search an index added later', async () => {
    await expect(admin.index(other).search('secret')).resolves.toMatchObject({ hits: [{ id: 'secret' }] });
    const browser = new Meilisearch({ host: testStack.meiliHost, apiKey: testStack.meiliSearchKey });
    await expect(browser.index(other).search('secret')).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } });
  });

  it('keeps its value when an older key that covered every index is replaced', async () => {
    const uid = randomUUID();
    await admin.createKey({ uid, actions: ['search'], indexes: ['*'], expiresAt: null });
    try {
      const value = await ensureSearchKey(testStack.meiliHost, uid, testStack.meiliAdminKey);
      expect(value).toBe(meiliKeyFor(uid, testStack.meiliAdminKey));
      expect((await admin.getKey(uid)).indexes).toEqual(publicIndexes);
      expect(await ensureSearchKey(testStack.meiliHost, uid, testStack.meiliAdminKey)).toBe(value);
    } finally {
      await admin.deleteKey(uid);
    }
  });
});
