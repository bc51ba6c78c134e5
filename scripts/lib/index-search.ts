import { supabaseClient } from '../../src/lib/supabase.ts';
import type { ScriptConfig } from './config.ts';
import { indexSliceServices, searchAdmin } from './search-admin.ts';

/**
 * Feeds Meilisearch from what the public may see: rows are read with the anon key, so RLS decides
 * what becomes searchable, exactly as it decides what the static pages show.
 */
export async function indexSearch(config: ScriptConfig): Promise<{ sliceServices: number }> {
  const { data, error } = await supabaseClient(config).from('slice_services').select('id, name, summary, town').order('name');
  if (error) throw new Error(`Could not read services to index: ${error.message}`);
  return { sliceServices: await indexSliceServices(searchAdmin(config), data) };
}
