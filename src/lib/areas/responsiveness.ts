import { z } from 'zod';
import { SignpostError } from '../errors.ts';
import { supabaseClient } from '../supabase.ts';

export class ResponsivenessLoadError extends SignpostError {}

/** One area's usual time to first contact, as `public.area_first_contact_times()` publishes it (5 or more contacts only). */
const areaFirstContactSchema = z.object({
  pcn_code: z.string(),
  median_working_days: z.number().min(0),
  contacted: z.number().int().min(5),
});

/**
 * The median working days from referral to first contact in each area over the last 90 days, by
 * PCN code, read at build time with the publishable key. Areas with fewer than 5 first contacts
 * are absent: the database never publishes them.
 */
export async function loadUsualContactDays(): Promise<Map<string, number>> {
  const response = await supabaseClient().rpc('area_first_contact_times');
  if (response.error)
    throw new ResponsivenessLoadError(`Could not read how soon each area's team makes contact: ${response.error.message}`);
  const rows = z.array(areaFirstContactSchema).parse(response.data as unknown);
  return new Map(rows.map((r) => [r.pcn_code, r.median_working_days]));
}

/** "usually contacts you within 3 working days": the median rounded up, never under 1 day. */
export function usualContactText(medianWorkingDays: number): string {
  const days = Math.max(1, Math.ceil(medianWorkingDays));
  return `usually contacts you within ${days} working ${days === 1 ? 'day' : 'days'}`;
}
