import { createClient } from '@supabase/supabase-js';

/**
 * The browser's Supabase clients that keep a session: supabase-js stores the session's tokens
 * (never anything from a referral), refreshes them, and picks up the session a sign-in or magic
 * link brings back in the address (implicit flow, so a link opened on another device works).
 * They sit apart from `supabase.ts` only so the islands do not carry the build-time configuration
 * checks (zod) that module imports: each island is given its URL and publishable key by its page,
 * which checked them at build time.
 */
function browserClient(url: string, publishableKey: string, storageKey?: string) {
  return createClient(url, publishableKey, {
    auth: {
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: true,
      flowType: 'implicit',
      ...(storageKey ? { storageKey } : {}),
    },
  });
}

/** The staff workspace's client (supabase-js's default storage key). */
export function sessionClient(config: { PUBLIC_SUPABASE_URL: string; PUBLIC_SUPABASE_PUBLISHABLE_KEY: string }) {
  return browserClient(config.PUBLIC_SUPABASE_URL, config.PUBLIC_SUPABASE_PUBLISHABLE_KEY);
}

export type SessionClient = ReturnType<typeof sessionClient>;

export interface SupabaseConnection {
  url: string;
  publishableKey: string;
}

let resident: ReturnType<typeof browserClient> | undefined;

/**
 * A resident's client, one per page: the session (an anonymous one at first) is kept under its own
 * key so the person's own page finds their referral after the journey and after a magic link.
 */
export function residentClient(connection: SupabaseConnection): ReturnType<typeof browserClient> {
  resident ??= browserClient(connection.url, connection.publishableKey, 'signpost-resident-auth');
  return resident;
}
