import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDirectory } from '../../../lib/directory/load.ts';
import type { HsdsService } from '../../../lib/oruk/hsds3.ts';

/** One service as an Open Referral UK 3.0 document, like the ORUK read API's `/services/{id}`. */
export const getStaticPaths = (async () => {
  const { oruk } = await loadDirectory();
  return oruk.services.map((service) => ({ params: { id: service.id }, props: { service } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { service: HsdsService }).service), { headers: { 'Content-Type': 'application/json' } });
