/// <reference types="vite/client" />
import type { Postcode } from './postcode.ts';

export interface LatLng {
  lat: number;
  lng: number;
}

type AreaTable = Record<string, [number, number]>;

/**
 * The offline table of postcode-district centroids (see README.md in this folder for its source and
 * licence), one file per postcode area so a browser downloads only the area it needs, and only when
 * postcodes.io cannot answer.
 */
const areaTables = import.meta.glob<AreaTable>('./districts/*.json', { import: 'default' });

/** The centre of a postcode's district ("PE30"), or of its outward code ("SW1A") where that is listed; null if unknown. */
export async function districtCentroid(postcode: Pick<Postcode, 'area' | 'outcode' | 'district'>): Promise<LatLng | null> {
  const load = areaTables[`./districts/${postcode.area}.json`];
  if (!load) return null;
  const table = await load();
  const point = table[postcode.outcode] ?? table[postcode.district];
  return point ? { lat: point[0], lng: point[1] } : null;
}
