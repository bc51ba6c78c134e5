import { Meilisearch } from 'meilisearch';
import type { ServiceDocument } from './documents.ts';

/**
 * The one way the browser talks to Meilisearch. It is given the host and the search-only key
 * by the page that renders the island, so no secret and no config parsing ships to the browser.
 */
export interface SearchConnection {
  host: string;
  searchKey: string;
}

export const indexNames = { services: 'services' } as const;

export type ServiceHit = Pick<ServiceDocument, 'id' | 'name' | 'organisation' | 'summary' | 'needLabels' | 'towns' | 'free'>;

export interface ServiceQuery {
  words: string;
  need?: string | undefined;
  limit?: number;
}

/** Need codes are slugs from our own taxonomy; anything else is refused rather than put in a filter. */
function needFilter(need: string | undefined): string | undefined {
  if (!need) return undefined;
  if (!/^[a-z0-9-]+$/.test(need)) throw new Error(`Unknown need "${need}"`);
  return `needs = "${need}"`;
}

export async function searchServices(connection: SearchConnection, query: ServiceQuery): Promise<{ hits: ServiceHit[]; total: number }> {
  const client = new Meilisearch({ host: connection.host, apiKey: connection.searchKey });
  const filter = needFilter(query.need);
  const result = await client
    .index<ServiceHit>(indexNames.services)
    .search(query.words, { limit: query.limit ?? 20, ...(filter ? { filter } : {}) });
  return { hits: result.hits, total: result.estimatedTotalHits ?? result.hits.length };
}
