import { createClient } from '@supabase/supabase-js';

/**
 * The staff workspace's client: it keeps the signed-in person's session in the browser (tokens
 * only, never referral data), refreshes it, and picks up the session a sign-in or invitation link
 * brings back in the address. It sits apart from `supabase.ts` only so the workspace's first
 * screen does not carry the build-time configuration checks (zod) that module imports; the
 * island is given its URL and publishable key by the page, which checked them at build time.
 */
export function sessionClient(config: { PUBLIC_SUPABASE_URL: string; PUBLIC_SUPABASE_PUBLISHABLE_KEY: string }) {
  return createClient(config.PUBLIC_SUPABASE_URL, config.PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
    auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
  });
}

export type SessionClient = ReturnType<typeof sessionClient>;
