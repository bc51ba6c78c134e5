import type { APIRoute } from 'astro';
import { exportCatalogue } from '../../lib/oruk/export.ts';
import { supabaseClient } from '../../lib/supabase.ts';

/** The whole published directory as one Open Referral UK 3.0 `/services` page, built as a static file. */
export const GET: APIRoute = async () => {
  const { dataset } = await exportCatalogue(supabaseClient());
  return new Response(JSON.stringify(dataset), { headers: { 'Content-Type': 'application/json' } });
};
