import { describe, expect, it } from 'vitest';
import type { Listing } from '../directory/listing.ts';
import { serviceIndexSettings, toServiceDocument } from './documents.ts';

const listing: Listing = {
  id: 's1',
  name: 'Walk and Talk',
  organisation: { id: 'o1', name: 'Health Walks', url: null },
  paragraphs: ['Free led walks.', 'Far down the description: we also run a bereavement group.'],
  summary: 'Free led walks.',
  status: 'active',
  needs: [{ code: 'physical-activity', label: 'Get moving at your own pace', synonyms: ['exercise'] }],
  needsInferred: false,
  categories: [],
  locations: [
    {
      name: null,
      address: [],
      postcode: 'PE30 1AB',
      town: "King's Lynn",
      latitude: 52.75,
      longitude: 0.4,
      accessibility: null,
      transportation: null,
    },
    {
      name: null,
      address: [],
      postcode: 'PE36 5AA',
      town: 'Hunstanton',
      latitude: 52.94,
      longitude: 0.49,
      accessibility: null,
      transportation: null,
    },
  ],
  times: ['Every Tuesday, 10am to 12pm'],
  sessions: [
    {
      freq: 'WEEKLY',
      interval: null,
      byday: 'TU',
      bymonthday: null,
      opens_at: '10:00:00',
      closes_at: '12:00:00',
      valid_from: null,
      valid_to: null,
    },
  ],
  costs: [],
  free: true,
  accessRoutes: ['drop in'],
  attendingTypes: ['in person'],
  eligibility: null,
  howToAccess: null,
  ages: null,
  phones: [],
  email: null,
  url: null,
  languages: ['English'],
  areas: ['West Norfolk'],
  assuredDate: '2026-01-10',
  minimumAge: null,
  maximumAge: 65,
};

describe('a service as Meilisearch holds it', () => {
  it('makes the whole description searchable, not only the summary', () => {
    expect(toServiceDocument(listing).description).toContain('bereavement group');
    expect(serviceIndexSettings.searchableAttributes).toContain('description');
  });

  it('carries every place, with the first as the point Meilisearch sorts by', () => {
    const doc = toServiceDocument(listing);
    expect(doc.places).toHaveLength(2);
    expect(doc._geo).toEqual({ lat: 52.75, lng: 0.4 });
  });

  it('carries its needs’ resident words so they find it', () => {
    expect(toServiceDocument(listing).needWords).toEqual(expect.arrayContaining(['exercise', 'walking group']));
  });

  it('can be filtered by day, open time and age', () => {
    const doc = toServiceDocument(listing);
    expect(doc.days).toEqual(['TU']);
    expect(doc.openSlots).toContain(96 + 40); // Tuesday 10:00
    expect([doc.minAge, doc.maxAge]).toEqual([0, 65]);
  });

  it('never lets typos match numbers or postcodes', () => {
    expect(serviceIndexSettings.typoTolerance).toMatchObject({ disableOnNumbers: true, disableOnAttributes: ['postcodes'] });
  });

  it('ranks in the order the searchable attributes say what a service is', () => {
    expect(serviceIndexSettings.searchableAttributes.slice(0, 6)).toEqual([
      'name',
      'needLabels',
      'needWords',
      'summary',
      'organisation',
      'description',
    ]);
  });
});
