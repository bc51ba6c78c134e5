import 'leaflet/dist/leaflet.css';
import L, { type LeafletEvent, type Map as LeafletMap, type Marker as LeafletMarker, type PathOptions } from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { GeoJSON, MapContainer, Marker, TileLayer } from 'react-leaflet';
import { link, text } from './dom.ts';
import { describeMap, markInteractive } from './map-container.ts';
import { MapToolbar } from './MapToolbar.tsx';
import type { MapArea, Tiles } from './map-types.ts';

interface Props {
  areas: MapArea[];
  tiles: Tiles;
  /** The id of the page's text description of the map. */
  describedBy: string;
}

const areaStyle: PathOptions = { color: '#005a4e', weight: 2, fillColor: '#005a4e', fillOpacity: 0.15 };
const activeStyle: PathOptions = { color: '#0b0c0c', weight: 4, fillColor: '#ffdd00', fillOpacity: 0.45 };

/**
 * /areas: every PCN area on a canvas-rendered map. Each area has a pin that is a real link, so Tab
 * reaches every area and Enter opens its page; hovering an area or focusing its pin highlights it
 * and names it; clicking an area opens its page.
 */
export default function AreasMap({ areas, tiles, describedBy }: Props) {
  const [map, setMap] = useState<LeafletMap | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const pins = useRef(new Map<string, LeafletMarker>());
  const bounds = useMemo(
    () =>
      L.geoJSON(areas.map((a) => a.boundary))
        .getBounds()
        .pad(0.05),
    [areas],
  );
  const icons = useMemo(
    () =>
      new Map(
        areas.map((a) => [a.code, L.divIcon({ html: link('area-pin', a.path, a.name), className: 'area-pin-icon', iconSize: [22, 22] })]),
      ),
    [areas],
  );

  useEffect(() => {
    if (!map) return;
    describeMap(map, 'Map of the areas', describedBy);
    markInteractive(map, bounds);
  }, [map, describedBy, bounds]);

  useEffect(() => {
    for (const [code, pin] of pins.current) {
      if (code === active) pin.openTooltip();
      else pin.closeTooltip();
    }
  }, [active]);

  const activeArea = areas.find((a) => a.code === active);

  return (
    <div className="map-frame">
      <MapToolbar map={map} bounds={bounds} resetLabel="Show all areas" />
      <MapContainer ref={setMap} bounds={bounds} preferCanvas zoomControl={false} scrollWheelZoom={false} className="map">
        {tiles.url !== 'none' && <TileLayer url={tiles.url} attribution={tiles.attribution} />}
        {areas.map((area) => (
          <GeoJSON
            key={area.code}
            data={area.boundary}
            style={area.code === active ? activeStyle : areaStyle}
            eventHandlers={{
              mouseover: () => setActive(area.code),
              mouseout: () => setActive((current) => (current === area.code ? null : current)),
              click: () => window.location.assign(area.path),
            }}
          />
        ))}
        {areas.map((area) => (
          <Marker
            key={area.code}
            position={area.label}
            icon={icons.get(area.code)}
            keyboard={false}
            ref={(pin) => {
              if (pin) pins.current.set(area.code, pin.bindTooltip(text(area.name), { direction: 'top', offset: [0, -12] }));
              else pins.current.delete(area.code);
            }}
            eventHandlers={{
              add: (event: LeafletEvent) => {
                const element = (event.target as LeafletMarker).getElement();
                element?.addEventListener('focusin', () => setActive(area.code));
                element?.addEventListener('focusout', () => setActive((current) => (current === area.code ? null : current)));
              },
              mouseover: () => setActive(area.code),
              mouseout: () => setActive((current) => (current === area.code ? null : current)),
            }}
          />
        ))}
      </MapContainer>
      <p className="map-status">
        {activeArea ? (
          <>
            <strong>{activeArea.name}</strong>: press Enter or click to open its page
          </>
        ) : (
          'Point at an area or press Tab to reach it, to see its name.'
        )}
      </p>
    </div>
  );
}
