import type { Listing } from '../directory/listing.ts';

/** What Meilisearch holds for one service: only public listing fields, flattened for search. */
export interface ServiceDocument {
  id: string;
  name: string;
  organisation: string | null;
  summary: string;
  needs: string[];
  needLabels: string[];
  synonyms: string[];
  towns: string[];
  areas: string[];
  free: boolean;
  attending: string[];
  access: string[];
  checked: boolean;
  _geo?: { lat: number; lng: number };
}

export const serviceIndexSettings = {
  searchableAttributes: ['name', 'needLabels', 'synonyms', 'summary', 'organisation', 'towns', 'areas'],
  filterableAttributes: ['needs', 'free', 'towns', 'attending', 'access', 'checked', '_geo'],
  sortableAttributes: ['name', '_geo'],
  displayedAttributes: ['id', 'name', 'organisation', 'summary', 'needLabels', 'towns', 'free'],
};

export function toServiceDocument(listing: Listing): ServiceDocument {
  const located = listing.locations.find((l) => l.latitude != null && l.longitude != null);
  return {
    id: listing.id,
    name: listing.name,
    organisation: listing.organisation?.name ?? null,
    summary: listing.summary,
    needs: listing.needs.map((n) => n.code),
    needLabels: listing.needs.map((n) => n.label),
    synonyms: [...new Set(listing.needs.flatMap((n) => n.synonyms))],
    towns: [...new Set(listing.locations.map((l) => l.town).filter((t): t is string => Boolean(t)))],
    areas: listing.areas,
    free: listing.free,
    attending: listing.attendingTypes,
    access: listing.accessRoutes,
    checked: listing.assuredDate !== null,
    ...(located ? { _geo: { lat: located.latitude!, lng: located.longitude! } } : {}),
  };
}
