import type { SupabaseClient } from '@supabase/supabase-js';
import {
  toHsdsLocation,
  toHsdsOrganization,
  toHsdsServices,
  toHsdsTaxonomy,
  toHsdsTaxonomyTerm,
} from '../../../src/lib/oruk/export-mapping.ts';
import type { HsdsService } from '../../../src/lib/oruk/hsds3.ts';
import { withoutNulls } from '../../../src/lib/oruk/stable-id.ts';
import { accessRouteForTerm, accessTaxonomy, attendingTaxonomy, attendingTypeForTerm } from '../../../src/lib/oruk/signpost-attributes.ts';
import { type Catalogue, type CatalogueTable, catalogueSchema, catalogueTableNames } from '../../../src/lib/schemas/catalogue.ts';
import { locationSchema } from '../../../src/lib/schemas/location.ts';
import { organizationSchema } from '../../../src/lib/schemas/organization.ts';
import { serviceAtLocationSchema } from '../../../src/lib/schemas/service-at-location.ts';
import { taxonomySchema } from '../../../src/lib/schemas/taxonomy.ts';
import { taxonomyTermSchema } from '../../../src/lib/schemas/taxonomy-term.ts';
import { BadParameter, type Paging, type ServiceFilters, type TaxonomyTermFilters } from './params.ts';

/**
 * Database reads for the ORUK API, through supabase-js with whatever key the client holds (the
 * anon key, so row level security decides what is public). A service is read with everything it
 * needs in one PostgREST request (embedded resources), turned back into catalogue rows, checked
 * with the catalogue's zod schemas and mapped by the same code as the static export.
 */

/** Thrown when PostgREST refuses a read; the API answers 502 or 503, never a half-made document. */
export class ReadError extends Error {}

export type Page<T> = { total: number; contents: T[] };

/** Metres from the postcode when `postcode` comes without `proximity`. */
export const defaultProximity = 10_000;

// Foreign keys are named because phones and schedules each link two tables that also link each
// other, so PostgREST would otherwise see two ways to embed contacts and places.
const serviceSelect = [
  '*',
  'organizations!services_organization_id_fkey(*)',
  'service_at_locations!service_at_locations_service_id_fkey(*,locations(*),schedules!schedules_service_at_location_id_fkey(*))',
  'schedules!schedules_service_id_fkey(*)',
  'cost_options(*)',
  'contacts!contacts_service_id_fkey(*,phones!phones_contact_id_fkey(*))',
  'phones!phones_service_id_fkey(*)',
  'languages(*)',
  'service_areas(*)',
  'service_taxonomies(*,taxonomy_terms(*,taxonomies(*)))',
].join(',');

/** Embedded key → the catalogue table its rows belong to. */
const embeddedTables: Record<string, CatalogueTable> = {
  organizations: 'organizations',
  service_at_locations: 'service_at_locations',
  locations: 'locations',
  schedules: 'schedules',
  cost_options: 'cost_options',
  contacts: 'contacts',
  phones: 'phones',
  languages: 'languages',
  service_areas: 'service_areas',
  service_taxonomies: 'service_taxonomies',
  taxonomy_terms: 'taxonomy_terms',
  taxonomies: 'taxonomies',
};

/** Unfolds embedded rows into one list per table, each row once. */
function toCatalogue(services: Record<string, unknown>[]): Catalogue {
  const tables = new Map<CatalogueTable, Map<string, Record<string, unknown>>>(catalogueTableNames.map((t) => [t, new Map()]));
  const visit = (table: CatalogueTable, row: Record<string, unknown>) => {
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      const child = embeddedTables[key];
      if (child && value && typeof value === 'object') {
        for (const item of Array.isArray(value) ? value : [value]) visit(child, item as Record<string, unknown>);
      } else own[key] = value;
    }
    tables.get(table)!.set(String(own.id), own);
  };
  for (const service of services) visit('services', service);
  return catalogueSchema.parse(Object.fromEntries([...tables].map(([t, rows]) => [t, [...rows.values()]])));
}

function check(result: { data: unknown; error: { message: string } | null }, what: string): unknown {
  if (result.error) throw new ReadError(`Could not read ${what}: ${result.error.message}`);
  return result.data;
}

type Result = { data: unknown; error: { message: string; code?: string } | null; count: number | null };
/** What every list query is, whatever it selects: ordered, ranged and awaited. */
interface PageQuery extends PromiseLike<Result> {
  order(column: string): PageQuery;
  range(from: number, to: number): PageQuery;
}

