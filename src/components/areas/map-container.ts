import L, { type LatLngBounds, type Map as LeafletMap } from 'leaflet';
import type { AreaGeometry } from '../../lib/schemas/geojson.ts';

/**
 * Names the map for assistive technology and links it to the page's text description. Leaflet
 * makes the map focusable (arrow keys pan it, + and - zoom); Tab moves on, so focus is never trapped.
 */
export function describeMap(map: LeafletMap, label: string, describedBy: string): void {
  const container = map.getContainer();
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', label);
  container.setAttribute('aria-describedby', describedBy);
}

/**
 * Fits the view once the container has its final size (a client-only island can be created before
 * the page's styles apply), then marks the moment the map can be used, for tests and the benchmark
 * (scripts/bench/maps.ts).
 */
export function markInteractive(map: LeafletMap, bounds: LatLngBounds): void {
  const size = map.getSize();
  // Fitting again when nothing moved would still redraw the layers and re-cluster the pins.
  if (!map.invalidateSize().getSize().equals(size)) map.fitBounds(bounds);
  map.getContainer().dataset['ready'] = 'true';
  performance.mark('map-interactive');
}

/** The bounds of boundaries, padded by a share of their size, read from the coordinates (no layers made just to measure them). */
export function boundsOf(geometries: AreaGeometry[], pad: number): LatLngBounds {
  const bounds = L.latLngBounds([]);
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    // The outer ring holds the holes, so it alone sets the bounds.
    for (const [outer = []] of polygons) for (const [lng, lat] of outer) bounds.extend([lat, lng]);
  }
  return bounds.pad(pad);
}
