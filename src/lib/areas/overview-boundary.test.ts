import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AreaGeometry } from '../schemas/geojson.ts';
import { overviewBoundary } from './overview-boundary.ts';

/** A wobbly ring of `corners` positions around King's Lynn, about 10 km across, as a detailed real boundary would be. */
function detailedArea(corners: number): AreaGeometry {
  const ring: [number, number][] = [];
  for (let i = 0; i < corners; i++) {
    const angle = (2 * Math.PI * i) / corners;
    const radius = 0.05 + 0.002 * Math.sin(angle * 40);
    ring.push([0.4 + radius * Math.cos(angle) * 1.6, 52.75 + radius * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

const size = (g: AreaGeometry) => JSON.stringify(g).length;

describe('boundaries for the map of every area', () => {
  it('are a small part of the imported boundary, and still closed rings', () => {
    const full = detailedArea(5000);
    const overview = overviewBoundary(full);
    expect(size(overview)).toBeLessThan(size(full) / 5);
    const ring = (overview as Extract<AreaGeometry, { type: 'Polygon' }>).coordinates[0]!;
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring.at(-1)).toEqual(ring[0]);
  });

  it('still hold the places inside the area and leave out those outside it', () => {
    const overview = overviewBoundary(detailedArea(5000));
    expect(booleanPointInPolygon([0.4, 52.75], overview)).toBe(true); // the middle
    expect(booleanPointInPolygon([0.4, 52.78], overview)).toBe(true); // well inside the edge
    expect(booleanPointInPolygon([0.6, 52.75], overview)).toBe(false); // well outside
  });

  it('keep each polygon of an area made of several', () => {
    const a = detailedArea(400) as Extract<AreaGeometry, { type: 'Polygon' }>;
    const b = a.coordinates[0]!.map(([lng, lat]): [number, number] => [lng + 0.5, lat]);
    const overview = overviewBoundary({ type: 'MultiPolygon', coordinates: [a.coordinates, [b]] });
    expect(overview.type).toBe('MultiPolygon');
    expect((overview as Extract<AreaGeometry, { type: 'MultiPolygon' }>).coordinates).toHaveLength(2);
  });

  it('leave a ring too small to simplify as it was', () => {
    const tiny: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0.40001, 52.75001],
          [0.40002, 52.75001],
          [0.40002, 52.75002],
          [0.40001, 52.75001],
        ],
      ],
    };
    const ring = (overviewBoundary(tiny) as Extract<AreaGeometry, { type: 'Polygon' }>).coordinates[0]!;
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring.at(-1)).toEqual(ring[0]);
  });
});
