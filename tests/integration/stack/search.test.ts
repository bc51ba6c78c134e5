import { Meilisearch } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { indexNames } from '../../../src/lib/search/client.ts';
import { searchSliceServices } from '../../../src/lib/search/client.ts';
import { testStack } from '../../support/stack.ts';

const connection = { host: testStack.meiliHost, searchKey: testStack.meiliSearchKey };

describe('search over the seeded services', () => {
  it('finds a published service by a word in its summary', async () => {
    const { hits } = await searchSliceServices(connection, 'benefits');
    expect(hits.map((h) => h.id)).toContain('darlington-benefits-clinic');
  });

  it('tolerates a typing mistake', async () => {
    const { hits } = await searchSliceServices(connection, 'befriendng');
    expect(hits[0]?.id).toBe('mansfield-befriending-calls');
  });

  it('never returns a draft', async () => {
    const { hits } = await searchSliceServices(connection, 'memory café');
    expect(hits.map((h) => h.id)).not.toContain('draft-memory-cafe');
  });
});

describe.each([
  { key: 'search-only', apiKey: testStack.meiliSearchKey, canWrite: false },
  { key: 'admin', apiKey: testStack.meiliAdminKey, canWrite: true },
])('the $key Meilisearch key', ({ apiKey, canWrite }) => {
  const client = new Meilisearch({ host: testStack.meiliHost, apiKey });
  const scratch = `permission_check_${canWrite ? 'admin' : 'search'}`;

  it('can search', async () => {
    const result = await client.index(indexNames.sliceServices).search('walk');
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it(canWrite ? 'can add documents' : 'cannot add documents', async () => {
    const attempt = client.index(scratch).addDocuments([{ id: 'x', name: 'x' }]).waitTask();
    if (canWrite) await expect(attempt).resolves.toMatchObject({ status: 'succeeded' });
    else await expect(attempt).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } });
  });

  it(canWrite ? 'can read the API keys' : 'cannot read the API keys', async () => {
    const attempt = client.getKeys();
    if (canWrite) await expect(attempt).resolves.toHaveProperty('results');
    else await expect(attempt).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } });
  });
});
