import type { LatLngBounds, Map as LeafletMap } from 'leaflet';

interface Props {
  map: LeafletMap | null;
  bounds: LatLngBounds;
  resetLabel: string;
}

/** The map's controls as real buttons outside the map, so they are in the page's tab order and never trap focus. */
export function MapToolbar({ map, bounds, resetLabel }: Props) {
  return (
    <div className="map-toolbar" role="group" aria-label="Map controls">
      <button type="button" className="map-button" onClick={() => map?.zoomIn()} disabled={!map}>
        Zoom in
      </button>
      <button type="button" className="map-button" onClick={() => map?.zoomOut()} disabled={!map}>
        Zoom out
      </button>
      <button type="button" className="map-button" onClick={() => map?.fitBounds(bounds)} disabled={!map}>
        {resetLabel}
      </button>
    </div>
  );
}
