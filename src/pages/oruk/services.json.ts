import type { APIRoute } from 'astro';
import { loadDirectory } from '../../lib/directory/load.ts';

/** The whole published directory as one Open Referral UK 3.0 `/services` page, built as a static file. */
export const GET: APIRoute = async () => {
  const { oruk } = await loadDirectory();
  return new Response(JSON.stringify(oruk.dataset), { headers: { 'Content-Type': 'application/json' } });
};
