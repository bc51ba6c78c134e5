import 'leaflet/dist/leaflet.css';
import L, { type Map as LeafletMap, type PathOptions } from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { GeoJSON, MapContainer, TileLayer, useMap } from 'react-leaflet';
import type { AreaGeometry } from '../../lib/schemas/geojson.ts';
import { clusterGroup, linkPin } from './cluster.ts';
import { link } from './dom.ts';
import { boundsOf, describeMap, markInteractive } from './map-container.ts';
import { MapToolbar } from './MapToolbar.tsx';
import type { MapService, Tiles } from './map-types.ts';

interface Props {
  areaName: string;
  boundary: AreaGeometry;
  services: MapService[];
  tiles: Tiles;
  describedBy: string;
}

const boundaryStyle: PathOptions = { color: '#005a4e', weight: 3, fillColor: '#005a4e', fillOpacity: 0.08, interactive: false };

/** Service pins as links (Tab reaches each, Enter opens its page), clustered where they crowd together. */
function ServicePins({ services }: { services: MapService[] }) {
  const map = useMap();
  useEffect(() => {
    const group = clusterGroup({ one: 'service', many: 'services' }, 40);
    for (const service of services) {
      const icon = L.divIcon({ html: link('service-pin', service.path, service.name), className: 'service-pin-icon', iconSize: [24, 24] });
      group.addLayer(linkPin(service.point, icon, service.name));
    }
    // A cluster opened from the keyboard zooms in; focus goes back to the map so Tab continues among the pins.
    group.on('clusterclick', () => map.getContainer().focus());
    map.addLayer(group);
    return () => {
      map.removeLayer(group);
    };
  }, [map, services]);
  return null;
}

/** An area page's map: its boundary and the services that meet inside it. */
export default function ServicesMap({ areaName, boundary, services, tiles, describedBy }: Props) {
  const [map, setMap] = useState<LeafletMap | null>(null);
  const bounds = useMemo(() => boundsOf([boundary], 0.02), [boundary]);

  useEffect(() => {
    if (!map) return;
    describeMap(map, `Map of ${areaName} and its services`, describedBy);
    markInteractive(map, bounds);
  }, [map, areaName, describedBy, bounds]);

  return (
    <div className="map-frame">
      <MapToolbar map={map} bounds={bounds} resetLabel="Show the whole area" />
      <MapContainer ref={setMap} bounds={bounds} preferCanvas zoomControl={false} scrollWheelZoom={false} className="map">
        {tiles.url !== 'none' && <TileLayer url={tiles.url} attribution={tiles.attribution} />}
        <GeoJSON data={boundary} style={boundaryStyle} />
        <ServicePins services={services} />
      </MapContainer>
    </div>
  );
}
