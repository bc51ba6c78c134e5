import { createClient } from '@supabase/supabase-js';
import { createOrukHandler } from './handler.ts';
import { timedFetch } from './timing.ts';

/**
 * Supabase Edge Function `oruk`: the Open Referral UK 3.0 read API. Hosted Supabase sets
 * SUPABASE_URL and SUPABASE_ANON_KEY for every function; the local stack sets the same. It reads
 * with the anon key on purpose, whoever calls, so row level security decides what is public.
 */
const url = Deno.env.get('SUPABASE_URL');
const anonKey = Deno.env.get('SUPABASE_ANON_KEY');
if (!url || !anonKey) throw new Error('SUPABASE_URL and SUPABASE_ANON_KEY must be set for the oruk function.');

const db = createClient(url, anonKey, {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  global: { fetch: timedFetch },
});

Deno.serve(createOrukHandler(db));
