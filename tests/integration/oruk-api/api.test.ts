import { createClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HsdsService } from '../../../src/lib/oruk/hsds3.ts';
import { exportCatalogue } from '../../../src/lib/oruk/export.ts';
import { accessTaxonomy, accessTermId, attendingTaxonomy, attendingTermId } from '../../../src/lib/oruk/signpost-attributes.ts';
import { accessRoutes, attendingTypes } from '../../../src/lib/schemas/service.ts';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { testStack } from '../../support/stack.ts';
import { ensureSampleData } from '../catalogue/support.ts';
import { allPages, getJson, type OrukPage, orukUrl } from './support.ts';

const sampleIds = new Set(sampleData.catalogue.services.map((s) => s.id));
const drafts = sampleData.catalogue.services.filter((s) => !s.published);
const published = sampleData.catalogue.services.filter((s) => s.published);
// A published listing with a place, opening times and contacts, to compare whole documents.
const full = published.find(
  (s) =>
    sampleData.catalogue.service_at_locations.some((p) => p.service_id === s.id) &&
    sampleData.catalogue.contacts.some((c) => c.service_id === s.id),
)!;

let services: HsdsService[];
beforeAll(async () => {
  await ensureSampleData();
  services = (await allPages(orukUrl, '/services')) as HsdsService[];
}, 60_000);

// Other test files add and change services in the test database meanwhile, so comparisons
// between answers look at the sample listings only.
const sampleOf = (items: { id: string }[]) =>
  items
    .filter((s) => sampleIds.has(s.id))
    .map((s) => s.id)
    .sort();
const everything = async (query: string) => (await allPages(orukUrl, `/services?${query}`)) as HsdsService[];

