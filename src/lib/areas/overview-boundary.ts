import simplify from '@turf/simplify';
import type { AreaGeometry } from '../schemas/geojson.ts';

/** About 20 m: a pixel at zoom 13, finer than the map of all areas is ever drawn at first. */
const tolerance = 0.0002;
/** Four decimals of a degree: about 10 m. */
const factor = 10 ** 4;

/**
 * An area's boundary at the precision a map of every area needs. /areas carries every boundary in
 * its page, and each may be up to 50 KB at the imported precision (about 1 m); simplified to about
 * 20 m and rounded to about 10 m, a real PCN's boundary is a few KB, so the page arrives and draws
 * sooner. Area pages and the postcode finder keep the full boundary.
 */
export function overviewBoundary(geometry: AreaGeometry): AreaGeometry {
  const simple = simplify(geometry, { tolerance, highQuality: false, mutate: false });
  const round = (ring: [number, number][]): [number, number][] => {
    const rounded = ring.map(([lng, lat]): [number, number] => [Math.round(lng * factor) / factor, Math.round(lat * factor) / factor]);
    const kept = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1]![0] || p[1] !== rounded[i - 1]![1]);
    const [first, last] = [kept[0]!, kept.at(-1)!];
    if (kept.length === 1 || first[0] !== last[0] || first[1] !== last[1]) kept.push(first);
    // Rounding a tiny ring may leave too few corners to draw: keep that one as it was.
    return kept.length >= 4 ? kept : ring;
  };
  return simple.type === 'Polygon'
    ? { type: 'Polygon', coordinates: simple.coordinates.map(round) }
    : { type: 'MultiPolygon', coordinates: simple.coordinates.map((polygon) => polygon.map(round)) };
}
