import { describe, expect, it } from 'vitest';
import { geocode } from '../geocoding/geocode.ts';
import { sampleAreas } from '../sample-data/areas.ts';
import { sampleData } from '../sample-data/index.ts';
import { pcnSchema } from '../schemas/pcn.ts';
import { areasContaining } from './find-area.ts';

const pcns = sampleData.places.pcns.map((p) => pcnSchema.parse(p));

describe('finding the area a point is in', () => {
  it('finds the one sample PCN holding each sample postcode district, with no network', async () => {
    for (const area of sampleAreas)
      for (const pcn of area.pcns)
        for (const district of pcn.towns.flatMap((t) => t.postcodeDistricts)) {
          const place = await geocode(`${district} 1AA`, { baseUrl: 'offline' });
          expect([district, areasContaining(place.point, pcns).map((p) => p.code)]).toEqual([district, [pcn.code]]);
        }
  });

  it('puts every sample practice inside its own PCN and no other', () => {
    for (const practice of sampleData.places.practices) {
      const found = areasContaining({ lat: practice.latitude!, lng: practice.longitude! }, pcns).map((p) => p.id);
      expect([practice.name, found]).toEqual([practice.name, [practice.pcn_id]]);
    }
  });

  it('finds nothing for a point outside every area', () => {
    expect(areasContaining({ lat: 51.5034, lng: -0.1276 }, pcns)).toEqual([]); // Whitehall
  });

  it('finds every area whose boundary holds the point where boundaries overlap', () => {
    const square = (code: string, west: number) => ({
      code,
      name: code,
      boundary: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [west, 50],
            [west + 2, 50],
            [west + 2, 52],
            [west, 52],
            [west, 50],
          ] as [number, number][],
        ],
      },
    });
    expect(areasContaining({ lat: 51, lng: 1.5 }, [square('A', 0), square('B', 1), square('C', 5)]).map((a) => a.code)).toEqual(['A', 'B']);
  });
});
