import type { Listing } from './listing.ts';

/** What a list of services (A to Z, a need, an organisation) shows of each one. */
export interface ListingSummary {
  id: string;
  name: string;
  organisation: { id: string; name: string } | null;
  summary: string;
  status: Listing['status'];
  assuredDate: string | null;
  needs: string[];
  /** Towns of its places, or else the areas it serves: what tells two services of the same name apart. */
  places: string[];
  /** Its places that have a position, for the area maps. */
  points: { venue: string | null; town: string | null; lat: number; lng: number }[];
  free: boolean;
}

export function summarise(listing: Listing): ListingSummary {
  const towns = [...new Set(listing.locations.map((l) => l.town).filter((t): t is string => Boolean(t)))];
  return {
    id: listing.id,
    name: listing.name,
    organisation: listing.organisation ? { id: listing.organisation.id, name: listing.organisation.name } : null,
    summary: listing.summary,
    status: listing.status,
    assuredDate: listing.assuredDate,
    needs: listing.needs.map((n) => n.code),
    places: towns.length ? towns : [...new Set(listing.areas)],
    points: listing.locations.flatMap((l) =>
      l.latitude !== null && l.longitude !== null ? [{ venue: l.name, town: l.town, lat: l.latitude, lng: l.longitude }] : [],
    ),
    free: listing.free,
  };
}

/** The letter a list files a name under: A to Z, or "#" for names starting with anything else. */
export function letterOf(name: string): string {
  const first = name
    .normalize('NFKD')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}
