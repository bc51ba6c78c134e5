import { createClient } from '@supabase/supabase-js';
import { publicConfig, type PublicConfig } from './config.ts';

/** The one way Signpost talks to Supabase with the public anon key (pages at build time, islands). */
export function supabaseClient(config: Pick<PublicConfig, 'PUBLIC_SUPABASE_URL' | 'PUBLIC_SUPABASE_ANON_KEY'> = publicConfig()) {
  return createClient(config.PUBLIC_SUPABASE_URL, config.PUBLIC_SUPABASE_ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}
