import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { LatLng } from '../geocoding/district-table.ts';
import type { AreaGeometry } from '../schemas/geojson.ts';

export interface AreaShape {
  code: string;
  name: string;
  boundary: AreaGeometry | null;
}

/** Whether a point lies inside (or on the edge of) a PCN boundary. */
export function contains(boundary: AreaGeometry, point: LatLng): boolean {
  return booleanPointInPolygon([point.lng, point.lat], boundary);
}

/** The areas whose boundary holds the point: none outside the covered areas, more than one where boundaries overlap. */
export function areasContaining<T extends AreaShape>(point: LatLng, areas: T[]): T[] {
  return areas.filter((area) => area.boundary !== null && contains(area.boundary, point));
}
