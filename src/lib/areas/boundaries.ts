import type { AreaGeometry } from '../schemas/geojson.ts';

export interface BoundaryArea {
  code: string;
  name: string;
  path: string;
  boundary: AreaGeometry | null;
}

let boundaries: Promise<BoundaryArea[]> | undefined;

/** Every area's boundary, fetched once and only when a postcode is looked up (pages do not carry them). */
export function loadBoundaries(): Promise<BoundaryArea[]> {
  boundaries ??= fetch('/areas/boundaries.json').then((response) => {
    if (!response.ok) throw new Error(`boundaries: HTTP ${response.status}`);
    return response.json() as Promise<BoundaryArea[]>;
  });
  boundaries.catch(() => (boundaries = undefined));
  return boundaries;
}
