import { describe, expect, it } from 'vitest';
import { prepareAreas } from './areas-import.ts';

const square = (west: number, south: number, size = 0.1) => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];
const feature = (properties: Record<string, unknown>, geometry: unknown = { type: 'Polygon', coordinates: [square(0, 52)] }) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** A wiggly circle with many points, far over 50 KB as GeoJSON. */
function detailedBoundary(points = 8000) {
  const ring = Array.from({ length: points }, (_, i) => {
    const angle = (2 * Math.PI * i) / points;
    const r = 0.2 + 0.002 * Math.sin(i * 1.7);
    return [1 + r * Math.cos(angle) + 0.0000001 * i, 52 + r * Math.sin(angle)];
  });
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

describe('preparing PCN boundaries from GeoJSON', () => {
  it('reads code, name and ICB from the usual property names', () => {
    const { areas, rejected } = prepareAreas(
      collection(feature({ PCN_CODE: 'u12345', PCN_NAME: 'Riverside PCN', ICB_NAME: 'NHS Test ICB' })),
    );
    expect(rejected).toEqual([]);
    expect(areas).toMatchObject([{ code: 'U12345', name: 'Riverside PCN', icb: 'NHS Test ICB' }]);
  });

  it('reads them from the properties it is told to use', () => {
    const { areas: named } = prepareAreas(collection(feature({ ods: 'U123', label: 'Hill PCN', board: 'NHS Hill ICB' })), {
      code: ['ods'],
      name: ['label'],
      icb: ['board'],
    });
    expect(named).toMatchObject([{ code: 'U123', name: 'Hill PCN', icb: 'NHS Hill ICB' }]);
  });

  it('simplifies a detailed boundary to at most 50 KB and keeps its shape', () => {
    const boundary = detailedBoundary();
    expect(JSON.stringify(boundary).length).toBeGreaterThan(200_000);
    const { areas, rejected } = prepareAreas(collection(feature({ code: 'U22222', name: 'Detailed PCN', icb: 'NHS X ICB' }, boundary)));
    expect(rejected).toEqual([]);
    const area = areas[0]!;
    expect(area.bytes).toBeLessThanOrEqual(50_000);
    expect(JSON.stringify(area.boundary).length).toBe(area.bytes);
    const ring = area.boundary.type === 'Polygon' ? area.boundary.coordinates[0]! : [];
    expect(ring.length).toBeGreaterThan(50);
    expect(Math.max(...ring.map(([x]) => x))).toBeCloseTo(1.2, 1);
  });

  it('rejects each unusable feature with its reason and still loads the rest', () => {
    const prepared = prepareAreas(
      collection(
        feature({ code: 'U11111', name: 'Good PCN', icb: 'NHS X ICB' }),
        feature({ name: 'No Code PCN' }),
        feature({ code: '12', name: 'Short Code PCN' }),
        feature({ code: 'U11111', name: 'Twice PCN' }),
        feature({ code: 'U33333', name: 'Line PCN' }, { type: 'LineString', coordinates: square(0, 52) }),
        feature({ code: 'U44444', name: 'Grid PCN' }, { type: 'Polygon', coordinates: [square(560000, 310000, 1000)] }),
        feature({ code: 'U55555', name: 'Open PCN' }, { type: 'Polygon', coordinates: [square(0, 52).slice(0, 4)] }),
        feature({ code: 'U66666' }),
        { type: 'Feature', properties: { code: 'U77777', name: 'Empty PCN' }, geometry: null },
      ),
    );
    expect(prepared.areas.map((a) => a.code)).toEqual(['U11111']);
    expect(prepared.rejected.map((r) => [r.feature, r.reason])).toEqual([
      [2, expect.stringMatching(/^has no code/)],
      [3, 'code "12" is not an ODS code (3 to 8 letters and digits, for example U12345)'],
      [4, 'code U11111 is already used by feature 1'],
      [5, 'is a LineString, not a Polygon or MultiPolygon'],
      [6, 'has coordinates that are not longitude and latitude (convert it to WGS84, EPSG:4326, first)'],
      [7, 'has an invalid boundary: A boundary ring must end where it starts'],
      [8, expect.stringMatching(/^has no name/)],
      [9, 'has no geometry'],
    ]);
  });

  it('refuses a file that is not a FeatureCollection', () => {
    expect(() => prepareAreas({ type: 'Feature' })).toThrow(/not a GeoJSON FeatureCollection/);
  });
});
