import { createClient, type SupabaseClient } from '@supabase/supabase-js';

export interface SupabaseConnection {
  url: string;
  publishableKey: string;
}

let client: SupabaseClient | undefined;

/**
 * The browser's Supabase client for a resident: the session (an anonymous one at first) is kept by
 * supabase-js so the person's own page can find their referral after the journey and after a
 * magic link. Only the session's tokens are stored, never anything from the referral itself.
 * A magic link's tokens arrive in the address (implicit flow), so a link opened on another device works.
 */
export function residentClient(connection: SupabaseConnection): SupabaseClient {
  client ??= createClient(connection.url, connection.publishableKey, {
    auth: {
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: true,
      flowType: 'implicit',
      storageKey: 'signpost-resident-auth',
    },
  });
  return client;
}
