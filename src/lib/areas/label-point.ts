import polylabel from 'polylabel';
import type { AreaGeometry } from '../schemas/geojson.ts';
import type { LatLng } from '../geocoding/district-table.ts';

function ringArea(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return Math.abs(sum / 2);
}

/** A point well inside an area (inside its largest part), where the map puts the area's focusable pin. */
export function labelPoint(boundary: AreaGeometry): LatLng {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  const largest = polygons.reduce((best, p) => (ringArea(p[0]!) > ringArea(best[0]!) ? p : best));
  const [lng, lat] = polylabel(largest, 0.0005);
  return { lat: Number(lat.toFixed(5)), lng: Number(lng.toFixed(5)) };
}