const page = async (query: string) => {
  const { status, body } = await getJson(`${orukUrl}/services?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as OrukPage<HsdsService>;
};

function metresBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}

describe('the ORUK API at /functions/v1/oruk', () => {
  it('answers without an API key with a page of published services', async () => {
    const first = await page('per_page=5');
    expect(first).toMatchObject({ page_number: 1, size: 5, first_page: true, last_page: false, empty: false });
    expect(first.contents).toHaveLength(5);
    expect(first.total_items).toBeGreaterThanOrEqual(published.length);
  });

  it('never lists a draft, and lists every published sample service', () => {
    const listed = new Set(services.map((s) => s.id));
    expect(drafts.filter((d) => listed.has(d.id))).toEqual([]);
    expect(published.filter((s) => !listed.has(s.id))).toEqual([]);
  });

  it('returns the full service by id: the same document as the static ORUK export', async () => {
    const anon = createClient(testStack.supabaseUrl, testStack.anonKey, { auth: { persistSession: false } });
    const exported = (await exportCatalogue(anon)).services.find((s) => s.id === full.id)!;
    const { status, body } = await getJson(`${orukUrl}/services/${full.id}`);
    expect(status).toBe(200);
    expect(body).toEqual(exported);
    expect((body as HsdsService).organization?.name).toBeTruthy();
    expect((body as HsdsService).service_at_locations?.length).toBeGreaterThan(0);
  });

  it('answers 404 with a JSON message for an unknown id and for a draft', async () => {
    for (const id of ['no-such-service', drafts[0]!.id]) {
      const { status, body } = await getJson(`${orukUrl}/services/${id}`);
      expect(status).toBe(404);
      expect(body).toEqual({ status: 404, message: `No published service has the id ${id}.`, id });
    }
  });

  it.each([
    ['per_page=101', 'per_page', 'per_page must be at most 100'],
    ['page=0', 'page', 'page must be at least 1'],
    ['page=two', 'page', 'page must be a whole number'],
    ['minimum_age=adult', 'minimum_age', 'minimum_age must be a whole number'],
    ['modified_after=last%20week', 'modified_after', 'modified_after must be a date'],
    ['postcode=NR1', 'postcode', 'postcode must be a full UK postcode'],
    ['proximity=500', 'proximity', 'proximity needs a postcode'],
  ])('answers 400 naming the parameter for %s', async (query, parameter, message) => {
    const { status, body } = await getJson(`${orukUrl}/services?${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: 400, parameter });
    expect((body as { message: string }).message).toContain(message);
  });

  it('filters by a need (taxonomy_term_id) and by its vocabulary (taxonomy_id, vocabulary)', async () => {
    const housing = services.filter((s) => s.attributes?.some((a) => a.taxonomy_term_id === 'need-housing'));
    expect(housing.length).toBeGreaterThan(0);
    expect(sampleOf(await everything('taxonomy_term_id=need-housing'))).toEqual(sampleOf(housing));
    const withNeeds = services.filter((s) => s.attributes?.some((a) => a.taxonomy_term?.taxonomy_id === 'signpost-needs'));
    expect(sampleOf(await everything('taxonomy_id=signpost-needs'))).toEqual(sampleOf(withNeeds));
    expect(sampleOf(await everything('vocabulary=Signpost%20needs'))).toEqual(sampleOf(withNeeds));
    expect((await page('vocabulary=No%20such%20vocabulary')).total_items).toBe(0);
  });

  it("filters by how people get in, Signpost's own vocabulary", async () => {
    const dropIn = await everything('taxonomy_term_id=access-drop-in');
    expect(sampleOf(dropIn)).toEqual(sampleOf(services.filter((s) => s.attributes?.some((a) => a.taxonomy_term_id === 'access-drop-in'))));
    expect(dropIn.every((s) => s.attributes?.some((a) => a.taxonomy_term_id === 'access-drop-in'))).toBe(true);
  });

  it('filters by distance from a postcode: every service has a place within the distance', async () => {
    const place = sampleData.catalogue.locations.find((l) => l.postal_code && l.latitude != null)!;
    const near = await page(`postcode=${encodeURIComponent(place.postal_code!)}&proximity=2000&per_page=100`);
    expect(near.total_items).toBeGreaterThan(0);
    const centre = { latitude: place.latitude!, longitude: place.longitude! };
    for (const s of near.contents) {
      const distances = (s.service_at_locations ?? []).map((p) =>
        metresBetween(centre, { latitude: p.location!.latitude!, longitude: p.location!.longitude! }),
      );
      // The centre is the average of the places with that postcode, so allow for a few metres.
      expect(Math.min(...distances)).toBeLessThan(2100);
    }
    const farAway = services.filter((s) =>
      (s.service_at_locations ?? []).every(
        (p) => metresBetween(centre, { latitude: p.location!.latitude!, longitude: p.location!.longitude! }) > 50_000,
      ),
    );
    expect(farAway.length).toBeGreaterThan(0);
    expect(near.contents.some((s) => farAway.some((f) => f.id === s.id))).toBe(false);
  });

  it('filters by age range and by last change', async () => {
    const adults = await everything('minimum_age=18');
    expect(sampleOf(adults)).toEqual(sampleOf(services.filter((s) => (s.minimum_age ?? -1) >= 18)));
    expect(adults.every((s) => s.minimum_age != null && s.minimum_age >= 18)).toBe(true);
    const young = await page('maximum_age=25&per_page=100');
    expect(young.contents.every((s) => s.maximum_age != null && s.maximum_age <= 25)).toBe(true);
    const since = '2026-09-01T00:00:00Z';
    const recent = await everything(`modified_after=${since}`);
    expect(sampleOf(recent)).toEqual(sampleOf(services.filter((s) => s.last_modified && s.last_modified >= since)));
    expect(recent.every((s) => s.last_modified! >= since)).toBe(true);
  });

  it('finds words in names and descriptions (text)', async () => {
    const walking = await everything('text=walk');
    const expected = services.filter((s) => /walk/i.test(`${s.name} ${s.description ?? ''}`));
    expect(expected.length).toBeGreaterThan(0);
    expect(sampleOf(walking)).toEqual(sampleOf(expected));
  });

  it('pages through the list: a page past the end is empty and still gives the total', async () => {
    const beyond = await page('per_page=100&page=99');
    expect(beyond).toMatchObject({ page_number: 99, size: 0, empty: true, last_page: true, contents: [] });
    expect(beyond.total_items).toBeGreaterThanOrEqual(published.length);
  });

  it('returns taxonomies, terms, organisations and places, each by id too', async () => {
    const term = await getJson(`${orukUrl}/taxonomy_terms/need-housing`);
    expect(term.body).toMatchObject({ id: 'need-housing', taxonomy_id: 'signpost-needs', taxonomy: 'Signpost needs' });
    const terms = (await getJson(`${orukUrl}/taxonomy_terms?taxonomy_id=signpost-needs&per_page=100`)).body as OrukPage;
    expect(terms.total_items).toBe(18);
    const taxonomy = await getJson(`${orukUrl}/taxonomies/signpost-needs`);
    expect(taxonomy.body).toMatchObject({ id: 'signpost-needs', name: 'Signpost needs' });
    const service = services.find((s) => sampleIds.has(s.id) && s.organization && s.service_at_locations?.length)!;
    const org = await getJson(`${orukUrl}/organizations/${service.organization_id}`);
    expect((org.body as { services: { id: string }[] }).services.map((s) => s.id)).toContain(service.id);
    const place = service.service_at_locations![0]!;
    const sal = await getJson(`${orukUrl}/service_at_locations/${place.id}`);
    expect(sal.body).toMatchObject({ id: place.id, service_id: service.id, location: place.location, service });
  });

  it("lists Signpost's own vocabularies, how people attend and how they get in, with the terms attributes point at", async () => {
    const vocabularies = [
      { taxonomy: attendingTaxonomy, termIds: attendingTypes.map(attendingTermId) },
      { taxonomy: accessTaxonomy, termIds: accessRoutes.map(accessTermId) },
    ];
    const taxonomies = (await allPages(orukUrl, '/taxonomies')).map((t) => t.id);
    for (const { taxonomy, termIds } of vocabularies) {
      expect(taxonomies).toContain(taxonomy.id);
      const one = await getJson(`${orukUrl}/taxonomies/${taxonomy.id}`);
      expect(one.body).toMatchObject({ id: taxonomy.id, name: taxonomy.name });
      expect((one.body as { description: string }).description).not.toBe('');
      const terms = (await getJson(`${orukUrl}/taxonomy_terms?taxonomy_id=${taxonomy.id}&per_page=100`)).body as OrukPage;
      expect(terms.contents.map((t) => t.id).sort()).toEqual([...termIds].sort());
    }
    // Every fixed-vocabulary attribute of a service names a term the API lists, with the same wording.
    const attributes = services.flatMap((s) => s.attributes ?? []).filter((a) => a.taxonomy_term_id.match(/^(attending|access)-/));
    expect(attributes.length).toBeGreaterThan(0);
    for (const id of new Set(attributes.map((a) => a.taxonomy_term_id))) {
      const { status, body } = await getJson(`${orukUrl}/taxonomy_terms/${id}`);
      expect(status).toBe(200);
      const {
        id: termId,
        code,
        name,
        description,
        taxonomy,
        taxonomy_id,
      } = attributes.find((a) => a.taxonomy_term_id === id)!.taxonomy_term!;
      expect(body).toMatchObject({ id: termId, code, name, description, taxonomy, taxonomy_id });
    }
  });

  it('is open to every origin for reads and answers preflight requests', async () => {
    const preflight = await fetch(`${orukUrl}/services`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://directory.example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('if-none-match');
    const read = await fetch(`${orukUrl}/services?per_page=1`, { headers: { origin: 'https://directory.example.org' } });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-expose-headers')).toContain('etag');
  });

  it('sends an ETag and Cache-Control, and 304 Not Modified when the ETag still matches', async () => {
    const first = await fetch(`${orukUrl}/services/${published[0]!.id}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(first.headers.get('server-timing')).toMatch(/^db;dur=[\d.]+, app;dur=[\d.]+$/);
    const again = await fetch(`${orukUrl}/services/${published[0]!.id}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await fetch(`${orukUrl}/services/${published[1]!.id}`, { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
  });

  it('refuses to change anything: 405 for other methods', async () => {
    const response = await fetch(`${orukUrl}/services`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});
