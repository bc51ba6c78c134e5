import { Meilisearch } from 'meilisearch';
import type { ServiceDocument } from './documents.ts';
import { dayCodes, openNowFilter, type DayCode } from './opening.ts';
import { prepareQuery } from './resident-words.ts';

/**
 * The one way the browser talks to Meilisearch. It is given the host and the search-only key
 * by the page that renders the island, so no secret and no config parsing ships to the browser.
 */
export interface SearchConnection {
  host: string;
  searchKey: string;
  /** Another index than the live one (the relevance test's own index). */
  index?: string;
}

export const indexNames = { services: 'services' } as const;

export type ServiceHit = Pick<
  ServiceDocument,
  | 'id'
  | 'name'
  | 'organisation'
  | 'summary'
  | 'needLabels'
  | 'towns'
  | 'areas'
  | 'free'
  | 'status'
  | 'checked'
  | 'checkedDay'
  | 'times'
  | 'sessions'
  | 'places'
  | 'attending'
> & { _geoDistance?: number };

export const attendingChoices = ['in person', 'online', 'phone'] as const;
export const facetNames = ['needs', 'free', 'attending', 'days'] as const;
export type FacetName = (typeof facetNames)[number];

export interface ServiceQuery {
  words: string;
  /** One need (older callers) or several (any of them). */
  need?: string | undefined;
  needs?: string[] | undefined;
  free?: boolean | undefined;
  attending?: string[] | undefined;
  day?: DayCode | undefined;
  /** Open at this instant, in Europe/London time. */
  openAt?: Date | undefined;
  near?: { lat: number; lng: number; radiusKm?: number | undefined } | undefined;
  sort?: 'relevance' | 'name' | undefined;
  offset?: number;
  limit?: number;
  facets?: boolean;
}

export interface ServiceResults {
  hits: ServiceHit[];
  total: number;
  facets: Partial<Record<FacetName, Record<string, number>>>;
  processingTimeMs: number;
  /** Words left out because nothing matched them ("somewhere"), so the rest still found services. */
  ignoredWords: string[];
}

/** Need codes are slugs from our own taxonomy; anything else is refused rather than put in a filter. */
function needFilter(needs: string[]): string | undefined {
  if (!needs.length) return undefined;
  for (const need of needs) if (!/^[a-z0-9-]+$/.test(need)) throw new Error(`Unknown need "${need}"`);
  return `needs IN [${needs.map((n) => `"${n}"`).join(', ')}]`;
}

/** The Meilisearch filter for a query, built only from checked values. */
export function buildFilter(query: ServiceQuery): string[] {
  const filters: string[] = [];
  const needs = needFilter([...(query.needs ?? []), ...(query.need ? [query.need] : [])]);
  if (needs) filters.push(needs);
  if (query.free) filters.push('free = true');
  const attending = (query.attending ?? []).filter((a) => (attendingChoices as readonly string[]).includes(a));
  if (attending.length) filters.push(`attending IN [${attending.map((a) => `"${a}"`).join(', ')}]`);
  if (query.day) {
    if (!dayCodes.includes(query.day)) throw new Error(`Unknown day "${query.day}"`);
    filters.push(`days = "${query.day}"`);
  }
  if (query.openAt) filters.push(openNowFilter(query.openAt));
  if (query.near?.radiusKm) {
    const { lat, lng, radiusKm } = query.near;
    if (![lat, lng, radiusKm].every(Number.isFinite)) throw new Error('A place must be given as numbers');
    filters.push(`_geoRadius(${lat}, ${lng}, ${Math.round(radiusKm * 1000)})`);
  }
  return filters;
}

function sortFor(query: ServiceQuery): string[] | undefined {
  // With a place, nearer wins among equally relevant services; without words, nearest first.
  if (query.near) return [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`];
  if (query.sort === 'name') return ['name:asc'];
  return undefined;
}

const clients = new Map<string, Meilisearch>();
function clientFor(connection: SearchConnection): Meilisearch {
  const key = `${connection.host}\n${connection.searchKey}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = new Meilisearch({ host: connection.host, apiKey: connection.searchKey })));
  return client;
}

/**
 * One search as the island and the tests run it. `signal` lets a newer keystroke cancel the
 * request of an older one, so stale searches never compete with the one the resident sees.
 */
export async function searchServices(
  connection: SearchConnection,
  query: ServiceQuery,
  options: { signal?: AbortSignal } = {},
): Promise<ServiceResults> {
  const client = clientFor(connection);
  const init = options.signal ? { signal: options.signal } : undefined;
  const indexUid = connection.index ?? indexNames.services;
  const filter = buildFilter(query);
  const sort = sortFor(query);
  const words = prepareQuery(query.words);
  const common = {
    indexUid,
    // "last": every word first, then fewer from the end; phrases put their meaning first.
    matchingStrategy: 'last' as const,
    ...(sort ? { sort } : {}),
  };
  const run = async (q: string): Promise<Omit<ServiceResults, 'ignoredWords'>> => {
    // Need counts leave the need filter out, so the other needs still show how many they hold.
    // Without a need chosen that is the same search, so one query counts everything.
    const needFilters = buildFilter({ ...query, need: undefined, needs: undefined });
    const oneQuery = query.facets && needFilters.length === filter.length;
    const main = {
      ...common,
      q,
      offset: query.offset ?? 0,
      limit: query.limit ?? 20,
      ...(filter.length ? { filter } : {}),
      ...(query.facets ? { facets: oneQuery ? ['needs', 'free', 'attending', 'days'] : ['free', 'attending', 'days'] } : {}),
    };
    if (!query.facets || oneQuery) {
      const { indexUid: _, ...params } = main;
      const result = await client.index<ServiceHit>(indexUid).search(q, params, init);
      return {
        hits: result.hits,
        total: result.estimatedTotalHits ?? result.hits.length,
        facets: result.facetDistribution ?? {},
        processingTimeMs: result.processingTimeMs,
      };
    }
    const needCounts = { ...common, q, limit: 0, facets: ['needs'], ...(needFilters.length ? { filter: needFilters } : {}) };
    const { results } = await client.multiSearch({ queries: [main, needCounts] }, init);
    const [result, needs] = results;
    return {
      hits: result!.hits as ServiceHit[],
      total: result!.estimatedTotalHits ?? result!.hits.length,
      facets: { ...(result!.facetDistribution ?? {}), ...(needs?.facetDistribution ?? {}) },
      processingTimeMs: result!.processingTimeMs,
    };
  };
  let result = await run(words);
  let ignoredWords: string[] = [];
  const terms = words.split(' ').filter(Boolean);
  if (result.hits.length === 0 && (query.offset ?? 0) === 0 && terms.length > 1) {
    // A word that matches nothing at the start would otherwise sink the whole search: ask which
    // words match anything at all, and search again without the others.
    const counts = await client.multiSearch(
      { queries: terms.map((term) => ({ indexUid, q: term, limit: 0, ...(filter.length ? { filter } : {}) })) },
      init,
    );
    const kept = terms.filter((_, i) => (counts.results[i]?.estimatedTotalHits ?? 0) > 0);
    if (kept.length && kept.length < terms.length) {
      ignoredWords = terms.filter((t) => !kept.includes(t));
      result = await run(kept.join(' '));
    }
  }
  return { ...result, ignoredWords };
}
