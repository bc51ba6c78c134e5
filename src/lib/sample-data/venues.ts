import type { Random } from './prng.ts';
import type { Town } from './areas.ts';
import type { VenueKind } from './templates/types.ts';
import type { LocationInput } from '../schemas/location.ts';

/** FICTIONAL SAMPLE DATA: invented venues in real towns, with plausible postcodes. */
const venueNames: Record<VenueKind, string[]> = {
  'church hall': [
    "St Mary's Church Hall",
    "St Peter's Church Hall",
    'Methodist Church Hall',
    'Trinity Church Hall',
    "St John's Parish Rooms",
  ],
  library: ['{town} Library'],
  'community centre': ['{town} Community Centre', 'Northgate Community Centre', 'The Pavilion Community Centre', 'Riverside Community Hub'],
  'leisure centre': ['{town} Leisure Centre', '{town} Sports Centre'],
  park: ['{town} Park (meet at the bandstand)', 'Riverside Walk (meet by the bridge)', 'Market Place (meet by the clock)'],
  'family hub': ['{town} Family Hub'],
  office: ['{town} Advice and Wellbeing Hub', 'Council Offices, {town}'],
};
const streets = [
  'High Street',
  'Church Lane',
  'Market Place',
  'Station Road',
  'Victoria Road',
  'Queen Street',
  'Bridge Street',
  'Park Road',
  'Mill Lane',
  'Westgate',
];
const accessibilityNotes = [
  'Step-free access and an accessible toilet.',
  'Ramp at the side entrance; hearing loop fitted.',
  'Ground floor, level access, parking close by.',
  'Two steps at the front door; a portable ramp is available on request.',
  'Lift to all floors. Blue badge parking outside.',
];
const unitLetters = 'ABDEFGHJLNPQRSTUWXYZ';

export function fakePostcode(random: Random, district: string): string {
  return `${district} ${random.int(1, 9)}${random.pick([...unitLetters])}${random.pick([...unitLetters])}`;
}

/** One location per venue kind per town, created on first use. */
export class VenueBook {
  private readonly byKey = new Map<string, LocationInput>();
  readonly locations: LocationInput[] = [];

  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
  }

  venue(town: Town, kind: VenueKind): LocationInput {
    const key = `${town.name}|${kind}`;
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const r = this.random;
    const name = r.pick(venueNames[kind]).replace('{town}', town.name);
    const location: LocationInput = {
      id: r.uuid(),
      name,
      address_1: kind === 'park' ? null : `${r.int(1, 120)} ${r.pick(streets)}`,
      city: town.name,
      postal_code: fakePostcode(r, r.pick(town.postcodeDistricts)),
      country: 'GB',
      latitude: Number((town.lat + (r.next() - 0.5) * 0.02).toFixed(5)),
      longitude: Number((town.lng + (r.next() - 0.5) * 0.03).toFixed(5)),
      accessibility: kind === 'park' ? 'Flat, mostly tarmac paths; benches along the route.' : r.pick(accessibilityNotes),
      transportation: r.chance(0.5) ? `Buses stop nearby on ${r.pick(streets)}.` : null,
    };
    this.byKey.set(key, location);
    this.locations.push(location);
    return location;
  }
}
