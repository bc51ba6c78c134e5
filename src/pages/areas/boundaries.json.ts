import type { APIRoute } from 'astro';
import { loadAreas } from '../../lib/areas/load.ts';

/** Every area's boundary, for finding an area by postcode in the browser; fetched only when a postcode is looked up. */
export const GET: APIRoute = async () => {
  const { areas } = await loadAreas();
  const body = areas.map(({ code, name, path, boundary }) => ({ code, name, path, boundary }));
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
