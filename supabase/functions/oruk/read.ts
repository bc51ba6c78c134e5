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
import { catalogueSchema } from '../../../src/lib/schemas/catalogue.ts';
import { locationSchema } from '../../../src/lib/schemas/location.ts';
import { organizationSchema } from '../../../src/lib/schemas/organization.ts';
import { serviceAtLocationSchema } from '../../../src/lib/schemas/service-at-location.ts';
import { taxonomySchema } from '../../../src/lib/schemas/taxonomy.ts';
import { taxonomyTermSchema } from '../../../src/lib/schemas/taxonomy-term.ts';
import { BadParameter, type Paging, type ServiceFilters, type TaxonomyTermFilters } from './params.ts';

/**
 * Database reads for the ORUK API, through supabase-js with whatever key the client holds (the
 * anon key, so row level security decides what is public). Services are read in one database
 * call (`public.oruk_service_documents`, or `public.oruk_services_page` for a filtered, paged list
 * with its total; both security invoker): the documents the indexer built ahead with the same
 * mapping (supabase/migrations/20261203010000_oruk_documents.sql), and for any service without
 * one (changed since, or never indexed) its catalogue rows, checked with the catalogue's zod
 * schemas and mapped here by the same code as the static export.
 */

/** Thrown when PostgREST refuses a read; the API answers 502 or 503, never a half-made document. */
export class ReadError extends Error {}

export type Page<T> = { total: number; contents: T[] };

/** Metres from the postcode when `postcode` comes without `proximity`. */
export const defaultProximity = 10_000;

/** ORUK documents of services from their catalogue rows, as the database functions return them. */
function toServices(rows: unknown): HsdsService[] {
  return toHsdsServices(catalogueSchema.parse(rows), { check: false });
}

/** What `public.oruk_service_documents` returns: documents built ahead, and the rows of the rest (null when none is left). */
interface StoredServices {
  documents: HsdsService[];
  rows: unknown;
}

/** The services of `ids` in that order: each document built ahead as it is, the others mapped from their rows. */
function servicesOf(ids: string[], stored: StoredServices): HsdsService[] {
  const byId = new Map(stored.documents.map((doc) => [doc.id, doc]));
  if (stored.rows !== null) for (const service of toServices(stored.rows)) byId.set(service.id, service);
  return ids.flatMap((id) => byId.get(id) ?? []);
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
  const term = f.taxonomy_term_id;
  const taxonomy = f.taxonomy_id;
  // Signpost's two fixed vocabularies are columns of the service, not rows of service_taxonomies.
  const attending = term ? attendingTypeForTerm(term) : undefined;
  const access = term ? accessRouteForTerm(term) : undefined;
  const centre = f.postcode ? await postcodeCentre(db, f.postcode) : undefined;
  const args = {
    page: f.page,
    per_page: f.per_page,
    words: f.text ?? f.search,
    term_id: attending || access ? undefined : term,
    term_taxonomy_id: taxonomy === attendingTaxonomy.id || taxonomy === accessTaxonomy.id ? undefined : taxonomy,
    vocabulary: f.vocabulary,
    attending_type: attending,
    access_route: access,
    any_attending_type: taxonomy === attendingTaxonomy.id || undefined,
    any_access_route: taxonomy === accessTaxonomy.id || undefined,
    organization_id: f.organization_id,
    modified_after: f.modified_after,
    minimum_age: f.minimum_age,
    maximum_age: f.maximum_age,
    ...(centre && { ...centre, metres: f.proximity ?? defaultProximity }),
  };
  const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
  const page = check(await db.rpc('oruk_services_page', defined), 'services') as { total: number; ids: string[]; services: StoredServices };
  return { total: page.total, contents: servicesOf(page.ids, page.services) };
}

/** Whole services by id, in the order asked; ids that are not public are left out. */
async function servicesById(db: SupabaseClient, ids: string[]): Promise<HsdsService[]> {
  return ids.length ? servicesOf(ids, check(await db.rpc('oruk_service_documents', { ids }), 'services') as StoredServices) : [];
}

export async function readService(db: SupabaseClient, id: string): Promise<HsdsService | undefined> {
  return (await servicesById(db, [id]))[0];
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
      const summaries = toServices({ services }).map(serviceSummary);
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
  const services = await servicesById(db, serviceIds);
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
