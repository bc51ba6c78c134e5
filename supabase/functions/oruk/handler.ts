import type { SupabaseClient } from '@supabase/supabase-js';
import { BadParameter, pagingSchema, readParams, serviceFiltersSchema, taxonomyTermFiltersSchema, type Paging } from './params.ts';
import { withTiming } from './timing.ts';
import {
  type Page,
  ReadError,
  readOrganizations,
  readService,
  readServiceAtLocations,
  readServices,
  readTaxonomies,
  readTaxonomyTerms,
} from './read.ts';

/**
 * The Open Referral UK 3.0 read API as one web-standard handler (Request → Response), so the
 * same code runs in Supabase's Edge Runtime, in Deno locally and under test. Answers are JSON,
 * open to every origin (it is public data), with an ETag and Cache-Control so browsers, caches
 * and CDNs can answer repeat requests without reaching the database.
 */
export const orukVersion = '3.0';
export const orukProfile = 'https://openreferraluk.org';
// The ORUK validator reads `version` from `/` and fetches this document for the rules it applies.
export const orukOpenApi = 'https://openreferraluk.org/specifications/3.0/openapi.json';

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'authorization, apikey, content-type, x-client-info, if-none-match',
  'Access-Control-Expose-Headers': 'etag, server-timing',
  'Access-Control-Max-Age': '86400',
};

/** Fresh for a minute, then served stale for up to ten while a cache fetches the new answer. */
export const cacheControl = 'public, max-age=60, stale-while-revalidate=600';

async function etagOf(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(body));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `"${hex.slice(0, 32)}"`;
}

async function json(request: Request, status: number, value: unknown, cache = cacheControl): Promise<Response> {
  const body = JSON.stringify(value);
  const headers: Record<string, string> = { ...corsHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': cache };
  if (status === 200) {
    const etag = await etagOf(body);
    headers.ETag = etag;
    const asked = request.headers.get('if-none-match');
    if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
      return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : body, { status, headers });
}

function problem(request: Request, status: number, message: string, extra: Record<string, unknown> = {}): Promise<Response> {
  // A missing record stays missing for a while; anything else should be asked again.
  return json(request, status, { status, message, ...extra }, status === 404 ? cacheControl : 'no-store');
}

/** The ORUK paging envelope. */
export function envelope<T>(page: Page<T>, paging: Paging) {
  const totalPages = Math.max(1, Math.ceil(page.total / paging.per_page));
  return {
    total_items: page.total,
    total_pages: totalPages,
    page_number: paging.page,
    size: page.contents.length,
    first_page: paging.page === 1,
    last_page: paging.page >= totalPages,
    empty: page.contents.length === 0,
    contents: page.contents,
  };
}

/** The path below the function's name: Supabase passes `/oruk/services/…` to the function. */
function routeOf(url: URL): string[] {
  const path = url.pathname.replace(/^\/functions\/v1/, '').replace(/^\/oruk(?=\/|$)/, '');
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

type Endpoint = 'services' | 'taxonomies' | 'taxonomy_terms' | 'organizations' | 'service_at_locations';
const names: Record<Endpoint, string> = {
  services: 'service',
  taxonomies: 'taxonomy',
  taxonomy_terms: 'taxonomy term',
  organizations: 'organization',
  service_at_locations: 'service at location',
};

async function list(db: SupabaseClient, endpoint: Endpoint, search: URLSearchParams) {
  switch (endpoint) {
    case 'services': {
      const filters = readParams(serviceFiltersSchema, search);
      return envelope(await readServices(db, filters), filters);
    }
    case 'taxonomy_terms': {
      const filters = readParams(taxonomyTermFiltersSchema, search);
      return envelope(await readTaxonomyTerms(db, filters), filters);
    }
    default: {
      const paging = readParams(pagingSchema, search);
      const read = { taxonomies: readTaxonomies, organizations: readOrganizations, service_at_locations: readServiceAtLocations }[endpoint];
      return envelope(await read(db, paging), paging);
    }
  }
}

async function one(db: SupabaseClient, endpoint: Endpoint, id: string): Promise<unknown> {
  const only = { page: 1, per_page: 1 };
  switch (endpoint) {
    case 'services':
      return readService(db, id);
    case 'taxonomy_terms':
      return (await readTaxonomyTerms(db, only, id)).contents[0];
    default: {
      const read = { taxonomies: readTaxonomies, organizations: readOrganizations, service_at_locations: readServiceAtLocations }[endpoint];
      return (await read(db, only, id)).contents[0];
    }
  }
}

export function createOrukHandler(db: SupabaseClient): (request: Request) => Promise<Response> {
  return (request) => withTiming(() => answer(db, request));
}

async function answer(db: SupabaseClient, request: Request): Promise<Response> {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const response = await problem(request, 405, 'This API is read-only: use GET.');
    response.headers.set('Allow', 'GET, HEAD, OPTIONS');
    return response;
  }
  const url = new URL(request.url);
  const [endpoint, id, ...rest] = routeOf(url);
  try {
    if (endpoint === undefined) return await json(request, 200, { version: orukVersion, profile: orukProfile, openapi_url: orukOpenApi });
    if (!(endpoint in names) || rest.length > 0)
      return await problem(
        request,
        404,
        `There is no ${url.pathname} here. Try /services, /taxonomies, /taxonomy_terms, /organizations or /service_at_locations.`,
      );
    const kind = endpoint as Endpoint;
    if (id === undefined) return await json(request, 200, await list(db, kind, url.searchParams));
    const found = await one(db, kind, id);
    return found ? await json(request, 200, found) : await problem(request, 404, `No published ${names[kind]} has the id ${id}.`, { id });
  } catch (error) {
    if (error instanceof BadParameter) return problem(request, 400, error.message, { parameter: error.parameter });
    console.error(error);
    if (error instanceof ReadError) return problem(request, 503, 'The directory could not be read just now. Please try again shortly.');
    return problem(request, 500, 'Something went wrong on our side. Please try again later.');
  }
}
