import 'leaflet/dist/leaflet.css';
import L, { type Map as LeafletMap, type PathOptions } from 'leaflet';
import { useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import { clusterGroup, linkPin } from './cluster.ts';
import { link, text } from './dom.ts';
import { boundsOf, describeMap, markInteractive } from './map-container.ts';
import { MapToolbar } from './MapToolbar.tsx';
import type { MapArea, Tiles } from './map-types.ts';

interface Props {
  areas: MapArea[];
  tiles: Tiles;
  /** The id of the page's text description of the map. */
  describedBy: string;
}

type SetActive = Dispatch<SetStateAction<string | null>>;

const areaStyle: PathOptions = { color: '#005a4e', weight: 2, fillColor: '#005a4e', fillOpacity: 0.15 };
const activeStyle: PathOptions = { color: '#0b0c0c', weight: 4, fillColor: '#ffdd00', fillOpacity: 0.45 };

/** One pin per area, a link to its page; pins too close to tell apart (and to tap) become a numbered button. */
function AreaPins({ areas, setActive }: { areas: MapArea[]; setActive: SetActive }) {
  const map = useMap();
  useEffect(() => {
    const group = clusterGroup({ one: 'area', many: 'areas' }, 50);
    for (const area of areas) {
      const icon = L.divIcon({ html: link('area-pin', area.path, area.name), className: 'area-pin-icon', iconSize: [24, 24] });
      const pin = linkPin(area.label, icon, area.name);
      const on = () => setActive(area.code);
      const off = () => setActive((current) => (current === area.code ? null : current));
      pin.on({ mouseover: on, mouseout: off });
      pin.on('add', () => {
        pin.getElement()?.addEventListener('focusin', on);
        pin.getElement()?.addEventListener('focusout', off);
      });
      group.addLayer(pin);
    }
    group.on('clusterclick', () => map.getContainer().focus());
    map.addLayer(group);
    return () => {
      map.removeLayer(group);
    };
  }, [map, areas, setActive]);
  return null;
}

/**
 * Every area's boundary, drawn on the map's canvas: pointing at one highlights it and names it,
 * clicking opens its page. Plain Leaflet layers made once, not a React component per area, so the
 * first drawing and each change of highlight touch only what changed.
 */
function AreaShapes({ areas, active, setActive }: { areas: MapArea[]; active: string | null; setActive: SetActive }) {
  const map = useMap();
  const shapes = useRef(new Map<string, L.GeoJSON>());
  useEffect(() => {
    const made = shapes.current;
    for (const area of areas) {
      const shape = L.geoJSON(area.boundary, { style: areaStyle });
      shape.bindTooltip(text(area.name), { sticky: true });
      shape.on({
        mouseover: () => setActive(area.code),
        mouseout: () => setActive((current) => (current === area.code ? null : current)),
        click: () => window.location.assign(area.path),
      });
      made.set(area.code, shape.addTo(map));
    }
    return () => {
      for (const shape of made.values()) shape.remove();
      made.clear();
    };
  }, [map, areas, setActive]);
  useEffect(() => {
    for (const [code, shape] of shapes.current) shape.setStyle(code === active ? activeStyle : areaStyle);
  }, [active]);
  return null;
}

/**
 * /areas: every PCN area on a canvas-rendered map. Each area has a pin that is a real link, so Tab
 * reaches every area and Enter opens its page; hovering an area or focusing its pin highlights it
 * and names it; clicking an area opens its page.
 */
export default function AreasMap({ areas, tiles, describedBy }: Props) {
  const [map, setMap] = useState<LeafletMap | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const bounds = useMemo(
    () =>
      boundsOf(
        areas.map((a) => a.boundary),
        0.05,
      ),
    [areas],
  );

  useEffect(() => {
    if (!map) return;
    describeMap(map, 'Map of the areas', describedBy);
    markInteractive(map, bounds);
  }, [map, describedBy, bounds]);

  const activeArea = areas.find((a) => a.code === active);

  return (
    <div className="map-frame">
      <MapToolbar map={map} bounds={bounds} resetLabel="Show all areas" />
      <MapContainer ref={setMap} bounds={bounds} preferCanvas zoomControl={false} scrollWheelZoom={false} className="map">
        {tiles.url !== 'none' && <TileLayer url={tiles.url} attribution={tiles.attribution} />}
        <AreaShapes areas={areas} active={active} setActive={setActive} />
        <AreaPins areas={areas} setActive={setActive} />
      </MapContainer>
      <p className="map-status">
        {activeArea ? (
          <>
            <strong>{activeArea.name}</strong>: press Enter or click to open its page
          </>
        ) : (
          'Point at an area or press Tab to reach its pin, to see its name.'
        )}
      </p>
    </div>
  );
}
