import { createClient } from '@supabase/supabase-js';
import type { ScriptConfig } from './config.ts';

/**
 * Supabase with the project's secret key (the service_role): for scripts and workers only, never a
 * browser. Row level security does not limit it, so it only calls what is granted to service_role.
 */
export function supabaseService(config: Pick<ScriptConfig, 'PUBLIC_SUPABASE_URL' | 'SUPABASE_SECRET_KEY'>) {
  return createClient(config.PUBLIC_SUPABASE_URL, config.SUPABASE_SECRET_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}
