import type { LatLng } from '../../lib/geocoding/district-table.ts';
import type { AreaGeometry } from '../../lib/schemas/geojson.ts';

/** What the browser needs to draw one area: nothing else of the catalogue ships to it. */
export interface MapArea {
  code: string;
  name: string;
  path: string;
  boundary: AreaGeometry;
  label: LatLng;
}

export interface MapService {
  id: string;
  name: string;
  path: string;
  point: LatLng;
}

/** Background tiles from configuration; `none` leaves the plain background. */
export interface Tiles {
  url: string;
  attribution: string;
}
