import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapRecord, recordsIn } from './records.ts';
import { mapOrukV1Service } from './v1-to-rows.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../../../../shared/fixtures/oruk/north-lincolnshire-services.json', import.meta.url), 'utf8'),
) as unknown[];

const detail = {
  id: 'svc-1',
  name: 'Memory Café',
  description: '<p>Tea &amp; chat</p>',
  status: 'active',
  attending_type: 'Venue',
  attending_access: 'Drop-in',
  organization: { id: 'org-1', name: 'Age Friendly Lincs', url: 'www.example.org' },
  eligibilitys: [{ id: 'e1', eligibility: 'Over 50s', minimum_age: 50, maximum_age: null }],
  service_at_locations: [
    {
      id: 'sal-1',
      location: {
        id: 'loc-1',
        name: 'Church Hall',
        latitude: 53.58,
        longitude: -0.65,
        physical_addresses: [{ id: 'a1', address_1: '1 High St', city: 'Scunthorpe', postal_code: 'DN15 6AA', country: 'GB' }],
      },
      regular_schedules: [{ id: 'rs-1', freq: 'WEEKLY', byday: 'Monday,Thursday', opens_at: '10:00', closes_at: '12:00' }],
    },
  ],
  regular_schedules: [{ freq: 'MONTHLY', byday: '1TU', opens_at: '14:00', closes_at: '15:30' }],
  cost_options: [{ id: 'c1', option: 'Per session', amount: '2.50', amount_description: 'Includes cake' }],
  contacts: [{ id: 'ct1', name: 'Pat', phones: [{ id: 'p1', number: '01724 000000' }] }],
  languages: [{ id: 'l1', language: 'Polish' }],
  service_taxonomys: [{ id: 'st1', taxonomy: { id: 'tx-dementia', name: 'Dementia', vocabulary: 'Local categories' } }],
  service_areas: [{ id: 'sa1', service_area: 'North Lincolnshire' }],
};

describe('reading ORUK v1 services', () => {
  it('maps every one of the 738 North Lincolnshire services without rejecting any', () => {
    const results = fixture.map((record) => mapRecord(record));
    const rejected = results.filter((r) => !r.ok);
    expect(rejected).toEqual([]);
    expect(results.every((r) => r.format === 'oruk-v1')).toBe(true);
  });

  it('keeps the publisher’s verification date and who assured it', () => {
    const result = mapOrukV1Service(fixture[0]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.catalogue.services[0]).toMatchObject({
      assured_date: '2024-12-10',
      assurer_email: 'victoria.wall@northlincs.gov.uk',
      published: true,
    });
    expect(result.catalogue.services[0]?.description).toContain('Drug & Alcohol');
  });

  it('reads a v1 detail record with places, opening times, costs, contacts and categories', () => {
    const result = mapOrukV1Service(detail);
    if (!result.ok) throw new Error(result.reason);
    const c = result.catalogue;
    expect(c.services[0]).toMatchObject({
      description: 'Tea & chat',
      attending_types: ['in person'],
      access_routes: ['drop in'],
      minimum_age: 50,
      eligibility_description: 'Over 50s',
      organization_id: 'org-1',
    });
    expect(c.organizations[0]?.url).toBe('https://www.example.org/');
    expect(c.locations[0]).toMatchObject({ postal_code: 'DN15 6AA', city: 'Scunthorpe', latitude: 53.58 });
    expect(c.schedules.map((s) => [s.byday, s.opens_at])).toEqual([
      ['MO,TH', '10:00:00'],
      ['1TU', '14:00:00'],
    ]);
    expect(c.cost_options[0]?.amount).toBe(2.5);
    expect(c.phones[0]).toMatchObject({ contact_id: 'ct1', number: '01724 000000' });
    expect(c.taxonomy_terms[0]).toMatchObject({ id: 'tx-dementia', taxonomy_id: 'imported-local-categories' });
    expect(result.warnings).toEqual([]);
  });

  it('keeps the v1 deliverable type as a category', () => {
    const result = mapOrukV1Service({ id: 'x', name: 'Y', deliverable_type: '1 to 1 support' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.catalogue.taxonomy_terms).toMatchObject([{ id: 'deliverable-type-1-to-1-support', name: '1 to 1 support' }]);
    expect(result.catalogue.service_taxonomies).toMatchObject([{ service_id: 'x', taxonomy_term_id: 'deliverable-type-1-to-1-support' }]);
  });

  it('rejects a record with no id or no name and says which', () => {
    expect(mapOrukV1Service({ name: 'No id' })).toMatchObject({ ok: false, reason: 'missing id' });
    expect(mapOrukV1Service({ id: 'x', name: '  ' })).toMatchObject({ ok: false, reason: 'missing name' });
  });

  it('keeps a service whose opening days cannot be read, with a warning', () => {
    const result = mapOrukV1Service({ id: 'x', name: 'Y', regular_schedules: [{ byday: 'Most days' }] });
    if (!result.ok) throw new Error(result.reason);
    expect(result.catalogue.schedules[0]?.description).toBe('Days: Most days');
    expect(result.warnings.join()).toContain('Most days');
  });

  it('finds the services inside a v1 paged list', () => {
    expect(recordsIn({ content: [detail], totalElements: 1 })).toHaveLength(1);
  });
});