/**
 * One page of a list query, in id order, with the total. PostgREST refuses a page past the end
 * (416, PGRST103) without the total, so that case asks again for the first row only.
 */
async function fetchPage<Row>(query: unknown, { page, per_page }: Paging, what: string): Promise<{ rows: Row[]; total: number }> {
  const q = (query as PageQuery).order('id');
  const result = await q.range((page - 1) * per_page, page * per_page - 1);
  if (result.error?.code === 'PGRST103') {
    const first = await q.range(0, 0);
    check(first, what);
    return { rows: [], total: first.count ?? 0 };
  }
  const rows = check(result, what) as Row[];
  return { rows, total: result.count ?? rows.length };
}

/** Places whose postcode (or, failing that, postcode district) matches: their average position. */
async function postcodeCentre(db: SupabaseClient, postcode: string): Promise<{ latitude: number; longitude: number }> {
  const outward = postcode.split(' ')[0]!;
  for (const pattern of [postcode, `${outward} %`]) {
    const rows = check(
      await db.from('locations').select('latitude,longitude').ilike('postal_code', pattern).not('latitude', 'is', null).limit(500),
      'places',
    ) as { latitude: number; longitude: number }[];
    if (rows.length > 0)
      return {
        latitude: rows.reduce((sum, r) => sum + r.latitude, 0) / rows.length,
        longitude: rows.reduce((sum, r) => sum + r.longitude, 0) / rows.length,
      };
  }
  throw new BadParameter('postcode', `postcode ${postcode} is not in an area this directory covers`);
}

/** One page of services, fully nested, with the filters of the UK profile. */
export async function readServices(db: SupabaseClient, f: ServiceFilters): Promise<Page<HsdsService>> {
  if (f.proximity !== undefined && !f.postcode) throw new BadParameter('proximity', 'proximity needs a postcode to measure from');
  const select = [serviceSelect];
  const term = f.taxonomy_term_id;
  const taxonomy = f.taxonomy_id;
  // Signpost's two fixed vocabularies are columns of the service, not rows of service_taxonomies.
  const attending = term ? attendingTypeForTerm(term) : undefined;
  const access = term ? accessRouteForTerm(term) : undefined;
  const fixed = taxonomy === attendingTaxonomy.id || taxonomy === accessTaxonomy.id || attending || access;
  if ((term && !fixed) || (taxonomy && !fixed) || f.vocabulary)
    select.push(
      'filter_terms:service_taxonomies!inner(taxonomy_term_id,term:taxonomy_terms!inner(taxonomy_id,taxonomy:taxonomies!inner(name)))',
    );

  // Distance is measured in the database (public.services_near), which returns services rows, so
  // every other filter and the embedding work on it as on the table.
  let query = f.postcode
    ? db
        .rpc(
          'services_near',
          { ...(await postcodeCentre(db, f.postcode)), metres: f.proximity ?? defaultProximity },
          { count: 'exact', get: true },
        )
        .select(select.join(','))
    : db.from('services').select(select.join(','), { count: 'exact' });
  const words = f.text ?? f.search;
  if (words) {
    const like = `*${words.replace(/[*,()"\\]/g, ' ')}*`;
    query = query.or(`name.ilike.${like},description.ilike.${like}`);
  }
  if (attending) query = query.contains('attending_types', [attending]);
  else if (access) query = query.contains('access_routes', [access]);
  else if (term) query = query.eq('filter_terms.taxonomy_term_id', term);
  if (taxonomy === attendingTaxonomy.id) query = query.neq('attending_types', '{}');
  else if (taxonomy === accessTaxonomy.id) query = query.neq('access_routes', '{}');
  else if (taxonomy) query = query.eq('filter_terms.term.taxonomy_id', taxonomy);
  if (f.vocabulary) query = query.eq('filter_terms.term.taxonomy.name', f.vocabulary);
  if (f.organization_id) query = query.eq('organization_id', f.organization_id);
  if (f.modified_after) query = query.gte('last_modified', f.modified_after);
  if (f.minimum_age !== undefined) query = query.gte('minimum_age', f.minimum_age);
  if (f.maximum_age !== undefined) query = query.lte('maximum_age', f.maximum_age);
  const { rows, total } = await fetchPage<Record<string, unknown>>(query, f, 'services');
  for (const row of rows) delete row.filter_terms;
  return { total, contents: toHsdsServices(toCatalogue(rows)) };
}

