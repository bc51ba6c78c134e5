import { Meilisearch } from 'meilisearch';
import type { SliceService } from '../schemas/slice-service.ts';

/**
 * The one way the browser talks to Meilisearch. It is given the host and the search-only key
 * by the page that renders the island, so no secret and no config parsing ships to the browser.
 */
export interface SearchConnection {
  host: string;
  searchKey: string;
}

export const indexNames = { sliceServices: 'slice_services' } as const;

export type SliceServiceHit = Pick<SliceService, 'id' | 'name' | 'summary' | 'town'>;

export async function searchSliceServices(connection: SearchConnection, query: string, limit = 20): Promise<{ hits: SliceServiceHit[]; total: number }> {
  const client = new Meilisearch({ host: connection.host, apiKey: connection.searchKey });
  const result = await client.index<SliceServiceHit>(indexNames.sliceServices).search(query, { limit });
  return { hits: result.hits, total: result.estimatedTotalHits ?? result.hits.length };
}
