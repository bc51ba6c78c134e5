import { sliceServiceSchema, type SliceService } from '../schemas/slice-service.ts';
import { supabaseClient } from '../supabase.ts';

const publicRow = sliceServiceSchema.omit({ published: true });
export type PublicSliceService = Omit<SliceService, 'published'>;

/** Published slice services as the public sees them (anon key, RLS decides). Used at build time. */
export async function loadSliceServices(): Promise<PublicSliceService[]> {
  const { data, error } = await supabaseClient().from('slice_services').select('id, name, summary, town').order('name');
  if (error) throw new Error(`Could not load services from Supabase: ${error.message}. Is the local stack running (npm run stack)?`);
  return publicRow.array().parse(data);
}
