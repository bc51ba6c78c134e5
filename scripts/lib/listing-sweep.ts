import type { SupabaseClient } from '@supabase/supabase-js';
import { sleep } from './sleep.ts';

export interface ListingSweepOptions {
  signal: AbortSignal;
  /** Time between sweeps, in ms; without it, one sweep and done. */
  everyMs?: number;
  log?: (line: string) => void;
}

/** One sweep: public.hide_unverifiable_listings() as the service role; returns how many it hid. */
export async function hideUnverifiableListings(service: SupabaseClient): Promise<number> {
  const answer: { data: unknown; error: { message: string } | null } = await service.rpc('hide_unverifiable_listings');
  if (answer.error) throw new Error(`hiding unverifiable listings did not work: ${answer.error.message}`);
  return Number(answer.data);
}

/**
 * Hides published listings nobody has verified for the time curators set
 * (`curation_settings.hide_unverified_after_months`), with the reason, never deleting them: once,
 * or on a schedule. A failed sweep (PostgREST down) is said and tried again at the next one, or
 * after a minute when the schedule is longer.
 */
export async function runListingSweep(service: SupabaseClient, options: ListingSweepOptions): Promise<void> {
  const { signal, everyMs, log = console.log } = options;
  while (!signal.aborted) {
    let wait = everyMs;
    try {
      const hidden = await hideUnverifiableListings(service);
      if (hidden > 0)
        log(`Hid ${hidden} listing${hidden === 1 ? '' : 's'} nobody has verified in time; curators see why in the review queue.`);
    } catch (error) {
      log(`${(error as Error).message}. Trying again${everyMs ? ' soon' : ' at the next run'}.`);
      if (everyMs) wait = Math.min(everyMs, 60_000);
      else throw error;
    }
    if (wait === undefined) return;
    await sleep(wait, signal);
  }
}
