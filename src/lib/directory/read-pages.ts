import type { SupabaseClient } from '@supabase/supabase-js';
import { SignpostError } from '../errors.ts';
import { type Catalogue, type CatalogueTable, catalogueSchema } from '../schemas/catalogue.ts';

export class DirectoryReadError extends SignpostError {}

/** A run of published services in id order: those after `after` (exclusive) up to `last` (inclusive). */
export interface ServiceRange {
  after: string | null;
  last: string;
}

/** Supabase's hosted default for PostgREST's max-rows: no single request may ask for more. */
const requestRows = 1000;

type Query = ReturnType<ReturnType<SupabaseClient['from']>['select']>;

/** Every row a query matches, read in keyset pages (id > last id seen), which stay fast however deep. */
async function readAll(client: SupabaseClient, table: CatalogueTable, narrow: (q: Query) => Query): Promise<unknown[]> {
  const rows: unknown[] = [];
  for (let after: string | undefined; ;) {
    let query = narrow(client.from(table).select('*')).order('id').limit(requestRows);
    if (after !== undefined) query = query.gt('id', after);
    const { data, error } = await query;
    if (error) throw new DirectoryReadError(`Could not read ${table} from the directory: ${error.message}`);
    const page = data as { id: string }[];
    rows.push(...page);
    if (page.length < requestRows) return rows;
    after = page.at(-1)!.id;
  }
}

/** Rows whose `column` is one of `ids`, a hundred ids per request so URLs stay short. */
async function readByIds(client: SupabaseClient, table: CatalogueTable, column: string, ids: string[]): Promise<unknown[]> {
  const unique = [...new Set(ids)];
  const rows: unknown[] = [];
  for (let i = 0; i < unique.length; i += 100) rows.push(...(await readAll(client, table, (q) => q.in(column, unique.slice(i, i + 100)))));
  return rows;
}

/**
 * The ranges of published services a build reads one at a time, `size` services each, so no step
 * of the build holds the whole directory: at 100,000 services it does not fit in memory.
 */
export async function publishedServiceRanges(client: SupabaseClient, size = 500): Promise<ServiceRange[]> {
  const ranges: ServiceRange[] = [];
  for (let after: string | null = null; ;) {
    let query = client.from('services').select('id').eq('published', true).order('id').limit(size);
    if (after !== null) query = query.gt('id', after);
    const { data, error } = await query;
    if (error) throw new DirectoryReadError(`Could not list the directory's services: ${error.message}`);
    const ids = (data as { id: string }[]).map((r) => r.id);
    if (ids.length === 0) return ranges;
    ranges.push({ after, last: ids.at(-1)! });
    if (ids.length < size) return ranges;
    after = ids.at(-1)!;
  }
}

/**
 * The published services in one range and every row they need (places, times, costs, contacts,
 * needs…), as the anon key sees them: row level security decides what is public.
 */
export async function readServiceRange(client: SupabaseClient, range: ServiceRange): Promise<Catalogue> {
  const inRange = (column: string) => (q: Query) => {
    const bounded = q.lte(column, range.last);
    return range.after === null ? bounded : bounded.gt(column, range.after);
  };
  const services = await readAll(client, 'services', (q) => inRange('id')(q.eq('published', true)));
  const ofServices = async (table: CatalogueTable) => readAll(client, table, inRange('service_id'));
  const [serviceAtLocations, contacts, costOptions, languages, serviceAreas, serviceTaxonomies, schedulesByService, phonesByService] =
    await Promise.all([
      ofServices('service_at_locations'),
      ofServices('contacts'),
      ofServices('cost_options'),
      ofServices('languages'),
      ofServices('service_areas'),
      ofServices('service_taxonomies'),
      ofServices('schedules'),
      ofServices('phones'),
    ]);
  const ids = (rows: unknown[], key: string) => rows.map((r) => (r as Record<string, string | null>)[key]).filter((x): x is string => !!x);
  // Times kept on a place and numbers kept on a contact may not name the service themselves.
  const [schedulesAtPlaces, phonesOfContacts, locations, organizations, taxonomyTerms, taxonomies] = await Promise.all([
    readByIds(client, 'schedules', 'service_at_location_id', ids(serviceAtLocations, 'id')),
    readByIds(client, 'phones', 'contact_id', ids(contacts, 'id')),
    readByIds(client, 'locations', 'id', ids(serviceAtLocations, 'location_id')),
    readByIds(client, 'organizations', 'id', ids(services, 'organization_id')),
    readAll(client, 'taxonomy_terms', (q) => q),
    readAll(client, 'taxonomies', (q) => q),
  ]);
  const byId = (rows: unknown[]) => [...new Map(rows.map((r) => [(r as { id: string }).id, r])).values()];
  const parsed = catalogueSchema.safeParse({
    organizations,
    taxonomies,
    taxonomy_terms: taxonomyTerms,
    services,
    locations,
    service_at_locations: serviceAtLocations,
    schedules: byId([...schedulesByService, ...schedulesAtPlaces]),
    cost_options: costOptions,
    contacts,
    phones: byId([...phonesByService, ...phonesOfContacts]),
    languages,
    service_areas: serviceAreas,
    service_taxonomies: serviceTaxonomies,
  });
  if (!parsed.success)
    throw new DirectoryReadError(`The directory in the database does not match its schema: ${parsed.error.message.slice(0, 500)}`);
  return parsed.data;
}
