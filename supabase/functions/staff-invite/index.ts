import { createClient } from '@supabase/supabase-js';
import { createInviteHandler } from './handler.ts';

/**
 * Supabase Edge Function `staff-invite`: an admin in the staff workspace invites a member of
 * staff. Hosted Supabase sets SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY for
 * every function; the local stack sets the same. The service role key never leaves this function.
 */
const url = Deno.env.get('SUPABASE_URL');
const anonKey = Deno.env.get('SUPABASE_ANON_KEY');
const serviceRoleKey = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY');
if (!url || !anonKey || !serviceRoleKey)
  throw new Error('SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY must be set for the staff-invite function.');

const admin = createClient(url, serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } });

Deno.serve(createInviteHandler({ url, anonKey, admin }));
