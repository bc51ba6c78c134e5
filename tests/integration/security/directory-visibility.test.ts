import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCatalogue } from '../../../src/lib/oruk/export.ts';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { testStack } from '../../support/stack.ts';
import { buildWorld, removeWorld, type World } from './fixtures.ts';
import { api, db, inBatches, type Role, roles } from './roles.ts';

/**
 * A venue or organisation is public only while a published service uses it (or a curator marks
 * it public), and a venue marked never public stays hidden even then: by any route, including
 * PostgREST embedding from the tables that point at it. The fixtures (fixtures.ts) hold a
 * venue and an organisation of a draft only, unused ones, and a refuge used by a published service.
 */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 60_000);
afterAll(async () => {
  if (world) await removeWorld(world);
  await db.end();
});

/** Every `id` anywhere in an API answer, however deeply embedded. */
function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' && typeof inner === 'string') into.add(inner);
      else idsIn(inner, into);
    }
  }
  return into;
}

const list = (ids: string[]) => `in.(${ids.join(',')})`;

/** Each route from a table that points at venues or organisations, directly or through others. */
function routes(w: World): string[] {
  const r = w.rows;
  const services = [...r.services.public, ...r.services.hidden];
  const venue = 'id,name,postal_code';
  return [
    `locations?select=${venue}&id=${list([...r.locations.public, ...r.locations.hidden])}`,
    `organizations?select=id,name,locations(${venue})&id=${list([...r.organizations.public, ...r.organizations.hidden])}`,
    `services?select=id,organizations(id,name),service_at_locations(id,locations(${venue}))&id=${list(services)}`,
    `service_at_locations?select=id,location_id,locations(${venue},organizations(id,name))&service_id=${list(services)}`,
    `schedules?select=id,service_at_locations(locations(${venue})),services(organizations(id,name))&id=${list([...r.schedules.public, ...r.schedules.hidden])}`,
    `contacts?select=id,services(organizations(id,name),service_at_locations(locations(${venue})))&id=${list([...r.contacts.public, ...r.contacts.hidden])}`,
    `phones?select=id,contacts(services(organizations(id,name))),services(service_at_locations(locations(${venue})))&id=${list([...r.phones.public, ...r.phones.hidden])}`,
    `cost_options?select=id,services(organizations(id,name))&id=${list([...r.cost_options.public, ...r.cost_options.hidden])}`,
    `languages?select=id,services(organizations(id,name))&id=${list([...r.languages.public, ...r.languages.hidden])}`,
    `service_areas?select=id,services(organizations(id,name))&id=${list([...r.service_areas.public, ...r.service_areas.hidden])}`,
    `service_taxonomies?select=id,services(organizations(id,name),service_at_locations(locations(${venue})))&id=${list([...r.service_taxonomies.public, ...r.service_taxonomies.hidden])}`,
    `teams?select=id,organizations(id,name,locations(${venue}))&id=${list([...r.teams.public, ...r.teams.hidden])}`,
    // An inner join used as a filter must not reveal a hidden row either.
    `locations?select=id,service_at_locations!inner(id)&id=${list(r.locations.hidden)}`,
  ];
}

const curators = new Set<Role>(['curator', 'admin']);

describe.each(roles)('venues and organisations as %s', (role) => {
  const hidden = () => [...world.rows.locations.hidden, ...world.rows.organizations.hidden];

  it(
    curators.has(role)
      ? 'reaches every venue and organisation, drafts and refuges included'
      : 'never reaches a venue or organisation of a draft only, an unused one, or a refuge, by any route',
    async () => {
      const answers = await inBatches(routes(world).map((path) => () => api(world.callers[role], 'GET', path)));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      const seen = new Set(answers.flatMap((a) => [...idsIn(a.body)]));
      const reached = hidden().filter((id) => seen.has(id));
      expect(reached.sort()).toEqual(curators.has(role) ? hidden().sort() : []);
    },
  );
});

describe('the public directory of the sample data', () => {
  const { services, service_at_locations: places, locations, organizations } = sampleData.catalogue;
  const published = new Set(services.filter((s) => s.published).map((s) => s.id));
  const draftOnlyVenues = locations.filter((l) => !places.some((p) => p.location_id === l.id && published.has(p.service_id)));
  const draftOnlyOrganisations = organizations.filter((o) => !services.some((s) => s.organization_id === o.id && published.has(s.id)));

  it('has a venue and organisations used only by drafts, which anon cannot read', async () => {
    expect(draftOnlyVenues.length).toBeGreaterThan(0);
    expect(draftOnlyOrganisations.length).toBeGreaterThan(0);
    const anon = world.callers.anon;
    const venues = await api(anon, 'GET', `locations?select=id&id=${list(draftOnlyVenues.map((l) => l.id))}`);
    const orgs = await api(anon, 'GET', `organizations?select=id&id=${list(draftOnlyOrganisations.map((o) => o.id))}`);
    expect([venues.body, orgs.body]).toEqual([[], []]);
  });

  it('still gives the site build and the open-data export every venue and organisation of a published listing', async () => {
    const anon = createClient(testStack.supabaseUrl, testStack.anonKey, { auth: { persistSession: false } });
    const viaApi = await exportCatalogue(anon);
    const viaDatabase = await exportCatalogue(testStack.databaseUrl);
    const ours = new Set([...world.rows.services.public, ...services.map((s) => s.id)]);
    const pick = (docs: typeof viaApi.services) => docs.filter((d) => ours.has(d.id));
    // The refuge is left out of its service's document both ways; everything else is there.
    expect(pick(viaDatabase.services)).toEqual(pick(viaApi.services));
    const fixtureDoc = viaApi.services.find((d) => d.id === world.published)!;
    expect(fixtureDoc.organization?.id).toBe(world.rows.organizations.public[0]);
    const fixtureVenues = fixtureDoc.service_at_locations?.map((p) => p.location?.id);
    expect(fixtureVenues).toContain(world.rows.locations.public[0]);
    expect(fixtureVenues).not.toContain(world.rows.locations.hidden.at(-1));
    for (const doc of viaApi.services.filter((d) => published.has(d.id))) {
      const sample = services.find((s) => s.id === doc.id)!;
      if (sample.organization_id) expect(doc.organization?.id).toBe(sample.organization_id);
      const venues = places.filter((p) => p.service_id === doc.id).map((p) => p.location_id);
      expect(doc.service_at_locations?.map((p) => p.location?.id).sort() ?? []).toEqual(venues.sort());
    }
  });
});
