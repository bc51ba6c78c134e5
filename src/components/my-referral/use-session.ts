import type { Session, SupabaseClient } from '@supabase/supabase-js';
import { useEffect, useState } from 'react';

/**
 * The resident's session as supabase-js sees it, including one just arrived from a magic link in
 * the address; 'loading' until there is a client and it has answered.
 */
export function useSession(supabase: SupabaseClient | null): Session | null | 'loading' {
  const [session, setSession] = useState<Session | null | 'loading'>('loading');
  useEffect(() => {
    if (!supabase) return;
    let live = true;
    void supabase.auth.getSession().then(({ data }) => live && setSession(data.session));
    const { data } = supabase.auth.onAuthStateChange((_event, next) => live && setSession(next));
    return () => {
      live = false;
      data.subscription.unsubscribe();
    };
  }, [supabase]);
  return session;
}
