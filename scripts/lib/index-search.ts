import { buildListings } from '../../src/lib/directory/listing.ts';
import { loadPublishedCatalogue } from '../../src/lib/oruk/load-catalogue.ts';
import { toServiceDocument } from '../../src/lib/search/documents.ts';
import { supabaseClient } from '../../src/lib/supabase.ts';
import type { ScriptConfig } from './config.ts';
import { indexServices, searchAdmin } from './search-admin.ts';

/**
 * Feeds Meilisearch from what the public may see: rows are read with the anon key, so RLS decides
 * what becomes searchable, exactly as it decides what the static pages show.
 */
export async function indexSearch(config: ScriptConfig): Promise<{ services: number }> {
  const listings = buildListings(await loadPublishedCatalogue(supabaseClient(config)));
  return { services: await indexServices(searchAdmin(config), listings.map(toServiceDocument)) };
}
