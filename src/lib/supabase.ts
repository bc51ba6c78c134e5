import { createClient } from '@supabase/supabase-js';
import { publicConfig, type PublicConfig } from './config.ts';

/** The one way Signpost talks to Supabase with the public publishable key (pages at build time, islands). */
export function supabaseClient(config: Pick<PublicConfig, 'PUBLIC_SUPABASE_URL' | 'PUBLIC_SUPABASE_PUBLISHABLE_KEY'> = publicConfig()) {
  return createClient(config.PUBLIC_SUPABASE_URL, config.PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

/** The staff workspace's client, which keeps a session: `supabase-session.ts` (apart, to keep the island small). */
export { sessionClient, type SessionClient } from './supabase-session.ts';
