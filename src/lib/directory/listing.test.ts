import { describe, expect, it } from 'vitest';
import { emptyCatalogue } from '../schemas/catalogue.ts';
import { buildListings } from './listing.ts';

function catalogueWith(overrides: Partial<ReturnType<typeof emptyCatalogue>>) {
  return { ...emptyCatalogue(), ...overrides };
}

const service = {
  id: 's1',
  organization_id: null,
  name: 'Men’s Shed',
  alternate_name: null,
  description: 'Make things.\n\nMeet people.',
  url: null,
  email: null,
  status: 'active' as const,
  fees_description: null,
  accreditations: null,
  eligibility_description: null,
  application_process: null,
  minimum_age: 18,
  maximum_age: null,
  assured_date: null,
  assurer_email: null,
  attending_types: ['in person' as const],
  access_routes: ['drop in' as const],
  published: true,
  last_modified: '2026-01-01T00:00:00Z',
};

describe('turning catalogue rows into listings', () => {
  it('leaves out services that are not published', () => {
    expect(buildListings(catalogueWith({ services: [{ ...service, published: false }] }))).toEqual([]);
  });

  it('splits the description into paragraphs and states ages plainly', () => {
    const [listing] = buildListings(catalogueWith({ services: [service] }));
    expect(listing!.paragraphs).toEqual(['Make things.', 'Meet people.']);
    expect(listing!.ages).toBe('Aged 18 and over');
  });

  it('describes costs with amount and note, and knows when a service is free', () => {
    const paid = buildListings(
      catalogueWith({
        services: [service],
        cost_options: [
          {
            id: 'c1',
            service_id: 's1',
            valid_from: null,
            valid_to: null,
            option: 'Weekly shop',
            currency: 'GBP',
            amount: 4.5,
            amount_description: 'Choose 10 items',
          },
        ],
      }),
    )[0]!;
    expect(paid.costs).toEqual(['Weekly shop £4.50 (Choose 10 items)']);
    expect(paid.free).toBe(false);
    const free = buildListings(catalogueWith({ services: [{ ...service, fees_description: 'Free' }] }))[0]!;
    expect(free.free).toBe(true);
  });
});

describe('the needs of a listing', () => {
  const needTerm = (code: string, label: string) => ({
    id: `need-${code}`,
    taxonomy_id: 'signpost-needs',
    parent_id: null,
    code,
    name: label,
    description: null,
    language: 'en',
    term_uri: null,
    resident_label: label,
    synonyms: [],
  });
  const terms = [needTerm('loneliness', 'Meet people and feel less alone'), needTerm('food', 'Enough to eat')];
  const deliveryType = {
    ...needTerm('social-activity', 'Social activity'),
    id: 'deliverable-type-social-activity',
    taxonomy_id: 'imported-oruk-v1-deliverable-types',
    resident_label: null,
  };

  it('are told from the service’s own words when its source linked none', () => {
    const [listing] = buildListings(catalogueWith({ services: [service], taxonomy_terms: terms }));
    expect(listing!.needs.map((n) => n.code)).toEqual(['loneliness']);
    expect(listing!.needsInferred).toBe(true);
  });

  it('are the ones a curator linked, when there are any', () => {
    const [listing] = buildListings(
      catalogueWith({
        services: [service],
        taxonomy_terms: terms,
        service_taxonomies: [{ id: 'l1', service_id: 's1', taxonomy_term_id: 'need-food' }],
      }),
    );
    expect(listing!.needs.map((n) => n.code)).toEqual(['food']);
    expect(listing!.needsInferred).toBe(false);
  });

  it('never include an ORUK v1 delivery type such as “Social activity”', () => {
    const [listing] = buildListings(
      catalogueWith({
        services: [{ ...service, name: 'Tuesday group', description: 'A group.' }],
        taxonomy_terms: [...terms, deliveryType],
        service_taxonomies: [{ id: 'l1', service_id: 's1', taxonomy_term_id: deliveryType.id }],
      }),
    );
    expect(listing!.needs.map((n) => n.label)).not.toContain('Social activity');
    expect(listing!.categories).toEqual([]);
  });
});
