import type { LatLngBounds, Map as LeafletMap } from 'leaflet';

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
  map.invalidateSize();
  map.fitBounds(bounds);
  map.getContainer().dataset['ready'] = 'true';
  performance.mark('map-interactive');
}
