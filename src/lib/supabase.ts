import { createClient } from '@supabase/supabase-js';
import { publicConfig, type PublicConfig } from './config.ts';

/** The one way Signpost talks to Supabase with the public publishable key (pages at build time, islands). */
export function supabaseClient(config: Pick<PublicConfig, 'PUBLIC_SUPABASE_URL' | 'PUBLIC_SUPABASE_PUBLISHABLE_KEY'> = publicConfig()) {
  return createClient(config.PUBLIC_SUPABASE_URL, config.PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

/**
 * The staff workspace's client: it keeps the signed-in person's session in the browser (tokens
 * only, never referral data), refreshes it, and picks up the session a sign-in or invitation link
 * brings back in the address.
 */
export function sessionClient(config: Pick<PublicConfig, 'PUBLIC_SUPABASE_URL' | 'PUBLIC_SUPABASE_PUBLISHABLE_KEY'>) {
  return createClient(config.PUBLIC_SUPABASE_URL, config.PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
    auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
  });
}

export type SessionClient = ReturnType<typeof sessionClient>;
