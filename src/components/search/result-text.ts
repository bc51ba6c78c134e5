import type { ServiceHit } from '../../lib/search/client.ts';
import { distanceKm } from '../../lib/geocoding/distance.ts';
import type { LatLng } from '../../lib/geocoding/district-table.ts';
import { isOpenAt } from '../../lib/search/opening.ts';

/** What a resident must know before going: closed, not running, never checked. Plain words. */
export function statusNotes(hit: Pick<ServiceHit, 'status' | 'checked'>): string[] {
  const notes: string[] = [];
  if (hit.status === 'temporarily closed') notes.push('Closed for now');
  if (hit.status === 'inactive' || hit.status === 'defunct') notes.push('Not running at the moment');
  if (!hit.checked) notes.push('Not yet checked by a person');
  return notes;
}

/** Distance to the nearest of the service's places, in miles, as a resident reads it. */
export function distanceText(hit: Pick<ServiceHit, 'places'>, from: LatLng): string | null {
  if (!hit.places.length) return null;
  const miles = Math.min(...hit.places.map((p) => distanceKm(from, p))) / 1.609344;
  if (miles < 0.1) return 'Less than 0.1 miles away';
  return `${miles < 10 ? miles.toFixed(1) : Math.round(miles)} miles away`;
}

export function openNowText(hit: Pick<ServiceHit, 'sessions' | 'status'>, at: Date): string | null {
  if (hit.status !== 'active') return null;
  return isOpenAt(hit.sessions, at) ? 'Open now' : null;
}

/** Where a service is, so same-named services can be told apart: its towns, else the area it serves. */
export function placeText(hit: Pick<ServiceHit, 'towns' | 'areas' | 'attending'>): string {
  const where = hit.towns.length ? hit.towns.join(', ') : hit.areas.length ? `Serves ${hit.areas.join(', ')}` : '';
  if (where) return where;
  if (hit.attending.includes('online') || hit.attending.includes('phone')) return 'By phone or online';
  return '';
}
