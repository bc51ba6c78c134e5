import { areasContaining } from '../../lib/areas/find-area.ts';
import { loadBoundaries } from '../../lib/areas/boundaries.ts';
import { geocode } from '../../lib/geocoding/index.ts';

export type PracticeLookup =
  { kind: 'found'; postcode: string; pcnCodes: string[] } | { kind: 'outside'; postcode: string } | { kind: 'failed'; message: string };

/** The areas whose boundary holds a postcode, which decides whose practices to offer first. */
export async function areasForPostcode(postcode: string, postcodesUrl: string): Promise<PracticeLookup> {
  try {
    const [place, shapes] = await Promise.all([geocode(postcode, { baseUrl: postcodesUrl }), loadBoundaries()]);
    const codes = areasContaining(place.point, shapes).map((a) => a.code);
    return codes.length ? { kind: 'found', postcode: place.postcode, pcnCodes: codes } : { kind: 'outside', postcode: place.postcode };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
