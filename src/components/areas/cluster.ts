import L, { type MarkerCluster } from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { text } from './dom.ts';

// A cluster marker is not focusable itself: the button inside it is, so there is one control, not two nested.
L.MarkerCluster.prototype.options = Object.assign(Object.create(L.Marker.prototype.options) as L.MarkerOptions, { keyboard: false });

/** Pins that crowd together become one numbered button; pressing it (click or Enter) zooms in to show them. */
export function clusterGroup(noun: { one: string; many: string }, radius: number): L.MarkerClusterGroup {
  return L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: radius,
    iconCreateFunction: (cluster: MarkerCluster) => {
      const count = cluster.getChildCount();
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cluster-button';
      button.setAttribute('aria-label', `${count} ${count === 1 ? noun.one : noun.many} here: zoom in to see them`);
      button.append(text(String(count)));
      return L.divIcon({ html: button, className: 'cluster-icon', iconSize: [36, 36] });
    },
  });
}

/** A pin that is a link: focus shows its name, Enter follows it. */
export function linkPin(point: { lat: number; lng: number }, icon: L.DivIcon, name: string): L.Marker {
  const pin = L.marker([point.lat, point.lng], { keyboard: false, icon });
  pin.bindTooltip(text(name), { direction: 'top', offset: [0, -14] });
  pin.on('add', () => {
    const element = pin.getElement();
    element?.addEventListener('focusin', () => pin.openTooltip());
    element?.addEventListener('focusout', () => pin.closeTooltip());
  });
  return pin;
}