export async function readService(db: SupabaseClient, id: string): Promise<HsdsService | undefined> {
  const rows = check(await db.from('services').select(serviceSelect).eq('id', id).limit(1), 'the service') as Record<string, unknown>[];
  return rows.length ? toHsdsServices(toCatalogue(rows))[0] : undefined;
}

export async function readTaxonomies(db: SupabaseClient, p: Paging, id?: string): Promise<Page<unknown>> {
  let query = db.from('taxonomies').select('*', { count: 'exact' });
  if (id !== undefined) query = query.eq('id', id);
  const { rows, total } = await fetchPage<unknown>(query, p, 'taxonomies');
  return { total, contents: rows.map((r) => withoutNulls(toHsdsTaxonomy(taxonomySchema.parse(r)))) };
}

export async function readTaxonomyTerms(db: SupabaseClient, f: TaxonomyTermFilters, id?: string): Promise<Page<unknown>> {
  let query = db.from('taxonomy_terms').select('*,taxonomies(*)', { count: 'exact' });
  if (id !== undefined) query = query.eq('id', id);
  if (f.taxonomy_id) query = query.eq('taxonomy_id', f.taxonomy_id);
  if (f.parent_id) query = query.eq('parent_id', f.parent_id);
  if (f.top_only === 'true') query = query.is('parent_id', null);
  const { rows, total } = await fetchPage<Record<string, unknown> & { taxonomies: unknown }>(query, f, 'taxonomy terms');
  return {
    total,
    contents: rows.map(({ taxonomies, ...term }) => {
      const taxonomy = taxonomies ? taxonomySchema.parse(taxonomies) : undefined;
      const known = new Map(taxonomy ? [[taxonomy.id, taxonomy]] : []);
      return withoutNulls(toHsdsTaxonomyTerm(taxonomyTermSchema.parse(term), known));
    }),
  };
}

/** The one-to-one fields of a service, for lists that carry services inside another record. */
export function serviceSummary(service: HsdsService): Record<string, unknown> {
  return Object.fromEntries(Object.entries(service).filter(([, v]) => typeof v !== 'object' || v === null));
}

export async function readOrganizations(db: SupabaseClient, p: Paging, id?: string): Promise<Page<unknown>> {
  let query = db.from('organizations').select(id === undefined ? '*' : '*,services!services_organization_id_fkey(*)', { count: 'exact' });
  if (id !== undefined) query = query.eq('id', id);
  const { rows, total } = await fetchPage<Record<string, unknown> & { services?: Record<string, unknown>[] }>(query, p, 'organisations');
  return {
    total,
    contents: rows.map(({ services, ...org }) => {
      const doc = toHsdsOrganization(organizationSchema.parse(org));
      if (!services) return withoutNulls(doc);
      const summaries = toHsdsServices(toCatalogue(services)).map(serviceSummary);
      return withoutNulls({ ...doc, services: summaries });
    }),
  };
}

/** Places of services: the list carries the place and the service's own fields; one place carries the whole service. */
export async function readServiceAtLocations(db: SupabaseClient, p: Paging, id?: string): Promise<Page<unknown>> {
  let query = db.from('service_at_locations').select('*,locations(*)', { count: 'exact' });
  if (id !== undefined) query = query.eq('id', id);
  const { rows, total } = await fetchPage<Record<string, unknown> & { locations: unknown }>(query, p, 'service places');
  const serviceIds = [...new Set(rows.map((r) => String(r.service_id)))];
  const services = serviceIds.length
    ? toHsdsServices(
        toCatalogue(check(await db.from('services').select(serviceSelect).in('id', serviceIds), 'services') as Record<string, unknown>[]),
      )
    : [];
  const byId = new Map(services.map((s) => [s.id, s]));
  return {
    total,
    contents: rows.flatMap(({ locations, ...place }) => {
      const sal = serviceAtLocationSchema.parse(place);
      const service = byId.get(sal.service_id);
      if (!service) return [];
      const nested = service.service_at_locations?.find((s) => s.id === sal.id);
      return [
        withoutNulls({
          id: sal.id,
          service_id: sal.service_id,
          location_id: sal.location_id,
          description: sal.description,
          location: toHsdsLocation(locationSchema.parse(locations)),
          schedules: nested?.schedules ?? [],
          service: id === undefined ? serviceSummary(service) : service,
        }),
      ];
    }),
  };
}
