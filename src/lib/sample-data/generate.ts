import type { CatalogueInput } from '../schemas/catalogue.ts';
import { sampleAreas, type Town } from './areas.ts';
import { allTemplates, buildServices, type Placement } from './build-services.ts';
import { seededRandom } from './prng.ts';
import { VenueBook } from './venues.ts';

/**
 * SYNTHETIC (FICTIONAL) DATA for benchmarks: the sample-data templates spread over many
 * neighbourhoods of English towns, produced in chunks so 100,000 services never sit in memory
 * at once. Same seed, same data.
 */
const extraTowns: Town[] = [
  { name: 'Leeds', lat: 53.8008, lng: -1.5491, postcodeDistricts: ['LS1', 'LS6', 'LS9'] },
  { name: 'Bristol', lat: 51.4545, lng: -2.5879, postcodeDistricts: ['BS1', 'BS5', 'BS16'] },
  { name: 'Plymouth', lat: 50.3755, lng: -4.1427, postcodeDistricts: ['PL1', 'PL4'] },
  { name: 'Ipswich', lat: 52.0567, lng: 1.1482, postcodeDistricts: ['IP1', 'IP4'] },
  { name: 'Carlisle', lat: 54.8925, lng: -2.9329, postcodeDistricts: ['CA1', 'CA2'] },
  { name: 'Stoke-on-Trent', lat: 53.0027, lng: -2.1794, postcodeDistricts: ['ST1', 'ST4'] },
  { name: 'Hastings', lat: 50.8543, lng: 0.5735, postcodeDistricts: ['TN34'] },
  { name: 'Blackpool', lat: 53.8175, lng: -3.0357, postcodeDistricts: ['FY1', 'FY4'] },
  { name: 'Lincoln', lat: 53.2307, lng: -0.5406, postcodeDistricts: ['LN1', 'LN6'] },
  { name: 'Exeter', lat: 50.7184, lng: -3.5339, postcodeDistricts: ['EX1', 'EX4'] },
];
const wards = ['North', 'South', 'East', 'West', 'Abbey', 'Castle', 'Priory', 'Westfield', 'Park', 'Old Town', 'Meadows', 'Hill Top'];

export type GenerateOptions = { services: number; seed?: number; chunkSize?: number };

export function* generateCatalogueChunks({ services, seed = 1, chunkSize = 5000 }: GenerateOptions): Generator<CatalogueInput> {
  const r = seededRandom(seed);
  const baseTowns = [...sampleAreas.flatMap((a) => a.pcns.flatMap((p) => p.towns)), ...extraTowns];
  // About 60 services per neighbourhood, like a busy town directory.
  const neighbourhoods: Town[] = Array.from({ length: Math.max(1, Math.ceil(services / 60)) }, (_, i) => {
    const base = baseTowns[i % baseTowns.length]!;
    const round = Math.floor(i / baseTowns.length);
    const ward = wards[round % wards.length]!;
    const name = round < wards.length ? `${base.name} ${ward}` : `${base.name} ${ward} ${Math.floor(round / wards.length) + 1}`;
    return { ...base, name, lat: base.lat + (r.next() - 0.5) * 0.08, lng: base.lng + (r.next() - 0.5) * 0.12 };
  });
  const orgIds = new Map<string, string>();
  const venues = new VenueBook(r);
  for (let done = 0; done < services; done += chunkSize) {
    const count = Math.min(chunkSize, services - done);
    const placements: Placement[] = Array.from({ length: count }, (_, i) => {
      const town = neighbourhoods[Math.floor((done + i) / 60) % neighbourhoods.length]!;
      return {
        town,
        areaName: town.name.replace(/ (North|South|East|West|Abbey|Castle|Priory|Westfield|Park|Old Town|Meadows|Hill Top).*$/, ''),
        areaKey: 'synthetic',
        template: r.pick(allTemplates),
      };
    });
    const chunk: CatalogueInput = {};
    const venuesBefore = venues.locations.length;
    buildServices(r, placements, chunk, orgIds, venues);
    chunk.locations = venues.locations.slice(venuesBefore);
    yield chunk;
  }
}
