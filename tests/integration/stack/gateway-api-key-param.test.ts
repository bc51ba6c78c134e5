import { describe, expect, it } from 'vitest';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { testStack } from '../../support/stack.ts';

const published = sampleData.catalogue.services.find((s) => s.published)!;

describe('an API key given in the query string', () => {
  it('is accepted and not passed on to PostgREST as a filter', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/services?select=id&id=eq.${published.id}&apikey=${testStack.anonKey}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ id: published.id }]);
  });
});
